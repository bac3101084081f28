// Shortest paths of up to three hops, found from both ends at once: the relationships of each end
// (when it is not a hub), then the links between the two sides, each looked for from its end with
// fewer relationships. A breadth-first search from one end (paths.cypher) walks every relationship
// of every hub within reach; this reads a hub's relationships only where a link must be checked
// from it. Longer paths, and ends it cannot expand, are left to paths.cypher.
import { GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { overTypes } from '../store/queries.ts';
import { hubMinDegree } from './hub-summaries.ts';

/** A path as node ids, in order, and the relationships joining them. */
export interface PathIds {
  nodes: string[];
  relationships: GraphRelationship[];
}

export interface ShortPathOptions {
  from: string;
  to: string;
  maxLength: number;
  types: string[];
  /** The most paths to return. */
  limit: number;
}

/** An end with more relationships than this is not expanded. */
const maxExpanded = hubMinDegree;
/** Links between the two sides checked at most; past this, paths.cypher searches. */
const maxPairs = 2500;
/** Relationships read per query of links, at most (the sum over its pairs of the first end's). */
const linkBatchCost = 50_000;

/**
 * All shortest paths from `from` to `to` (up to `limit`), when the shortest is at most three hops
 * (or none is within maxLength); undefined when this search cannot tell, and paths.cypher must.
 */
export async function shortPaths(store: GraphStore, options: ShortPathOptions): Promise<PathIds[] | undefined> {
  const { from, to, maxLength, types, limit } = options;
  const degree = await degrees(store, [from, to]);
  if (degree.get(from) === 0 || degree.get(to) === 0) return [];

  const direct = await links(store, types, [[from, to]], degree, limit);
  if (direct.length > 0 || maxLength < 2)
    return direct.slice(0, limit).map((r) => ({ nodes: [from, to], relationships: [r] }));

  const [near, far] = await Promise.all([expand(store, types, from, degree), expand(store, types, to, degree)]);
  if (!near && !far) return undefined;

  // Two hops: a node beside both ends.
  const two: PathIds[] = [];
  if (near && far) {
    for (const [middle, first] of near)
      if (middle !== to && far.has(middle)) two.push(...combine([from, middle, to], [first, far.get(middle)!]));
  } else {
    // One end is a hub: look for each neighbour of the other end among its relationships.
    const [side, hub] = near ? [near, to] : [far!, from];
    const middles = [...side.keys()].filter((id) => id !== from && id !== to);
    const sideDegree = await degrees(store, middles);
    const pairs = middles.map((id) => [id, hub] as [string, string]);
    for (const [middle, toHub] of await linkMap(store, types, pairs, new Map([...sideDegree, ...degree]), limit)) {
      const sideHop = side.get(middle)!;
      two.push(...combine([from, middle, to], near ? [sideHop, toHub] : [toHub, sideHop]));
    }
  }
  if (two.length > 0 || maxLength < 3) return two.slice(0, limit);

  // Three hops: a link between a neighbour of each end.
  if (!near || !far) return undefined;
  const xs = [...near.keys()].filter((id) => id !== from && id !== to);
  const ys = [...far.keys()].filter((id) => id !== from && id !== to);
  if (xs.length * ys.length > maxPairs) return undefined;
  const sides = await degrees(store, [...new Set([...xs, ...ys])]);
  const pairs = xs.flatMap((x) => ys.filter((y) => y !== x).map((y) => [x, y] as [string, string]));
  const three: PathIds[] = [];
  for (const { x, y, relationships } of await pairLinks(store, types, pairs, sides, limit)) {
    three.push(...combine([from, x, y, to], [near.get(x)!, relationships, far.get(y)!]));
    if (three.length >= limit) break;
  }
  if (three.length > 0) return three.slice(0, limit);
  return maxLength <= 3 ? [] : undefined;
}

/** About how many relationships each node has (path-costs.cypher): what a look from it costs. */
async function degrees(store: GraphStore, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await store.read('path-costs', { ids });
  return new Map(rows.map(({ nodeId, degree }) => [String(nodeId), Number(degree)]));
}

/** The relationships of `id` by the id of their other end; undefined for a hub. */
async function expand(
  store: GraphStore,
  types: string[],
  id: string,
  degree: Map<string, number>,
): Promise<Map<string, GraphRelationship[]> | undefined> {
  if ((degree.get(id) ?? 0) > maxExpanded) return undefined;
  const { rows } = await store.read(overTypes('path-neighbours', types), { id });
  const byOther = new Map<string, GraphRelationship[]>();
  for (const { r, other } of rows) {
    if (!(r instanceof GraphRelationship) || other === id) continue;
    const list = byOther.get(String(other)) ?? [];
    list.push(r);
    byOther.set(String(other), list);
  }
  return byOther;
}

/** A linked pair: how many relationships join x and y. */
interface Link {
  x: string;
  y: string;
  count: number;
}

/**
 * The relationships joining pairs, by pair (`x`, `y` as given): enough of them for `limit` paths
 * (each gives at least one). The pairs are counted first, the cheapest first (each from its end
 * with fewer relationships), until `limit` relationships are known; only then are relationships
 * read, of those pairs.
 */
async function pairLinks(
  store: GraphStore,
  types: string[],
  pairs: [string, string][],
  degree: Map<string, number>,
  limit: number,
): Promise<{ x: string; y: string; relationships: GraphRelationship[] }[]> {
  const cost = (id: string) => degree.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ordered = pairs
    .map(([x, y]) => (cost(x) <= cost(y) ? { x, y, swap: false } : { x: y, y: x, swap: true }))
    .map((pair) => ({ ...pair, cost: cost(pair.x) }))
    .sort((a, b) => a.cost - b.cost);
  const linked: (Link & { swap: boolean })[] = [];
  const swapped = new Map(ordered.map(({ x, y, swap }) => [`${x}\u0000${y}`, swap]));
  let known = 0;
  for (let start = 0; start < ordered.length && known < limit;) {
    const batch: typeof ordered = [];
    let budget = 0;
    while (start < ordered.length && (batch.length === 0 || budget + ordered[start]!.cost <= linkBatchCost)) {
      budget += ordered[start]!.cost;
      batch.push(ordered[start++]!);
    }
    const { rows } = await store.read(overTypes('path-links', types), { pairs: batch.map(({ x, y }) => [x, y]) });
    for (const { x, y, links } of rows) {
      const count = Number(links);
      if (count === 0) continue;
      linked.push({ x: String(x), y: String(y), count, swap: swapped.get(`${String(x)}\u0000${String(y)}`) ?? false });
      known += count;
    }
  }
  if (linked.length === 0) return [];
  const { rows } = await store.read(overTypes('path-link-relationships', types), {
    pairs: linked.map(({ x, y }) => [x, y]),
    limit,
  });
  const byPair = new Map<string, GraphRelationship[]>();
  for (const { x, y, r } of rows) {
    if (!(r instanceof GraphRelationship)) continue;
    const key = `${String(x)}\u0000${String(y)}`;
    byPair.set(key, [...(byPair.get(key) ?? []), r]);
  }
  return linked.flatMap(({ x, y, swap }) => {
    const relationships = byPair.get(`${x}\u0000${y}`);
    if (!relationships) return [];
    return [swap ? { x: y, y: x, relationships } : { x, y, relationships }];
  });
}

/** The relationships joining one pair. */
async function links(
  store: GraphStore,
  types: string[],
  pairs: [string, string][],
  degree: Map<string, number>,
  limit: number,
): Promise<GraphRelationship[]> {
  return (await pairLinks(store, types, pairs, degree, limit)).flatMap((link) => link.relationships);
}

/** For pairs [x, end]: the relationships from each x that links to `end`, by x. */
async function linkMap(
  store: GraphStore,
  types: string[],
  pairs: [string, string][],
  degree: Map<string, number>,
  limit: number,
): Promise<Map<string, GraphRelationship[]>> {
  return new Map((await pairLinks(store, types, pairs, degree, limit)).map((link) => [link.x, link.relationships]));
}

/** Every path through `nodes` taking one relationship of each hop's choices. */
function combine(nodes: string[], hops: GraphRelationship[][]): PathIds[] {
  let paths: GraphRelationship[][] = [[]];
  for (const choices of hops) paths = paths.flatMap((path) => choices.map((r) => [...path, r]));
  return paths.map((relationships) => ({ nodes, relationships }));
}
