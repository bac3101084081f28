// Shortest path(s) between two nodes, optionally over some relationship types only.
import type { PathsResponse } from '../../common/api.ts';
import { GraphPath } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { queryText } from '../store/queries.ts';
import { SubgraphBuilder, toElements } from './elements.ts';
import { nodesByIds } from './nodes.ts';

/** The pattern's own bound in cypher/paths.cypher. */
export const maxPathLength = 6;
/** How many paths `all` returns at most. */
export const maxPaths = 50;

const TYPE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * paths.cypher with its :__TYPES__ placeholder filled in. Only names the caller checked against
 * the database's types reach here; they are also held to an identifier shape and backquoted.
 */
export function pathsQuery(types: string[]): { text: string } {
  for (const type of types) if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}"`);
  const pattern = types.length === 0 ? '' : `:${types.map((type) => `\`${type}\``).join('|')}`;
  return { text: queryText('paths').replaceAll(':__TYPES__', pattern) };
}

export interface PathsOptions {
  from: string;
  to: string;
  maxLength: number;
  types: string[];
  /** Every shortest path (up to maxPaths), or just one. */
  all: boolean;
}

export async function shortestPaths(store: GraphStore, options: PathsOptions): Promise<PathsResponse> {
  const graph = new SubgraphBuilder();
  for (const node of await nodesByIds(store, [...new Set([options.from, options.to])])) graph.addNode(node);
  if (options.from === options.to) {
    return { elements: toElements(graph.subgraph()), meta: { found: true, length: 0, paths: [{ nodes: [options.from], edges: [] }] } };
  }
  const { rows } = await store.read(pathsQuery(options.types), {
    from: options.from,
    to: options.to,
    maxLength: options.maxLength,
    limit: options.all ? maxPaths : 1,
  });
  const paths = rows.flatMap(({ p }) => (p instanceof GraphPath ? [p] : []));
  paths.forEach((path) => graph.addValue(path));
  return {
    elements: toElements(graph.subgraph()),
    meta: {
      found: paths.length > 0,
      length: paths[0]?.relationships.length ?? null,
      paths: paths.map((path) => ({ nodes: path.nodes.map((n) => n.id), edges: path.relationships.map((r) => r.id) })),
    },
  };
}
