// The subgraph around some nodes: walked hop by hop up to `depth`, filtered, at most `limit`
// relationships, newest first, with what the limit left out counted per expanded node and
// relationship type. Without filters, a hub's page and counts come from its summary
// (hub-summaries.ts) instead of from all of its relationships.
import type { GraphResponse, Truncation } from '../../common/api.ts';
import { GraphNode, GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { neighborhoodTypeCountsFor } from '../store/queries.ts';
import { SubgraphBuilder, toElements } from './elements.ts';
import { newestFirst, readHubSummaries, type HubSummary } from './hub-summaries.ts';
import { nodesByIds } from './nodes.ts';
import { ownValue } from '../../common/own-keys.ts';

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

type Filters = Pick<NeighborhoodOptions, 'types' | 'labels' | 'from' | 'to'>;

/** One matching relationship of a node of the frontier, and the node at its other end. */
interface StepRow {
  nodeId: string;
  relationship: GraphRelationship;
  /** The other end; for a row from a summary, fetched once the page is cut. */
  neighbour?: GraphNode;
  neighbourId: string;
}

/** What one hop learnt: its rows, newest first, and the totals of its nodes it learnt on the way. */
interface Step {
  rows: StepRow[];
  /** Matching relationships per node of the frontier, where known without another query. */
  totals: Map<string, number>;
}

const noFilters: Filters = { types: [], labels: [], from: null, to: null };

const isUnfiltered = (filters: Filters) =>
  filters.types.length === 0 && filters.labels.length === 0 && filters.from === null && filters.to === null;

export async function neighborhood(store: GraphStore, options: NeighborhoodOptions): Promise<GraphResponse> {
  const { depth, limit } = options;
  const filters = { types: options.types, labels: options.labels, from: options.from, to: options.to };
  const unfiltered = isUnfiltered(filters);
  const graph = new SubgraphBuilder();
  for (const node of await nodesByIds(store, [...new Set(options.ids)])) graph.addNode(node);

  // Matching relationships per expanded node, all types together; compared with what was kept at the end.
  const totals = new Map<string, number>();
  const summaries = new Map<string, HubSummary>();
  let frontier = [...graph.nodes.keys()];

  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const budget = limit - graph.relationships.size;
    if (budget <= 0) {
      await countTotals(store, frontier, filters, totals, summaries);
      break;
    }
    // One row more than the budget: if it does not come, the rows are every match.
    const step = unfiltered
      ? await summarisedStep(store, frontier, budget + 1, summaries)
      : await liveStep(store, frontier, filters, budget + 1);
    for (const [nodeId, total] of step.totals) totals.set(nodeId, total);
    const uncounted = frontier.filter((id) => !totals.has(id));
    if (uncounted.length > 0) await countTotals(store, uncounted, filters, totals, summaries);
    const kept = step.rows.slice(0, budget);
    await fetchNeighbours(store, kept, graph);
    const next: string[] = [];
    for (const { relationship, neighbour } of kept) {
      if (graph.relationships.size >= limit) break;
      graph.addRelationship(relationship);
      if (neighbour && !graph.nodes.has(neighbour.id)) {
        graph.addNode(neighbour);
        next.push(neighbour.id);
      }
    }
    frontier = next;
  }

  const omitted = await omissions(store, graph.subgraph().relationships, totals, filters, summaries);
  return { elements: toElements(graph.subgraph()), meta: { truncated: omitted.length > 0, omitted } };
}

/** One hop by neighborhood-step.cypher: the newest `want` matches of all of `ids` together. */
async function liveStep(store: GraphStore, ids: string[], filters: Filters, want: number): Promise<Step> {
  const { rows } = await store.read('neighborhood-step', { ids, ...filters, limit: want });
  const stepRows = rows.flatMap(({ nodeId, r, m }) =>
    r instanceof GraphRelationship && m instanceof GraphNode
      ? [{ nodeId: String(nodeId), relationship: r, neighbour: m, neighbourId: m.id }]
      : [],
  );
  const totals = new Map<string, number>();
  if (stepRows.length < want) {
    // Every match came: count them rather than ask again.
    for (const id of ids) totals.set(id, 0);
    for (const { nodeId } of stepRows) totals.set(nodeId, (totals.get(nodeId) ?? 0) + 1);
  }
  return { rows: stepRows, totals };
}

/**
 * One hop without filters: each node's degree is its total; a hub with a summary gives its newest
 * relationships from it, the other nodes are read as liveStep reads them, and the two are merged.
 * Each source gives its own newest `want`, so the merge's newest `want` are those of all together.
 */
