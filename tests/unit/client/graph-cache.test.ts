import { describe, expect, it } from 'vitest';
import type { EdgeElement } from '../../../common/api.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';

const edge = (id: string, source: string, target: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type: 'MET_WITH' },
});

describe('graph cache', () => {
  it('when asked for the relationships among nodes, gives those with both ends among them', () => {
    const graph = new GraphCache();
    graph.merge({ nodes: [], edges: [edge('r1', 'a', 'b'), edge('r2', 'a', 'c')] });
    expect(graph.edgesAmong(new Set(['a', 'b'])).map((e) => e.data.id)).toEqual(['r1']);
  });

  it('when a complete answer lacks a relationship among the nodes, forgets it', () => {
    const graph = new GraphCache();
    graph.merge({ nodes: [], edges: [edge('r1', 'a', 'b'), edge('r2', 'a', 'c')] });
    graph.settleAmong(new Set(['a', 'b']), { nodes: [], edges: [] }, true, new Set());
    expect([...graph.edges.keys()]).toEqual(['r2']);
  });

  it('when an answer was cut by a limit, keeps what it knew', () => {
    const graph = new GraphCache();
    graph.merge({ nodes: [], edges: [edge('r1', 'a', 'b')] });
    graph.settleAmong(new Set(['a', 'b']), { nodes: [], edges: [] }, false, new Set());
    expect([...graph.edges.keys()]).toEqual(['r1']);
  });

  it('when an end is unknown to the server (given by a script), keeps its relationships', () => {
    const graph = new GraphCache();
    graph.merge({ nodes: [], edges: [edge('r1', 'a', 'scripted')] });
    graph.settleAmong(new Set(['a', 'scripted']), { nodes: [], edges: [] }, true, new Set(['scripted']));
    expect([...graph.edges.keys()]).toEqual(['r1']);
  });
});
