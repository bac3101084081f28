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
      maxIds,
    });
  });

  /** A server that takes at most `cap` ids, refusing more as the API does (413 naming the cap). */
  const capped = (cap: number) =>
    vi.fn(async (body: { ids: string[] }) => {
      if (body.ids.length > cap)
        throw Object.assign(new Error('too many ids'), { status: 413, problem: { maxIds: cap } });
      return answer(body.ids, []);
    });

  it('when the server takes fewer ids than asked (413 naming its cap), the first that many are asked again', async () => {
    const fetch = capped(2);
    await new Reconciler(new GraphCache(), fetch).cover(['a', 'b', 'c', 'd']);
    expect(fetch.mock.calls.map(([body]) => body.ids)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['a', 'b'],
    ]);
  });

  it('when the server takes fewer ids than asked, the coverage names its cap and the nodes past it as unchecked', async () => {
    const coverage = await new Reconciler(new GraphCache(), capped(2)).cover(['a', 'b', 'c', 'd']);
    expect(coverage).toMatchObject({ unchecked: 2, maxIds: 2 });
  });

  it('when the server named its cap once, later views ask for at most that many at once', async () => {
    const fetch = capped(2);
    const reconciler = new Reconciler(new GraphCache(), fetch);
    await reconciler.cover(['a', 'b', 'c']);
    await reconciler.cover(['x', 'y', 'z']);
    expect(fetch.mock.calls.at(-1)![0].ids).toEqual(['x', 'y']);
  });

  it("when a call fails for another reason, the error is the caller's", async () => {
    const failing = async () => {
      throw Object.assign(new Error('busy'), { status: 503 });
    };
    await expect(new Reconciler(new GraphCache(), failing).cover(['a'])).rejects.toThrow('busy');
  });
});
