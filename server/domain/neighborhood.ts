// The subgraph around some nodes: walked hop by hop up to `depth`, filtered, at most `limit`
// relationships, with what the limit left out counted per expanded node and relationship type.
import type { GraphResponse, Truncation } from '../../common/api.ts';
import { GraphNode, GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
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

  // Matching relationships per expanded node and type; compared with what was kept at the end.
  const totals = new Map<string, Map<string, number>>();
  const expanded = new Set<string>();
  let frontier = [...graph.nodes.keys()];

  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const counts = await store.read('neighborhood-counts', { ids: frontier, ...filters });
    for (const row of counts.rows) {
      const nodeId = String(row.nodeId);
      const perType = totals.get(nodeId) ?? new Map<string, number>();
      perType.set(String(row.type), Number(row.total));
      totals.set(nodeId, perType);
    }
    frontier.forEach((id) => expanded.add(id));

    const budget = limit - graph.relationships.size;
    if (budget <= 0) break;
    const step = await store.read('neighborhood-step', { ids: frontier, ...filters, limit: budget });
    const next: string[] = [];
    for (const { r, m } of step.rows) {
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

  const omitted: Truncation[] = [];
  for (const [nodeId, perType] of totals) {
    if (!expanded.has(nodeId)) continue;
    for (const [type, total] of perType) {
      let kept = 0;
      for (const r of graph.relationships.values()) {
        if (r.type === type && (r.source === nodeId || r.target === nodeId)) kept++;
      }
      if (total > kept) omitted.push({ nodeId, type, omitted: total - kept });
    }
  }
  omitted.sort((a, b) => b.omitted - a.omitted || a.nodeId.localeCompare(b.nodeId) || a.type.localeCompare(b.type));
  return { elements: toElements(graph.subgraph()), meta: { truncated: omitted.length > 0, omitted } };
}
