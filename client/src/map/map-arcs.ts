// Relationships in the map layout are drawn as arcs (Cytoscape's unbundled bezier with one control
// point, its distance in the `_arc` data field: see style.ts). Pure: the bend of each edge from
// where its ends are. An arc bends to the left of its direction, so A->B and B->A bend apart; a
// second relationship of the same direction between the same pair bends further.
import type { Point } from './atlas.ts';

export interface ArcEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** The bend as a share of the distance between the ends, and its bounds in model units. */
const bendShare = 0.18;
const minBend = 14;
const maxBend = 220;
/** Each further relationship of one direction between one pair bends this much more (as a share of the first). */
const stepShare = 0.7;

/** The `_arc` value of each edge whose ends have positions (loops and edges without both ends are left out). */
export function arcBends(
  edges: readonly ArcEdge[],
  positionOf: (id: string) => Point | undefined,
): Map<string, number> {
  const bends = new Map<string, number>();
  const seen = new Map<string, number>();
  const ordered = [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const edge of ordered) {
    if (edge.source === edge.target) continue;
    const from = positionOf(edge.source);
    const to = positionOf(edge.target);
    if (!from || !to) continue;
    const key = `${edge.source}\u0000${edge.target}`;
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    const base = Math.min(maxBend, Math.max(minBend, bendShare * Math.hypot(to.x - from.x, to.y - from.y)));
    bends.set(edge.id, Math.round(-base * (1 + stepShare * rank)));
  }
  return bends;
}
