// The subgraph among a set of nodes: every relationship between two of them that passes the
// filters, in one answer. What the client shows is always this (never assembled from several
// neighbourhoods), so the relationships drawn are all there are among the nodes drawn.
import type { SubgraphResponse } from '../../common/api.ts';
import { GraphNode, GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { toEdgeElement, toNodeElement } from './elements.ts';

export interface SubgraphOptions {
  ids: string[];
  /** Relationship types to keep (checked against the schema by the caller); empty: all. */
  types: string[];
  /** Labels both ends must have one of; nodes without one are left out too. Empty: any. */
  labels: string[];
  /** ISO dates: relationships whose date (or date..dateEnd period) overlaps the range. */
  from: string | null;
  to: string | null;
  /** The most relationships to return. */
  limit: number;
}

export async function subgraph(store: GraphStore, options: SubgraphOptions): Promise<SubgraphResponse> {
  const ids = [...new Set(options.ids)];
  const [found, among] = await Promise.all([
    store.read('nodes-by-ids', { ids }),
    store.read('subgraph', {
      ids,
      types: options.types,
      labels: options.labels,
      from: options.from,
      to: options.to,
      limit: options.limit,
    }),
  ]);
  const nodes = new Map<string, GraphNode>();
  for (const { n } of found.rows) if (n instanceof GraphNode) nodes.set(n.id, n);
  const missing = ids.filter((id) => !nodes.has(id));
  const kept = [...nodes.values()].filter(
    (node) => options.labels.length === 0 || node.labels.some((label) => options.labels.includes(label)),
  );
  const row = among.rows[0];
  const relationships = (Array.isArray(row?.relationships) ? row.relationships : []).filter(
    (value): value is GraphRelationship => value instanceof GraphRelationship,
  );
  const total = Number(row?.total ?? 0);
  return {
    elements: { nodes: kept.map(toNodeElement), edges: relationships.map(toEdgeElement) },
    meta: { missing, total, truncated: relationships.length < total },
  };
}
