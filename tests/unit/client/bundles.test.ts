import { describe, expect, it } from 'vitest';
import type { EdgeElement } from '../../../common/api.ts';
import { defaultBundling } from '../../../client/src/bundles/bundle-choice.ts';
import { fold, setBundling, unfold } from '../../../client/src/bundles/bundle-updates.ts';
import {
  bundleCaption,
  bundleEdges,
  bundleOfSelection,
  isBundleId,
  pairBundleAbove,
} from '../../../client/src/bundles/bundles.ts';
import { emptyView } from '../../../client/src/view/view-state.ts';

let next = 0;
const rel = (source: string, target: string, type: string): EdgeElement => ({
  group: 'edges',
  data: { id: `rel:${next++}`, source, target, type },
});

describe('bundling parallel relationships', () => {
  it('when two relationships share type and direction, draws one bundle with both', () => {
    const edges = [rel('a', 'b', 'MET_WITH'), rel('a', 'b', 'MET_WITH')];
    const drawn = bundleEdges(edges, defaultBundling);
    expect(drawn.bundles).toHaveLength(1);
    expect(drawn.bundles[0]).toMatchObject({ source: 'a', target: 'b', type: 'MET_WITH' });
    expect(drawn.bundles[0]!.members).toEqual(edges.map((edge) => edge.data.id));
    expect([...drawn.folded].sort()).toEqual(edges.map((edge) => edge.data.id).sort());
    expect(bundleCaption(drawn.bundles[0]!)).toBe('MET_WITH ×2');
  });

  it.each([
    ['opposite directions', [rel('a', 'b', 'VISITED'), rel('b', 'a', 'VISITED')]],
    ['different types', [rel('a', 'b', 'VISITED'), rel('a', 'b', 'MET_WITH')]],
    ['different pairs', [rel('a', 'b', 'VISITED'), rel('a', 'c', 'VISITED')]],
    ['a single relationship', [rel('a', 'b', 'VISITED')]],
  ])('when relationships differ by %s, draws each on its own', (_, edges) => {
    const drawn = bundleEdges(edges, defaultBundling);
    expect(drawn.bundles).toEqual([]);
    expect(drawn.folded.size).toBe(0);
  });

  it('when a pair is joined in more than a few ways, draws one bundle for the pair', () => {
    const types = ['A', 'B', 'C', 'D'].slice(0, pairBundleAbove + 1);
    const edges = types.map((type, i) => (i % 2 === 0 ? rel('b', 'a', type) : rel('a', 'b', type)));
    const drawn = bundleEdges([...edges, rel('a', 'c', 'A')], defaultBundling);
    expect(drawn.bundles).toHaveLength(1);
    expect(drawn.bundles[0]).toMatchObject({ source: 'a', target: 'b', type: null, pair: ['a', 'b'] });
    expect(drawn.bundles[0]!.members).toHaveLength(types.length);
    expect(bundleCaption(drawn.bundles[0]!)).toBe(`${types.length} relationships`);
  });

  it('when a pair is joined in exactly the few ways allowed, keeps one bundle per way', () => {
    const edges = ['A', 'B', 'C']
      .slice(0, pairBundleAbove)
      .flatMap((type) => [rel('a', 'b', type), rel('a', 'b', type)]);
    expect(bundleEdges(edges, defaultBundling).bundles.map((bundle) => bundle.type)).toEqual(['A', 'B', 'C']);
  });

  it('when bundling is off, draws every relationship', () => {
    const edges = [rel('a', 'b', 'MET_WITH'), rel('a', 'b', 'MET_WITH')];
    expect(bundleEdges(edges, { on: false, unfolded: [] })).toEqual({ bundles: [], folded: new Set() });
  });

  it('when a pair is unfolded, draws its relationships one by one and bundles the others', () => {
    const edges = [rel('b', 'a', 'X'), rel('b', 'a', 'X'), rel('a', 'c', 'X'), rel('a', 'c', 'X')];
    const drawn = bundleEdges(edges, { on: true, unfolded: [['a', 'b']] });
    expect(drawn.bundles.map((bundle) => bundle.pair)).toEqual([['a', 'c']]);
  });

  it('when the same relationships come again, gives the same bundle ids', () => {
    const edges = [rel('a', 'b', 'X'), rel('a', 'b', 'X')];
    const first = bundleEdges(edges, defaultBundling).bundles.map((bundle) => bundle.id);
    expect(bundleEdges([...edges].reverse(), defaultBundling).bundles.map((bundle) => bundle.id)).toEqual(first);
    expect(first.every(isBundleId)).toBe(true);
  });

  it('when exactly the members of a bundle are selected, names that bundle; a part of it names none', () => {
    const edges = [rel('a', 'b', 'X'), rel('a', 'b', 'X'), rel('a', 'b', 'X')];
    const drawn = bundleEdges(edges, defaultBundling);
    const ids = edges.map((edge) => edge.data.id);
    expect(bundleOfSelection(drawn, [...ids].reverse())?.id).toBe(drawn.bundles[0]!.id);
    expect(bundleOfSelection(drawn, ids.slice(1))).toBeUndefined();
  });
});

describe('bundling updates', () => {
  it('when a pair is unfolded and folded again, the state comes back', () => {
    const unfolded = unfold(emptyView, ['a', 'b']);
    expect(unfolded.bundling.unfolded).toEqual([['a', 'b']]);
    expect(unfold(unfolded, ['a', 'b'])).toBe(unfolded);
    expect(fold(unfolded, ['a', 'b']).bundling).toEqual(emptyView.bundling);
  });

  it('when bundling is set to what it is, the state is unchanged', () => {
    expect(setBundling(emptyView, true)).toBe(emptyView);
    expect(setBundling(emptyView, false).bundling.on).toBe(false);
  });
});
