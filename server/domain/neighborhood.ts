// The subgraph around some nodes: walked hop by hop up to `depth`, filtered, at most `limit`
// relationships, with what the limit left out counted per expanded node and relationship type.
import type { GraphResponse, Truncation } from '../../common/api.ts';
import { GraphNode, GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { neighborhoodTypeCountsFor } from '../store/queries.ts';
import { SubgraphBuilder, toElements } from './elements.ts';
import { nodesByIds } from './nodes.ts';

export interface NeighborhoodOptions {
  ids: string[];
  depth: number;
  /** Relationship types to follow (checked against the schema by the caller); empty: all. */
  types: string[];
  /** Labels a neighbour must have one of; empty: any. The start nodes are always included. */
  labels: string[];
  /** ISO dates: relationships whose date (or date..dateEnd period) overlaps the range. */
  from: string | null;
  to: string | null;
  /** The most relationships to return. */
  limit: number;
}

export async function neighborhood(store: GraphStore, options: NeighborhoodOptions): Promise<GraphResponse> {
  const { depth, limit } = options;
  const filters = { types: options.types, labels: options.labels, from: options.from, to: options.to };
  const graph = new SubgraphBuilder();
  for (const node of await nodesByIds(store, [...new Set(options.ids)])) graph.addNode(node);

  // Matching relationships per expanded node, all types together; compared with what was kept at the end.
  const totals = new Map<string, number>();
  let frontier = [...graph.nodes.keys()];

  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const budget = limit - graph.relationships.size;
    if (budget <= 0) {
      await countTotals(store, frontier, filters, totals);
      break;
    }
    // One row more than the budget: if it does not come, the rows are every match, and the
    // totals are counted from them without another query.
    const step = await store.read('neighborhood-step', { ids: frontier, ...filters, limit: budget + 1 });
    if (step.rows.length <= budget) {
      for (const id of frontier) totals.set(id, 0);
      for (const { nodeId } of step.rows) totals.set(String(nodeId), (totals.get(String(nodeId)) ?? 0) + 1);
    } else {
      await countTotals(store, frontier, filters, totals);
    }
    const next: string[] = [];
    for (const { r, m } of step.rows.slice(0, budget)) {
      if (!(r instanceof GraphRelationship) || !(m instanceof GraphNode)) continue;
      if (graph.relationships.size >= limit) break;
      graph.addRelationship(r);
      if (!graph.nodes.has(m.id)) {
        graph.addNode(m);
        next.push(m.id);
      }
    }
    frontier = next;
  }

  const omitted = await omissions(store, graph.subgraph().relationships, totals, filters);
  return { elements: toElements(graph.subgraph()), meta: { truncated: omitted.length > 0, omitted } };
}

type Filters = Pick<NeighborhoodOptions, 'types' | 'labels' | 'from' | 'to'>;

async function countTotals(
  store: GraphStore,
  ids: string[],
  filters: Filters,
  totals: Map<string, number>,
): Promise<void> {
  const { rows } = await store.read('neighborhood-counts', { ids, ...filters });
  for (const row of rows) totals.set(String(row.nodeId), Number(row.total));
}

/** Kept relationships per node and type. */
function keptCounts(relationships: GraphRelationship[]): Map<string, Map<string, number>> {
  const kept = new Map<string, Map<string, number>>();
  const add = (nodeId: string, type: string) => {
    const perType = kept.get(nodeId) ?? new Map<string, number>();
    perType.set(type, (perType.get(type) ?? 0) + 1);
    kept.set(nodeId, perType);
  };
  for (const { source, target, type } of relationships) {
    add(source, type);
    if (target !== source) add(target, type);
  }
  return kept;
}

/**
 * What the limit left out, per expanded node and type. Only nodes whose matching relationships
 * (all types) outnumber the ones kept are counted per type: for the others nothing is missing.
 */
async function omissions(
  store: GraphStore,
  relationships: GraphRelationship[],
  totals: Map<string, number>,
  filters: Filters,
): Promise<Truncation[]> {
  const kept = keptCounts(relationships);
  const sum = (perType: Map<string, number> | undefined) => [...(perType?.values() ?? [])].reduce((a, b) => a + b, 0);
  const cut = [...totals].filter(([nodeId, total]) => total > sum(kept.get(nodeId))).map(([nodeId]) => nodeId);
  if (cut.length === 0) return [];
  const types =
    filters.types.length > 0
      ? filters.types
      : (await store.read('db-relationship-types')).rows.map((row) => String(row.type));
  if (types.length === 0) return [];
  const { rows } = await store.read(neighborhoodTypeCountsFor(types), {
    ids: cut,
    labels: filters.labels,
    from: filters.from,
    to: filters.to,
  });
  const omitted: Truncation[] = [];
  for (const row of rows) {
    const nodeId = String(row.nodeId);
    const perType = (row.totals ?? {}) as Record<string, unknown>;
    for (const type of types) {
      const total = Number(perType[type] ?? 0);
      const count = total - (kept.get(nodeId)?.get(type) ?? 0);
      if (count > 0) omitted.push({ nodeId, type, omitted: count });
    }
  }
  omitted.sort((a, b) => b.omitted - a.omitted || a.nodeId.localeCompare(b.nodeId) || a.type.localeCompare(b.type));
  return omitted;
}
