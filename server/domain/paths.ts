// Shortest path(s) between two nodes, optionally over some relationship types only.
import type { PathsResponse } from '../../common/api.ts';
import { GraphPath } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { pathsFor } from '../store/queries.ts';
import { SubgraphBuilder, toElements } from './elements.ts';
import { nodesByIds } from './nodes.ts';
import { shortPaths, type PathIds } from './short-paths.ts';

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
  const limit = options.all ? maxPaths : 1;
  const short = await shortPaths(store, { ...options, limit });
  const paths = short ? await withNodes(store, short, graph) : await searchPaths(store, options, limit);
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

/** Breadth-first, by the store (paths.cypher): for paths longer than shortPaths looks for. */
async function searchPaths(store: GraphStore, options: PathsOptions, limit: number): Promise<GraphPath[]> {
  const { rows } = await store.read(pathsFor(options.types), {
    from: options.from,
    to: options.to,
    maxLength: options.maxLength,
    limit,
  });
  return rows.flatMap(({ p }) => (p instanceof GraphPath ? [p] : []));
}

/** Paths of ids as paths of nodes: the nodes not in the graph yet fetched in one lookup. */
async function withNodes(store: GraphStore, paths: PathIds[], graph: SubgraphBuilder): Promise<GraphPath[]> {
  const missing = [...new Set(paths.flatMap((path) => path.nodes))].filter((id) => !graph.nodes.has(id));
  const found = new Map((await nodesByIds(store, missing)).map((node) => [node.id, node]));
  const node = (id: string) => graph.nodes.get(id) ?? found.get(id)!;
  return paths.map((path) => new GraphPath(path.nodes.map(node), path.relationships));
}
