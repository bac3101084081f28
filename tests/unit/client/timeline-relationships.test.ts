import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';
import { timelineRelationships } from '../../../client/src/timeline/timeline-relationships.ts';
import { deriveScene } from '../../../client/src/view/scene.ts';
import { hide, setDates, setLabelShown, setTypeShown } from '../../../client/src/view/updates.ts';
import { emptyView, type ViewState } from '../../../client/src/view/view-state.ts';

const node = (id: string, label: string): NodeElement => ({ group: 'nodes', data: { id, label: id, labels: [label] } });
const edge = (id: string, source: string, target: string, type: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type, date: '2024-05-01' },
});
const graph = new GraphCache();
graph.merge({
  nodes: [node('us', 'Country'), node('cn', 'Country'), node('li', 'Person')],
  edges: [edge('r1', 'us', 'cn', 'SANCTIONS'), edge('r2', 'li', 'cn', 'HOLDS_OFFICE'), edge('r3', 'us', 'cn', 'URGED')],
});
const view: ViewState = { ...emptyView, nodes: ['us', 'cn', 'li'] };
const ids = (state: ViewState) => timelineRelationships(deriveScene(state, graph), state).map((e) => e.data.id);

describe('what the timeline counts', () => {
  it('when a date range is set, the relationships outside it still count', () => {
    expect(ids(setDates(view, { from: '2030-01-01' }))).toEqual(['r1', 'r2', 'r3']);
  });

  it.each([
    [setTypeShown(view, 'URGED', false), ['r1', 'r2']],
    [setLabelShown(view, 'Person', false), ['r1', 'r3']],
    [hide(view, ['r1']), ['r2', 'r3']],
    [hide(view, ['us']), ['r2']],
  ])('when another filter or the user leaves a relationship undrawn, it does not count', (state, expected) => {
    expect(ids(state)).toEqual(expected);
  });
});