async function summarisedStep(
  store: GraphStore,
  ids: string[],
  want: number,
  summaries: Map<string, HubSummary>,
): Promise<Step> {
  const degrees = await readHubSummaries(store, ids, true);
  const totals = new Map(degrees.map(({ nodeId, degree }) => [nodeId, degree]));
  const fromSummaries: StepRow[] = [];
  const live: string[] = [];
  for (const { nodeId, degree, summary } of degrees) {
    if (summary) summaries.set(nodeId, summary);
    // A summary serves the page when it holds the page, or every relationship of the node.
    if (summary && summary.recent.length >= Math.min(want, degree)) {
      for (const { relationship, neighbourId } of summary.recent.slice(0, want))
        fromSummaries.push({ nodeId, relationship, neighbourId });
    } else if (degree > 0) live.push(nodeId);
  }
  const liveRows = live.length > 0 ? (await liveStep(store, live, noFilters, want)).rows : [];
  const rows = [...liveRows, ...fromSummaries].sort((a, b) => newestFirst(a.relationship, b.relationship));
  return { rows: rows.slice(0, want), totals };
}

/** The other ends of summary rows, in one lookup (live rows carry theirs). */
async function fetchNeighbours(store: GraphStore, rows: StepRow[], graph: SubgraphBuilder): Promise<void> {
  const unknown = [
    ...new Set(rows.filter((row) => !row.neighbour && !graph.nodes.has(row.neighbourId)).map((row) => row.neighbourId)),
  ];
  const found = new Map<string, GraphNode>();
  if (unknown.length > 0) {
    const { rows: nodes } = await store.read('nodes-by-ids', { ids: unknown });
    for (const { n } of nodes) if (n instanceof GraphNode) found.set(n.id, n);
  }
  for (const row of rows) row.neighbour ??= graph.nodes.get(row.neighbourId) ?? found.get(row.neighbourId);
}

async function countTotals(
  store: GraphStore,
  ids: string[],
  filters: Filters,
  totals: Map<string, number>,
  summaries: Map<string, HubSummary>,
): Promise<void> {
  if (isUnfiltered(filters)) {
    for (const { nodeId, degree, summary } of await readHubSummaries(store, ids, false)) {
      totals.set(nodeId, degree);
      if (summary) summaries.set(nodeId, summary);
    }
    return;
  }
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
 * Without filters, a hub's counts per type come from its summary.
 */
async function omissions(
  store: GraphStore,
  relationships: GraphRelationship[],
  totals: Map<string, number>,
  filters: Filters,
  summaries: Map<string, HubSummary>,
): Promise<Truncation[]> {
  const kept = keptCounts(relationships);
  const sum = (perType: Map<string, number> | undefined) => [...(perType?.values() ?? [])].reduce((a, b) => a + b, 0);
  const cut = [...totals].filter(([nodeId, total]) => total > sum(kept.get(nodeId))).map(([nodeId]) => nodeId);
  if (cut.length === 0) return [];
  const perNode = new Map<string, Map<string, number>>();
  if (isUnfiltered(filters)) {
    for (const nodeId of cut) {
      const summary = summaries.get(nodeId);
      if (summary) perNode.set(nodeId, new Map([...summary.degrees].map(([type, d]) => [type, d.out + d.in])));
    }
  }
  const counted = cut.filter((nodeId) => !perNode.has(nodeId));
  if (counted.length > 0) {
    const types =
      filters.types.length > 0
        ? filters.types
        : (await store.read('db-relationship-types')).rows.map((row) => String(row.type));
    if (types.length > 0) {
      const { rows } = await store.read(neighborhoodTypeCountsFor(types), {
        ids: counted,
        labels: filters.labels,
        from: filters.from,
        to: filters.to,
      });
      for (const row of rows) {
        const perType = (row.totals ?? {}) as Record<string, unknown>;
        perNode.set(String(row.nodeId), new Map(types.map((type) => [type, Number(ownValue(perType, type) ?? 0)])));
      }
    }
  }
  const omitted: Truncation[] = [];
  for (const [nodeId, perType] of perNode) {
    for (const [type, total] of perType) {
      const count = total - (kept.get(nodeId)?.get(type) ?? 0);
      if (count > 0) omitted.push({ nodeId, type, omitted: count });
    }
  }
  omitted.sort((a, b) => b.omitted - a.omitted || a.nodeId.localeCompare(b.nodeId) || a.type.localeCompare(b.type));
  return omitted;
}
