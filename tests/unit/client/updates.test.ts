import { describe, expect, it } from 'vitest';
import { isShown } from '../../../client/src/view/name-filter.ts';
import {
  addNodes,
  clearFilters,
  clearPositions,
  hide,
  removeNodes,
  replaceNodes,
  reseed,
  revealRelationships,
  select,
  setAllTypes,
  setDates,
  setLayout,
  setPositions,
  setTypeShown,
  showHidden,
  togglePin,
} from '../../../client/src/view/updates.ts';
import { defaultFilters, emptyView, type ViewState } from '../../../client/src/view/view-state.ts';

const view: ViewState = {
  ...emptyView,
  nodes: ['a', 'b', 'c'],
  hidden: ['c'],
  pinned: ['b'],
  positions: { a: { x: 1, y: 2 }, b: { x: 3, y: 4 } },
  selection: ['a', 'rel:1'],
};

describe('view updates', () => {
  it('when adding nodes, appends the new ones with their positions and keeps the others', () => {
    const next = addNodes(view, ['b', 'd'], { b: { x: 9, y: 9 }, d: { x: 5, y: 6 } });
    expect(next.nodes).toEqual(['a', 'b', 'c', 'd']);
    expect(next.positions).toEqual({ ...view.positions, d: { x: 5, y: 6 } });
  });

  it('when adding a hidden node, shows it again', () => {
    expect(addNodes(view, ['c']).hidden).toEqual([]);
  });

  it('when removing nodes, forgets everything the state says about them', () => {
    const next = removeNodes(view, ['a', 'b']);
    expect(next).toMatchObject({ nodes: ['c'], pinned: [], positions: {}, selection: ['rel:1'] });
  });

  it('when replacing the nodes, keeps filters and layout and drops the rest', () => {
    const filtered = setTypeShown(view, 'VISITED', false);
    const next = replaceNodes(filtered, ['x', 'x', 'y']);
    expect(next).toMatchObject({ nodes: ['x', 'y'], hidden: [], pinned: [], positions: {}, selection: [] });
    expect(next.filters).toBe(filtered.filters);
  });

  it('when hiding, unselects what it hides', () => {
    const next = hide(view, ['a']);
    expect(next.hidden).toEqual(['c', 'a']);
    expect(next.selection).toEqual(['rel:1']);
  });

  it('when nothing is hidden, showing hidden ones returns the same state', () => {
    const none = showHidden(view);
    expect(showHidden(none)).toBe(none);
  });

  it.each([
    [['a'], ['b', 'a']],
    [
      ['a', 'b'],
      ['b', 'a'],
    ],
    [['b'], []],
    [['nowhere'], ['b']],
  ])('when toggling the pin of %j, pinned becomes %j', (ids, pinned) => {
    expect(togglePin(view, ids).pinned).toEqual(pinned);
  });

  it('when positions are set, rounds them and ignores nodes not in view', () => {
    const next = setPositions(view, { a: { x: 10.4, y: 20.6 }, z: { x: 0, y: 0 } });
    expect(next.positions).toEqual({ a: { x: 10, y: 21 }, b: { x: 3, y: 4 } });
  });

  it('when positions do not change, returns the same state', () => {
    expect(setPositions(view, { a: { x: 1.2, y: 1.8 } })).toBe(view);
  });

  it('when the layout or its seed changes, only pinned nodes keep their positions', () => {
    expect(setLayout(view, 'grid').positions).toEqual({ b: { x: 3, y: 4 } });
    expect(reseed(view).layout.seed).toBe(view.layout.seed + 1);
    expect(clearPositions(view).positions).toEqual({ b: { x: 3, y: 4 } });
  });

  it('when the selection is the same, returns the same state', () => {
    expect(select(view, ['a', 'rel:1'])).toBe(view);
    expect(select(view, ['b']).selection).toEqual(['b']);
  });

  it('when "none" then one type is chosen, a type that arrives later is not shown', () => {
    const next = setTypeShown(setAllTypes(view, false), 'SANCTIONS', true);
    expect(isShown(next.filters.types, 'SANCTIONS')).toBe(true);
    expect(isShown(next.filters.types, 'URGED')).toBe(false);
  });

  it('when "all" types are chosen, nothing is filtered out', () => {
    const next = setAllTypes(setTypeShown(view, 'URGED', false), true);
    expect(next.filters.types).toEqual({ except: [] });
  });

  it('when dates are set with an open end, keeps no undefined key', () => {
    expect(setDates(view, { from: '2024-01-01', to: undefined }).filters.dates).toEqual({ from: '2024-01-01' });
  });

  it('when the dates set are the ones the state has, returns the same state', () => {
    const dated = setDates(view, { from: '2024-01-01' });
    expect(setDates(dated, { from: '2024-01-01', to: undefined })).toBe(dated);
  });

  it('when filters are cleared, every label, type and date shows and the rest stays', () => {
    const filtered = setDates(setTypeShown(view, 'VISITED', false), { to: '2024-01-01' });
    const cleared = clearFilters(filtered);
    expect(cleared.filters).toEqual(defaultFilters);
    expect(cleared.nodes).toEqual(view.nodes);
  });

  it('when relationships are revealed, their ends join the view, hidden ones show and the selection is set', () => {
    const hiddenEdge = hide(view, ['rel:2']);
    const next = revealRelationships(hiddenEdge, ['c', 'd'], ['rel:2'], ['rel:2']);
    expect(next.nodes).toEqual(['a', 'b', 'c', 'd']);
    expect(next.hidden).toEqual([]);
    expect(next.selection).toEqual(['rel:2']);
  });

  it('when relationships are revealed without a selection, the selection stays', () => {
    expect(revealRelationships(view, ['d'], ['rel:9']).selection).toEqual(view.selection);
  });

  it('when revealed relationships are in view already and selected, returns the same state', () => {
    const shown = { ...view, hidden: [] };
    expect(revealRelationships(shown, ['a', 'b'], ['rel:1'], ['a', 'rel:1'])).toBe(shown);
  });

  it('never changes the state it is given', () => {
    const frozen = structuredClone(view);
    addNodes(view, ['z']);
    removeNodes(view, ['a']);
    hide(view, ['b']);
    togglePin(view, ['a']);
    setPositions(view, { a: { x: 0, y: 0 } });
    expect(view).toEqual(frozen);
  });
});
