// The search's use of its three queries, with a store that answers from a list of nodes the way
// the Cypher files do (the files themselves run against real stores in tests/store).
import { describe, expect, it } from 'vitest';
import { maxPool, search } from '../../server/domain/search.ts';
import { searchProperties, searchTerms } from '../../server/domain/search-key.ts';
import { GraphNode, type Params, type QueryResult } from '../../server/store/graph-values.ts';
import type { GraphStore, Statement } from '../../server/store/port.ts';

const node = (id: string, name: string) =>
  new GraphNode(id, ['Entity', 'Person'], { id, name, ...searchProperties(name, [], id) });

function rankOf(n: GraphNode, q: string): number {
  if (n.properties.searchName === q || n.id.toLowerCase() === q) return 0;
  return ` ${String(n.properties.searchName)}`.includes(` ${q}`) ? 1 : 2;
}

/** A store over `nodes` whose full-text index gives candidates in list order, and records calls. */
function fakeStore(nodes: GraphNode[]) {
  const calls: { name: string; params: Params }[] = [];
  const rank = (found: GraphNode[], q: string, limit: number, extra: Record<string, unknown> = {}) =>
    found
      .filter((n) => 'pooled' in extra || String(n.properties.searchText).includes(q))
      .map((n) => ({ n, rank: String(n.properties.searchText).includes(q) ? rankOf(n, q) : 3, ...extra }))
      .sort((a, b) => a.rank - b.rank)
      .slice(0, limit);
  const read = async (statement: Statement, params: Params = {}): Promise<QueryResult> => {
    const name = typeof statement === 'string' ? statement : 'text';
    calls.push({ name, params });
    const { q, limit } = params as { q: string; limit: number };
    if (name === 'search-exact')
      return { columns: ['n'], rows: nodes.filter((n) => rankOf(n, q) === 0).map((n) => ({ n })) };
    if (name === 'search') return { columns: ['n', 'rank'], rows: rank(nodes, q, limit) };
    const terms = String(params.terms).split(' ');
    const words = (n: GraphNode) => String(n.properties.searchPrefixes).split(' ');
    const pool = nodes.filter((n) => terms.some((term) => words(n).includes(term))).slice(0, Number(params.pool));
    return { columns: ['n', 'rank', 'pooled'], rows: rank(pool, q, limit, { pooled: pool.length }) };
  };
  const store: GraphStore = {
    kind: 'embedded',
    read,
    write: read,
    bulkCreateNodes: async () => {},
    bulkCreateRelationships: async () => {},
    close: async () => {},
  };
  return { store, calls };
}

const names = (calls: { name: string }[]) => calls.map((call) => call.name);

describe('search', () => {
  it('when the query has word starts, asks the index and the exact lookup, and never scans', async () => {
    const { store, calls } = fakeStore([node('p:1', 'Anna Kovalenko'), node('p:2', 'Kovalenko')]);
    const { hits } = await search(store, { q: 'Kovalenko', labels: [], limit: 20 });
    expect(hits.map((hit) => [hit.id, hit.match])).toEqual([
      ['p:2', 'exact'],
      ['p:1', 'prefix'],
    ]);
    expect(names(calls).sort()).toEqual(['search-exact', 'search-index']);
    expect(calls.find((call) => call.name === 'search-index')!.params.terms).toBe('kovalenko');
  });

  it('when the index ranks an exact match out of its pool, the exact lookup still puts it first', async () => {
    const others = Array.from({ length: 150 }, (_, i) => node(`p:${i}`, `Lev Kovalenko ${i}`));
    const { store } = fakeStore([...others, node('p:exact', 'Lev Kovalenko')]);
    const { hits } = await search(store, { q: 'lev kovalenko', labels: [], limit: 5 });
    expect(hits[0]).toMatchObject({ id: 'p:exact', match: 'exact' });
    expect(hits.slice(1).every((hit) => hit.match === 'prefix')).toBe(true);
  });

  it('when too few of a full pool match the whole query, asks for a bigger pool', async () => {
    const misses = Array.from({ length: 500 }, (_, i) => node(`p:${i}`, `Anna Petrenko ${i}`));
    const { store, calls } = fakeStore([...misses, node('p:hit', 'Anna Kovalenko')]);
    const { hits } = await search(store, { q: 'anna kov', labels: [], limit: 10 });
    expect(hits.map((hit) => hit.id)).toEqual(['p:hit']);
    const pools = calls.filter((call) => call.name === 'search-index').map((call) => call.params.pool);
    expect(pools).toEqual([100, 400, 1600]);
  });

  it('when the pool cannot grow past its ceiling, stops asking', async () => {
    const misses = Array.from({ length: maxPool + 10 }, (_, i) => node(`p:${i}`, `Anna Petrenko`));
    const { store, calls } = fakeStore(misses);
    await search(store, { q: 'anna kov', labels: [], limit: 10 });
    const pools = calls.filter((call) => call.name === 'search-index').map((call) => Number(call.params.pool));
    expect(Math.max(...pools)).toBe(maxPool);
    expect(pools.filter((pool) => pool === maxPool)).toHaveLength(1);
  });

  it.each([
    ['lenko', 'inside a word only'],
    ['r', 'shorter than a word start'],
  ])('when the query is "%s" (%s), scans', async (q) => {
    const { store, calls } = fakeStore([node('p:1', 'Anna Kovalenko'), node('p:2', 'Boris Romanov')]);
    const { hits } = await search(store, { q, labels: [], limit: 20 });
    expect(names(calls)).toContain('search');
    expect(hits.length).toBeGreaterThan(0);
    expect(searchTerms(q).length === 0 || names(calls).includes('search-index')).toBe(true);
  });

  it('when hits tie on rank, orders them by shorter name, then name', async () => {
    const { store } = fakeStore([node('p:1', 'Yuri Kim'), node('p:2', 'Hu Kim'), node('p:3', 'Li Kim')]);
    const { hits } = await search(store, { q: 'kim', labels: [], limit: 20 });
    expect(hits.map((hit) => hit.label)).toEqual(['Hu Kim', 'Li Kim', 'Yuri Kim']);
  });

  it('when the query is blank after normalising, asks the store nothing', async () => {
    const { store, calls } = fakeStore([node('p:1', 'Anna')]);
    expect(await search(store, { q: '  ', labels: [], limit: 20 })).toEqual({ hits: [] });
    expect(calls).toEqual([]);
  });
});
