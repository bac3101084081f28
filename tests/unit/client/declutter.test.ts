import { describe, expect, it } from 'vitest';
import { captionsToHide, overlap, overlappingPairs, type Caption } from '../../../client/src/overlap/declutter.ts';

const caption = (id: string, x: number, y: number, angle = 0, priority = 1): Caption => ({
  id,
  priority,
  x,
  y,
  halfWidth: 30,
  halfHeight: 5,
  angle,
});

describe('captions that would overlap', () => {
  it.each([
    ['side by side, touching (apart)', caption('a', 0, 0), caption('b', 60, 0), false],
    ['side by side, overlapping (overlap)', caption('a', 0, 0), caption('b', 59, 0), true],
    ['stacked with room between (apart)', caption('a', 0, 0), caption('b', 0, 11), false],
    ['crossing at right angles (overlap)', caption('a', 0, 0), caption('b', 0, 0, Math.PI / 2), true],
    ['on parallel diagonals (apart)', caption('a', 0, 0, Math.PI / 4), caption('b', 8, -8, Math.PI / 4), false],
    [
      'diagonal and level, their bounding boxes meeting but not they (apart)',
      caption('a', 0, 0, Math.PI / 4),
      caption('b', 40, -25),
      false,
    ],
  ])('when two captions lie %s', (_, a, b, expected) => {
    expect(overlap(a, b)).toBe(expected);
    expect(overlap(b, a)).toBe(expected);
  });

  it('when captions collide, the one of lower priority is hidden, and a node caption never is', () => {
    const hidden = captionsToHide([
      caption('edge', 0, 0, 0, 1),
      caption('bundle', 10, 0, 0, 2),
      caption('node', 100, 0, 0, Infinity),
      caption('other-node', 110, 0, 0, Infinity),
      caption('far', 500, 500),
    ]);
    expect([...hidden]).toEqual(['edge']);
  });

  it('when the captions kept are counted, none of them overlap', () => {
    const captions = Array.from({ length: 200 }, (_, i) =>
      caption(`c${i}`, (i * 37) % 300, (i * 53) % 200, (i % 7) / 3),
    );
    const hidden = captionsToHide(captions);
    expect(overlappingPairs(captions)).toBeGreaterThan(0);
    expect(overlappingPairs(captions.filter((c) => !hidden.has(c.id)))).toBe(0);
  });

  it('when run on the same captions in another order, hides the same ones', () => {
    const captions = Array.from({ length: 50 }, (_, i) => caption(`c${i}`, (i * 13) % 90, (i * 7) % 40));
    expect([...captionsToHide(captions)].sort()).toEqual([...captionsToHide([...captions].reverse())].sort());
  });
});
