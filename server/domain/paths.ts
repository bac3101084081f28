// Shortest path(s) between two nodes, optionally over some relationship types only.
import type { PathsResponse } from '../../common/api.ts';
import { GraphPath } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { pathsFor } from '../store/queries.ts';
import { SubgraphBuilder, toElements } from './elements.ts';
import { nodesByIds } from './nodes.ts';

/** The pattern's own bound in cypher/paths.cypher. */
export const maxPathLength = 6;
/** How many paths `all` returns at most. */
export const maxPaths = 50;

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
    return {
      elements: toElements(graph.subgraph()),
      meta: { found: true, length: 0, paths: [{ nodes: [options.from], edges: [] }] },
    };
  }
  const { rows } = await store.read(pathsFor(options.types), {
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
