import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../client/src/layout.ts';
import { layoutPositions } from '../../../client/src/layout-options.ts';
import { pivotMdsLayout } from '../../../client/src/pivot-mds.ts';

// a path of four nodes: 0-1-2-3
const edges = new Uint32Array([0, 1, 1, 2, 2, 3]);

describe('layoutPositions', () => {
  it('when nothing is pinned, the positions are the overview layout’s', () => {
    expect(layoutPositions({ id: 1, nodeCount: 4, edges, fixed: [] })).toEqual(pivotMdsLayout(4, edges));
  });

  it('when a node is pinned, it keeps its position', () => {
    const positions = layoutPositions({ id: 1, nodeCount: 4, edges, fixed: [{ index: 2, x: 100, y: -50 }] });
    expect([positions[4], positions[5]]).toEqual([100, -50]);
  });

  it('when a node is pinned, the others keep the layout’s positions', () => {
    const free = pivotMdsLayout(4, edges);
    const positions = layoutPositions({ id: 1, nodeCount: 4, edges, fixed: [{ index: 2, x: 100, y: -50 }] });
    expect([...positions.slice(0, 4)]).toEqual([...free.slice(0, 4)]);
  });

  it('when asked, there are two numbers per node', () => {
    expect(layoutPositions({ id: 1, nodeCount: 4, edges, fixed: [] })).toHaveLength(8);
  });
});

describe('seededRandom', () => {
  it('when seeded alike, it draws alike', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(Array.from({ length: 100 }, a)).toEqual(Array.from({ length: 100 }, b));
  });

  it('when seeded differently, it draws differently', () => {
    const a = seededRandom(7);
    const b = seededRandom(8);
    expect(Array.from({ length: 10 }, a)).not.toEqual(Array.from({ length: 10 }, b));
  });

  it('when it draws, every draw is in [0, 1)', () => {
    const draws = Array.from({ length: 1000 }, seededRandom(1));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
