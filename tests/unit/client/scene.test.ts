import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';
import { deriveScene } from '../../../client/src/view/scene.ts';
import { hide, setAllTypes, setDates, setLabelShown, setTypeShown } from '../../../client/src/view/updates.ts';
import { emptyView, type ViewState } from '../../../client/src/view/view-state.ts';

const node = (id: string, label: string): NodeElement => ({
  group: 'nodes',
  data: { id, label: id, labels: ['Entity', label] },
});
const edge = (id: string, source: string, target: string, type: string, date = '2024-05-01'): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type, date },
});

function cache(): GraphCache {
  const graph = new GraphCache();
  graph.merge({
    nodes: [node('us', 'Country'), node('cn', 'Country'), node('li', 'Person'), node('far', 'Country')],
    edges: [
      edge('r1', 'us', 'cn', 'SANCTIONS'),
      edge('r2', 'li', 'cn', 'HOLDS_OFFICE', '2023-03-11'),
      edge('r3', 'us', 'cn', 'URGED', '2025-01-01'),
      edge('r4', 'us', 'far', 'URGED'),
    ],
  });
  return graph;
}

const view: ViewState = { ...emptyView, nodes: ['us', 'cn', 'li', 'gone'] };

describe('scene', () => {
  it('when nodes are in view, every loaded relationship among them is in the scene', () => {
    const scene = deriveScene(view, cache());
    expect(scene.edges.map((e) => e.data.id)).toEqual(['r1', 'r2', 'r3']);
    expect([...scene.drawn].sort()).toEqual(['cn', 'li', 'r1', 'r2', 'r3', 'us']);
    expect(scene.unloaded).toEqual(['gone']);
  });

  it('when types are filtered, counts every type in view and draws the shown ones', () => {
    const scene = deriveScene(setTypeShown(setAllTypes(view, false), 'SANCTIONS', true), cache());
    expect([...scene.drawn].filter((id) => id.startsWith('r'))).toEqual(['r1']);
    expect([...scene.filtered].sort()).toEqual(['r2', 'r3']);
    expect(Object.fromEntries(scene.typeCounts)).toEqual({ SANCTIONS: 1, HOLDS_OFFICE: 1, URGED: 1 });
  });

  it('when "all" types are shown, nothing is filtered out', () => {
    const scene = deriveScene(setAllTypes(setTypeShown(view, 'URGED', false), true), cache());
    expect(scene.filtered.size).toBe(0);
  });

  it('when a label is filtered out, its nodes and their relationships are not drawn', () => {
    const scene = deriveScene(setLabelShown(view, 'Person', false), cache());
    expect(scene.drawn.has('li')).toBe(false);
    expect(scene.drawn.has('r2')).toBe(false);
    expect(scene.filtered.has('li')).toBe(true);
  });

  it('when a date range is set, relationships outside it are filtered out', () => {
    const scene = deriveScene(setDates(view, { from: '2024-01-01', to: '2024-12-31' }), cache());
    expect([...scene.filtered].sort()).toEqual(['r2', 'r3']);
  });

  it('when a date range is set, each type counts only its relationships in the range as shown', () => {
    const scene = deriveScene(setDates(view, { from: '2024-01-01', to: '2024-12-31' }), cache());
    expect(Object.fromEntries(scene.typeCountsShown)).toEqual({ SANCTIONS: 1 });
    expect(Object.fromEntries(scene.typeCounts)).toEqual({ SANCTIONS: 1, HOLDS_OFFICE: 1, URGED: 1 });
  });

  it('when a type is filtered out, its shown count still says what it would draw', () => {
    const scene = deriveScene(setTypeShown(view, 'URGED', false), cache());
    expect(scene.typeCountsShown.get('URGED')).toBe(1);
  });

  it('when an end is filtered out, its relationships are not counted as shown', () => {
    const scene = deriveScene(setLabelShown(view, 'Person', false), cache());
    expect(scene.typeCountsShown.get('HOLDS_OFFICE')).toBeUndefined();
  });

  it('when a node is hidden, it and its relationships are not drawn and it counts as hidden', () => {
    const scene = deriveScene(hide(view, ['us']), cache());
    expect([...scene.hidden]).toEqual(['us']);
    expect([...scene.drawn].sort()).toEqual(['cn', 'li', 'r2']);
  });
});
