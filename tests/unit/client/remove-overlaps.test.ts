import { describe, expect, it } from 'vitest';
import {
  countOverlaps,
  removeOverlaps,
  type LabelBox,
  type NodeBox,
} from '../../../client/src/overlap/remove-overlaps.ts';

const node = (id: string, x: number, y: number, fixed = false): NodeBox => ({
  id,
  x,
  y,
  halfWidth: 20,
  halfHeight: 20,
  offsetX: 0,
  offsetY: 0,
  fixed,
});

const placed = (nodes: NodeBox[], moved: Map<string, { x: number; y: number }>) =>
  nodes.map((box) => ({ ...box, ...(moved.get(box.id) ?? {}) }));

const boxesOf = (nodes: NodeBox[]) =>
  nodes.map((box) => ({
    x1: box.x + box.offsetX - box.halfWidth,
    y1: box.y + box.offsetY - box.halfHeight,
    x2: box.x + box.offsetX + box.halfWidth,
    y2: box.y + box.offsetY + box.halfHeight,
  }));

describe('overlap removal', () => {
  it('when nodes lie on top of each other, moves them until no two overlap', () => {
    const nodes = [node('a', 0, 0), node('b', 5, 3), node('c', 0, 0), node('d', -8, 2), node('e', 30, 0)];
    const after = placed(nodes, removeOverlaps(nodes, []));
    expect(countOverlaps(boxesOf(nodes))).toBeGreaterThan(0);
    expect(countOverlaps(boxesOf(after))).toBe(0);
  });

  it('when nodes are apart already, moves none', () => {
    const nodes = [node('a', 0, 0), node('b', 100, 0), node('c', 0, 100)];
    expect(removeOverlaps(nodes, []).size).toBe(0);
  });

  it('when one of two overlapping nodes is pinned, only the other moves', () => {
    const nodes = [node('pinned', 0, 0, true), node('loose', 10, 0)];
    const moved = removeOverlaps(nodes, []);
    expect(moved.has('pinned')).toBe(false);
    expect(moved.get('loose')!.x).toBeGreaterThanOrEqual(46);
  });

  it("when a node sits on another relationship's caption, moves it off", () => {
    const nodes = [node('a', -200, 0, true), node('b', 200, 0, true), node('c', 5, 4)];
    const label: LabelBox = { source: 'a', target: 'b', halfWidth: 30, halfHeight: 6, offsetX: 0, offsetY: 0 };
    const c = placed(nodes, removeOverlaps(nodes, [label]))[2]!;
    const clear = Math.abs(c.y) >= 20 + 6 || Math.abs(c.x) >= 20 + 30;
    expect(clear).toBe(true);
  });

  it('when a node is an end of the relationship, its own caption does not push it', () => {
    const nodes = [node('a', 0, 0), node('b', 40, 0)];
    const label: LabelBox = { source: 'a', target: 'b', halfWidth: 30, halfHeight: 6, offsetX: 0, offsetY: 0 };
    const moved = removeOverlaps([nodes[0]!, { ...nodes[1]!, x: 100 }], [label]);
    expect(moved.size).toBe(0);
  });

  it('when run twice on the same boxes, gives the same positions', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => node(`n${i}`, (i * 7) % 40, (i * 13) % 40));
    expect([...removeOverlaps(nodes, [])]).toEqual([...removeOverlaps([...nodes].reverse(), [])]);
  });

  it.each([
    [[], 0],
    [
      [
        { x1: 0, y1: 0, x2: 10, y2: 10 },
        { x1: 10, y1: 0, x2: 20, y2: 10 },
      ],
      0,
    ],
    [
      [
        { x1: 0, y1: 0, x2: 10, y2: 10 },
        { x1: 5, y1: 5, x2: 20, y2: 20 },
        { x1: 6, y1: 0, x2: 8, y2: 30 },
      ],
      3,
    ],
  ])('when counting overlaps among %j, finds %i', (boxes, count) => {
    expect(countOverlaps(boxes)).toBe(count);
  });
});
