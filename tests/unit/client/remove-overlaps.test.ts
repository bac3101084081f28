import { describe, expect, it } from 'vitest';
import { overlappingPairs } from '../../../client/src/overlap/declutter.ts';
import { removeOverlaps, type LabelBox, type NodeBox } from '../../../client/src/overlap/remove-overlaps.ts';

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
    id: box.id,
    priority: 1,
    x: box.x + box.offsetX,
    y: box.y + box.offsetY,
    halfWidth: box.halfWidth,
    halfHeight: box.halfHeight,
    angle: 0,
  }));

describe('overlap removal', () => {
  it('when nodes lie on top of each other, moves them until no two overlap', () => {
    const nodes = [node('a', 0, 0), node('b', 5, 3), node('c', 0, 0), node('d', -8, 2), node('e', 30, 0)];
    const after = placed(nodes, removeOverlaps(nodes, []));
    expect(overlappingPairs(boxesOf(nodes))).toBeGreaterThan(0);
    expect(overlappingPairs(boxesOf(after))).toBe(0);
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
});
