import { describe, expect, it } from 'vitest';
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import { storyPair } from '../../../client/src/evidence/story-pair.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';
import { deriveScene } from '../../../client/src/view/scene.ts';
import { emptyView } from '../../../client/src/view/view-state.ts';

const node = (id: string): NodeElement => ({ group: 'nodes', data: { id, label: id, labels: ['Country'] } });
const edge = (id: string, source: string, target: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type: 'TRADES_WITH' },
});
const graph = new GraphCache();
graph.merge({
  nodes: [node('a'), node('b'), node('c')],
  edges: [edge('ab1', 'a', 'b'), edge('ba2', 'b', 'a'), edge('ac', 'a', 'c')],
});
const scene = deriveScene({ ...emptyView, nodes: ['a', 'b', 'c'] }, graph);

describe('the story between two nodes', () => {
  it.each([
    [
      ['a', 'b'],
      ['a', 'b'],
    ],
    [
      ['b', 'a', 'ab1'],
      ['b', 'a'],
    ],
    [
      ['ab1', 'ba2'],
      ['a', 'b'],
    ],
  ])('when %j is selected, the story is between %j', (selection, pair) => {
    expect(storyPair(selection, scene)).toEqual(pair);
  });

  it.each([[['a']], [['ab1']], [['a', 'b', 'c']], [['ab1', 'ac']], [['a', 'b', 'ac']], [['a', 'gone']]])(
    'when %j is selected, there is no story',
    (selection) => {
      expect(storyPair(selection, scene)).toBeNull();
    },
  );
});
