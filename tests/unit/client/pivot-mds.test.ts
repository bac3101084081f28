import { describe, expect, it } from 'vitest';
import { pivotMdsLayout } from '../../../client/src/pivot-mds.ts';

/** A path 0-1-2-…-(n-1). */
const path = (n: number) => Uint32Array.from(Array.from({ length: n - 1 }, (_, i) => [i, i + 1]).flat());
const point = (positions: Float64Array, i: number) => ({ x: positions[2 * i]!, y: positions[2 * i + 1]! });
const apart = (positions: Float64Array, i: number, j: number) => {
  const a = point(positions, i);
  const b = point(positions, j);
  return Math.hypot(a.x - b.x, a.y - b.y);
};

describe('pivot MDS', () => {
  it('when there are no nodes, gives no positions', () => {
    expect(pivotMdsLayout(0, new Uint32Array())).toHaveLength(0);
  });

  it('when run twice on the same graph, gives the same positions', () => {
    expect(pivotMdsLayout(50, path(50))).toEqual(pivotMdsLayout(50, path(50)));
  });

  it('when laying out a path, keeps neighbours closer than the two ends', () => {
    const positions = pivotMdsLayout(20, path(20));
    expect(apart(positions, 0, 19)).toBeGreaterThan(5 * apart(positions, 0, 1));
  });

  it('when every position is finite, none is NaN', () => {
    const positions = pivotMdsLayout(30, path(30));
    expect([...positions].every(Number.isFinite)).toBe(true);
  });

  it('when nodes are not connected, places them on distinct spots', () => {
    const positions = pivotMdsLayout(6, new Uint32Array());
    const spots = new Set(Array.from({ length: 6 }, (_, i) => `${point(positions, i).x},${point(positions, i).y}`));
    expect(spots.size).toBe(6);
  });

  it('when two components are laid out, they do not overlap', () => {
    const edges = Uint32Array.from([0, 1, 1, 2, 3, 4, 4, 5]);
    const positions = pivotMdsLayout(6, edges);
    const xs = (ids: number[]) => ids.map((i) => point(positions, i).x);
    const [a, b] = [xs([0, 1, 2]), xs([3, 4, 5])];
    const overlap = Math.max(...a) >= Math.min(...b) && Math.max(...b) >= Math.min(...a);
    const ys = (ids: number[]) => ids.map((i) => point(positions, i).y);
    const [c, d] = [ys([0, 1, 2]), ys([3, 4, 5])];
    const overlapY = Math.max(...c) >= Math.min(...d) && Math.max(...d) >= Math.min(...c);
    expect(overlap && overlapY).toBe(false);
  });
});
