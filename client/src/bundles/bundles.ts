// Parallel relationships drawn as bundles: a pure function from the relationships drawn (the
// scene's) and the bundling choice to what the canvas draws. Between two nodes, the relationships of
// one type and direction draw as one edge with a count; a pair joined in more than a few ways
// (types and directions) draws as one edge for the pair. An unfolded pair, or bundling turned off,
// draws every relationship. The view's content never changes: a bundle only stands for its members.
import type { EdgeElement } from '../../../common/api.ts';
import { isUnfolded, pairOf, type BundleChoice, type NodePair } from './bundle-choice.ts';

/** A pair joined in more ways (type and direction) than this draws as one bundle for the pair. */
export const pairBundleAbove = 3;

export interface Bundle {
  /** `bundle:` ids, never a relationship's or a node's. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The members' type; null for a pair bundle of several types. */
  readonly type: string | null;
  /** The relationships it stands for, by id. */
  readonly members: readonly string[];
  /** The pair it joins (smaller id first). */
  readonly pair: NodePair;
}

export interface DrawnEdges {
  readonly bundles: readonly Bundle[];
  /** Relationships drawn through a bundle rather than on their own. */
  readonly folded: ReadonlySet<string>;
}

export const bundlePrefix = 'bundle:';

export function isBundleId(id: string): boolean {
  return id.startsWith(bundlePrefix);
}

const pairKey = ([a, b]: NodePair) => JSON.stringify([a, b]);

/** The bundles for the relationships drawn (in the order given; members keep it too). */
export function bundleEdges(edges: readonly EdgeElement[], choice: BundleChoice): DrawnEdges {
  if (!choice.on) return { bundles: [], folded: new Set() };
  const byPair = new Map<string, { pair: NodePair; ways: Map<string, EdgeElement[]> }>();
  for (const edge of edges) {
    const { source, target, type } = edge.data;
    const pair = pairOf(source, target);
    const key = pairKey(pair);
    let entry = byPair.get(key);
    if (!entry) byPair.set(key, (entry = { pair, ways: new Map() }));
    const way = JSON.stringify([type, source, target]);
    const members = entry.ways.get(way);
    if (members) members.push(edge);
    else entry.ways.set(way, [edge]);
  }
  const bundles: Bundle[] = [];
  const folded = new Set<string>();
  for (const { pair, ways } of byPair.values()) {
    if (isUnfolded(choice, pair)) continue;
    const groups = [...ways.values()];
    if (groups.length > pairBundleAbove) {
      const members = groups.flat().map((edge) => edge.data.id);
      bundles.push({
        id: `${bundlePrefix}${pairKey(pair)}`,
        source: pair[0],
        target: pair[1],
        type: null,
        members,
        pair,
      });
      for (const id of members) folded.add(id);
      continue;
    }
    for (const group of groups) {
      if (group.length < 2) continue;
      const { source, target, type } = group[0]!.data;
      const members = group.map((edge) => edge.data.id);
      bundles.push({
        id: `${bundlePrefix}${JSON.stringify([type, source, target])}`,
        source,
        target,
        type,
        members,
        pair,
      });
      for (const id of members) folded.add(id);
    }
  }
  return { bundles, folded };
}

/** The bundle whose members are exactly these ids (a bundle's selection), if any. */
export function bundleOfSelection(drawn: DrawnEdges, ids: readonly string[]): Bundle | undefined {
  if (ids.length < 2) return undefined;
  const wanted = new Set(ids);
  return drawn.bundles.find(
    (bundle) => bundle.members.length === wanted.size && bundle.members.every((id) => wanted.has(id)),
  );
}

/** A bundle's caption: its type and count, or the count of a pair bundle. */
export function bundleCaption(bundle: Bundle): string {
  return bundle.type === null ? `${bundle.members.length} relationships` : `${bundle.type} ×${bundle.members.length}`;
}
