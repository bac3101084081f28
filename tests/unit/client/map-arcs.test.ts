import { describe, expect, it } from 'vitest';
import { arcBends } from '../../../client/src/map/map-arcs.ts';

const at: Record<string, { x: number; y: number }> = { a: { x: 0, y: 0 }, b: { x: 1000, y: 0 }, c: { x: 10, y: 0 } };
const positionOf = (id: string) => at[id];

describe('arcs', () => {
  it('when two nodes are far apart, the bend grows with the distance up to a bound', () => {
    const bends = arcBends(
      [
        { id: 'far', source: 'a', target: 'b' },
        { id: 'near', source: 'a', target: 'c' },
      ],
      positionOf,
    );
    expect(Math.abs(bends.get('far')!)).toBe(180);
    expect(Math.abs(bends.get('near')!)).toBe(14);
  });

  it('when two relationships join a pair in opposite directions, they get the same bend (so they curve apart)', () => {
    const bends = arcBends(
      [
        { id: 'there', source: 'a', target: 'b' },
        { id: 'back', source: 'b', target: 'a' },
      ],
      positionOf,
    );
    expect(bends.get('there')).toBe(bends.get('back'));
  });

  it('when several relationships join a pair in one direction, each bends further than the one before', () => {
    const edges = ['r1', 'r2', 'r3'].map((id) => ({ id, source: 'a', target: 'b' }));
    const bends = edges.map((edge) => Math.abs(arcBends(edges, positionOf).get(edge.id)!));
    expect(bends[0]!).toBeLessThan(bends[1]!);
    expect(bends[1]!).toBeLessThan(bends[2]!);
  });

  it.each([
    ['a loop', { id: 'loop', source: 'a', target: 'a' }],
    ['an end without a position', { id: 'lost', source: 'a', target: 'z' }],
  ])('when the relationship is %s, it gets no bend', (_situation, edge) => {
    expect(arcBends([edge], positionOf).has(edge.id)).toBe(false);
  });
});
