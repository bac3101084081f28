// Nodes by id, with their degree per relationship type and direction.
import type { NodeResponse } from '../../common/api.ts';
import { GraphNode, GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import type { Subgraph } from './elements.ts';
import { toNodeElement } from './elements.ts';
import { InvalidFieldError, UnknownNodesError } from './errors.ts';
import { readHubSummaries } from './hub-summaries.ts';

export async function nodeDetails(store: GraphStore, id: string): Promise<NodeResponse> {
  const [found, degree] = await Promise.all([store.read('node-by-id', { id }), degreeByType(store, id)]);
  const node = found.rows[0]?.n;
  if (!(node instanceof GraphNode)) throw new UnknownNodesError([id]);
  return { node: toNodeElement(node), degree };
}

/** A node's relationships per type and direction, in node-degrees.cypher's order: from its hub
 *  summary where it has one, else counted. */
async function degreeByType(store: GraphStore, id: string): Promise<NodeResponse['degree']> {
  const [hub] = await readHubSummaries(store, [id], false);
  if (hub?.summary) {
    return [...hub.summary.degrees]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([type, { out, in: incoming }]) => [
        ...(incoming > 0 ? [{ type, direction: 'in' as const, count: incoming }] : []),
        ...(out > 0 ? [{ type, direction: 'out' as const, count: out }] : []),
      ]);
  }
  const { rows } = await store.read('node-degrees', { id });
  return rows.map((row) => ({
    type: String(row.type),
    direction: row.direction === 'in' ? 'in' : 'out',
    count: Number(row.count),
  }));
}

/** The nodes with these ids, in the order given; an UnknownNodesError names any that are missing. */
export async function nodesByIds(store: GraphStore, ids: string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  const { rows } = await store.read('nodes-by-ids', { ids });
  const byId = new Map<string, GraphNode>();
  for (const { n } of rows) if (n instanceof GraphNode) byId.set(n.id, n);
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new UnknownNodesError(missing);
  return ids.map((id) => byId.get(id)!);
}

/**
 * The nodes with these ids and every relationship among them; with `relationshipIds`, only those
 * of them (a view as seen: its filters and hidden relationships left out). A listed id that is not
 * a relationship among the nodes is an InvalidFieldError naming it.
 */
export async function inducedSubgraph(store: GraphStore, ids: string[], relationshipIds?: string[]): Promise<Subgraph> {
  const unique = [...new Set(ids)];
  const nodes = await nodesByIds(store, unique);
  const { rows } = await store.read('relationships-among', { ids: unique });
  const among = rows.flatMap(({ r }) => (r instanceof GraphRelationship ? [r] : []));
  if (relationshipIds === undefined) return { nodes, relationships: among };
  const wanted = new Set(relationshipIds);
  const relationships = among.filter((relationship) => wanted.has(relationship.id));
  const known = new Set(relationships.map((relationship) => relationship.id));
  const strays = [...wanted].filter((id) => !known.has(id));
  if (strays.length > 0) {
    const shown = strays.slice(0, 5).map((id) => `"${id}"`);
    const more = strays.length > 5 ? ` and ${strays.length - 5} more` : '';
    throw new InvalidFieldError(
      'relationshipIds',
      `not a relationship among the given nodes: ${shown.join(', ')}${more}`,
    );
  }
  return { nodes, relationships };
}
