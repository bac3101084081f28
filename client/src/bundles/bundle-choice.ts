// How parallel relationships are drawn: bundled (the default) or every one; and the node pairs
// the user unfolded. Part of the view state; what the view contains does not depend on it.

/** Two node ids, the smaller first. */
export type NodePair = readonly [string, string];

export interface BundleChoice {
  /** Draw parallel relationships as bundles. */
  readonly on: boolean;
  /** Pairs whose relationships are drawn one by one although bundling is on. */
  readonly unfolded: readonly NodePair[];
}

export const defaultBundling: BundleChoice = { on: true, unfolded: [] };

export function pairOf(a: string, b: string): NodePair {
  return a <= b ? [a, b] : [b, a];
}

export function samePair(a: NodePair, b: NodePair): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

export function isUnfolded(choice: BundleChoice, pair: NodePair): boolean {
  return choice.unfolded.some((other) => samePair(other, pair));
}
