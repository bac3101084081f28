// The sources some relationships cite: each relationship names them by id in its `sources` list.
import { GraphNode } from '../store/graph-values.ts';
import type { GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';

/** The ids the relationships cite, each once, in the order first cited. */
export function citedSourceIds(relationships: Iterable<GraphRelationship>): string[] {
  const ids = new Set<string>();
  for (const { properties } of relationships) {
    const sources = properties.sources;
    if (Array.isArray(sources)) for (const id of sources) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

/** The Source nodes the relationships cite, by id, in the order first cited; ids with no Source node are left out. */
export async function citedSources(
  store: GraphStore,
  relationships: Iterable<GraphRelationship>,
): Promise<Map<string, GraphNode>> {
  const ids = citedSourceIds(relationships);
  if (ids.length === 0) return new Map();
  const { rows } = await store.read('nodes-by-ids', { ids });
  const found = new Map<string, GraphNode>();
  for (const { n } of rows) if (n instanceof GraphNode && n.labels.includes('Source')) found.set(n.id, n);
  return new Map(ids.flatMap((id) => (found.has(id) ? [[id, found.get(id)!] as const] : [])));
}
