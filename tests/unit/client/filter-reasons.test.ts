import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';
import {
  hiddenBy,
  nothingDrawn,
  reasonLines,
  reasonSummary,
  whyNotDrawn,
} from '../../../client/src/view/filter-reasons.ts';
import { deriveScene } from '../../../client/src/view/scene.ts';
import {
  hide,
  setAllLabels,
  setAllTypes,
  setDates,
  setLabelShown,
  setTypeShown,
} from '../../../client/src/view/updates.ts';
import { emptyView, type ViewState } from '../../../client/src/view/view-state.ts';

const node = (id: string, label: string): NodeElement => ({ group: 'nodes', data: { id, label: id, labels: [label] } });
const edge = (id: string, source: string, target: string, type: string, date?: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type, ...(date ? { date } : {}) },
});

const graph = new GraphCache();
graph.merge({
  nodes: [node('us', 'Country'), node('cn', 'Country'), node('li', 'Person')],
  edges: [
    edge('r1', 'us', 'cn', 'SANCTIONS', '2024-05-01'),
    edge('r2', 'li', 'cn', 'HOLDS_OFFICE', '2023-03-11'),
    edge('r3', 'us', 'cn', 'URGED'),
  ],
});
const view: ViewState = { ...emptyView, nodes: ['us', 'cn', 'li'] };
const reasons = (state: ViewState) => hiddenBy(deriveScene(state, graph), state);

describe('why elements are not drawn', () => {
  it('when nothing is filtered or hidden, there is no reason and something of each is drawn', () => {
    const scene = deriveScene(view, graph);
    expect(reasons(view)).toEqual({ labels: null, types: null, dates: null, user: null });
    expect(nothingDrawn(scene)).toBeNull();
    expect(reasonLines(reasons(view))).toEqual([]);
  });

  it('when a date range leaves out every relationship, says so, counting the undated', () => {
    const state = setDates(view, { from: '2019-01-01', to: '2019-12-31' });
    expect(reasons(state).dates).toEqual({ from: '2019-01-01', to: '2019-12-31', relationships: 3, undated: 1 });
    expect(nothingDrawn(deriveScene(state, graph))).toBe('relationships');
    expect(reasonLines(reasons(state))).toEqual([
      { filter: 'dates', text: 'Dates 2019: hide 3 relationships (1 of them undated).' },
    ]);
  });

  it('when types are off, names the ones in view that are off and counts what they hide', () => {
    const state = setTypeShown(setAllTypes(view, false), 'VISITED', true);
    expect(reasons(state).types).toEqual({ names: ['HOLDS_OFFICE', 'SANCTIONS', 'URGED'], relationships: 3 });
    expect(reasonLines(reasons(state))[0]!.text).toBe(
      'Relationship types off (HOLDS_OFFICE, SANCTIONS, URGED): hide 3 relationships.',
    );
  });

  it('when every label is off, no node is drawn and the labels are named with their nodes and relationships', () => {
    const state = setAllLabels(view, false);
    expect(nothingDrawn(deriveScene(state, graph))).toBe('nodes');
    expect(reasonLines(reasons(state))).toEqual([
      { filter: 'labels', text: 'Node labels off (Country, Person): hide 3 nodes and their 3 relationships.' },
    ]);
  });

  it('when the user hid a node, it and its relationships count as hidden by the user', () => {
    expect(reasons(hide(view, ['li'])).user).toEqual({ nodes: 1, relationships: 1 });
    expect(reasonLines(reasons(hide(view, ['li'])))[0]!.text).toBe('Hidden by you: 1 node and 1 relationship.');
  });

  it('when several filters leave out one relationship, it counts under each', () => {
    const state = setDates(setTypeShown(view, 'SANCTIONS', false), { from: '2025-01-01' });
    const by = reasons(state);
    expect(by.types?.relationships).toBe(1);
    expect(by.dates?.relationships).toBe(3);
    expect(reasonSummary(by)).toBe('types 1, dates 3');
  });

  it.each([
    [setTypeShown(view, 'SANCTIONS', false), 'its type SANCTIONS is filtered out'],
    [setDates(view, { to: '2024-04-30' }), 'it lies outside the dates up to Apr 2024'],
    [hide(view, ['r1']), 'you hid it'],
    [hide(view, ['us']), 'you hid its end us'],
  ])('when one relationship is not drawn, says why', (state, why) => {
    expect(whyNotDrawn('r1', deriveScene(state, graph), state)).toBe(why);
  });

  it('when an undated relationship meets a date range, says it has no date', () => {
    const state = setDates(view, { from: '2024-01-01' });
    expect(whyNotDrawn('r3', deriveScene(state, graph), state)).toBe('it has no date');
  });

  it('when a relationship is drawn, or not in view, there is no reason', () => {
    const scene = deriveScene(view, graph);
    expect(whyNotDrawn('r1', scene, view)).toBeNull();
    expect(whyNotDrawn('r9', scene, view)).toBeNull();
  });

  it('when an end’s label is off, names the label', () => {
    const state = setLabelShown(view, 'Person', false);
    expect(whyNotDrawn('r2', deriveScene(state, graph), state)).toBe('the label Person is filtered out');
  });
});
