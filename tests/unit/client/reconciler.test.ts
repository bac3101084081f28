import { describe, expect, it, vi } from 'vitest';
import type { EdgeElement, NodeElement, SubgraphResponse } from '../../../common/api.ts';
import { GraphCache } from '../../../client/src/graph/graph-cache.ts';
import { Reconciler, maxIds, maxRelationships } from '../../../client/src/graph/reconciler.ts';

const node = (id: string): NodeElement => ({ group: 'nodes', data: { id, label: id, labels: ['Entity'] } });
const edge = (id: string, source: string, target: string): EdgeElement => ({
  group: 'edges',
  data: { id, source, target, type: 'MET_WITH' },
});
const answer = (
  nodes: string[],
  edges: EdgeElement[],
  meta: Partial<SubgraphResponse['meta']> = {},
): SubgraphResponse => ({
  elements: { nodes: nodes.map(node), edges },
  meta: { missing: [], total: edges.length, truncated: false, ...meta },
});

describe('Reconciler', () => {
  it('when nodes are covered, one subgraph call asks for their ids under the limits', async () => {
    const fetch = vi.fn(async () => answer(['a', 'b'], [edge('r', 'a', 'b')]));
    await new Reconciler(new GraphCache(), fetch).cover(['a', 'b', 'a']);
    expect(fetch).toHaveBeenCalledExactlyOnceWith({ ids: ['a', 'b'], limit: maxRelationships });
  });

  it('when nodes are covered, the relationships among them are in the graph', async () => {
    const graph = new GraphCache();
    await new Reconciler(graph, async () => answer(['a', 'b'], [edge('r', 'a', 'b')])).cover(['a', 'b']);
    expect([...graph.edges.keys()]).toEqual(['r']);
  });

  it('when a subset of covered nodes is asked for again, no call is made', async () => {
    const fetch = vi.fn(async () => answer(['a', 'b', 'c'], []));
    const reconciler = new Reconciler(new GraphCache(), fetch);
    await reconciler.cover(['a', 'b', 'c']);
    await reconciler.cover(['c', 'a']);
    expect(fetch).toHaveBeenCalledOnce();
    expect(reconciler.covers(['a', 'c'])).toBe(true);
  });

  it('when a node outside the covered set is asked for, a new call is made', async () => {
    const fetch = vi.fn(async () => answer([], []));
    const reconciler = new Reconciler(new GraphCache(), fetch);
    await reconciler.cover(['a']);
    await reconciler.cover(['a', 'b']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('when the server lacks an id, it is reported missing', async () => {
    const reconciler = new Reconciler(new GraphCache(), async () => answer(['a'], [], { missing: ['gone'] }));
    expect((await reconciler.cover(['a', 'gone'])).missing).toEqual(['gone']);
  });

  it('when the server lacks an id the page already holds (from a script), it is kept as scripted, not missing', async () => {
    const graph = new GraphCache();
    graph.merge({ nodes: [node('script:x')], edges: [] });
    const reconciler = new Reconciler(graph, async () => answer(['a'], [], { missing: ['script:x'] }));
    expect((await reconciler.cover(['a', 'script:x'])).missing).toEqual([]);
    expect([...reconciler.scripted]).toEqual(['script:x']);
  });

  it('when the limit cuts the answer, the coverage says how many relationships were not loaded', async () => {
    const reconciler = new Reconciler(new GraphCache(), async () =>
      answer(['a', 'b'], [edge('r1', 'a', 'b')], { total: 3, truncated: true }),
    );
    expect((await reconciler.cover(['a', 'b'])).notLoaded).toBe(2);
  });

  it('when more ids are in view than one call takes, the rest are unchecked', async () => {
    const fetch = vi.fn(async (body: { ids: string[] }) => answer(body.ids.slice(0, 1), []));
    const ids = Array.from({ length: maxIds + 3 }, (_, i) => `n:${i}`);
    const coverage = await new Reconciler(new GraphCache(), fetch).cover(ids);
    expect(fetch.mock.calls[0]![0].ids).toHaveLength(maxIds);
    expect(coverage.unchecked).toBe(3);
  });

  it('when nothing was covered yet, the coverage is empty', () => {
    expect(new Reconciler(new GraphCache(), async () => answer([], [])).coverage).toEqual({
      missing: [],
      notLoaded: 0,
      unchecked: 0,
    });
  });
});
