// Short path search from both ends, on every available store: the same shortest paths as the
// store's own breadth-first search (paths.cypher), on a graph with hubs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortPaths, type PathIds } from '../../server/domain/short-paths.ts';
import type { GraphPath } from '../../server/store/graph-values.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { pathsFor } from '../../server/store/queries.ts';
import { SyntheticGraph, createRandom, loadSynthetic } from '../../seed/synthetic.ts';
import { embeddedStore, neo4jStore, type StoreUnderTest } from './available-stores.ts';

const graph = new SyntheticGraph({ nodes: 2000, relationships: 6000, seed: 11 });
const ids = [...graph.nodes()].map((node) => node.id).filter((id) => !id.startsWith('syn:source:'));
const random = createRandom(5);
const pairs = Array.from(
  { length: 40 },
  () => [ids[Math.floor(random() * ids.length)]!, ids[Math.floor(random() * ids.length)]!] as const,
).filter(([a, b]) => a !== b);

const neo4j = await neo4jStore();
const stores: StoreUnderTest[] = [embeddedStore()];
if ('store' in neo4j) stores.push(neo4j.store);
else {
  console.warn(`[short paths] neo4j suite skipped: ${neo4j.skipped}`);
  describe(`${neo4j.name} store`, () => {
    it.skip(`skipped: ${neo4j.skipped}`, () => {});
  });
}

const key = (path: { nodes: string[]; relationships: { id: string }[] }) =>
  `${path.nodes.join('>')}|${path.relationships.map((r) => r.id).join(',')}`;

async function bySearch(store: GraphStore, from: string, to: string, types: string[], maxLength: number) {
  const { rows } = await store.read(pathsFor(types), { from, to, maxLength, limit: 100_000 });
  return rows.map(({ p }) => {
    const path = p as GraphPath;
    return { nodes: path.nodes.map((n) => n.id), relationships: path.relationships };
  });
}

/** Each path runs from `from` to `to`, each relationship joining the nodes beside it. */
function expectWellFormed(path: PathIds, from: string, to: string) {
  expect(path.nodes[0]).toBe(from);
  expect(path.nodes.at(-1)).toBe(to);
  expect(path.relationships).toHaveLength(path.nodes.length - 1);
  path.relationships.forEach((r, at) =>
    expect([r.source, r.target].sort()).toEqual([path.nodes[at]!, path.nodes[at + 1]!].sort()),
  );
}

describe.each(stores)('$name store', (subject) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await subject.open();
    await loadSynthetic(store, graph, { batchSize: 2000 });
  });

  afterAll(async () => {
    await store?.close();
    await subject.teardown();
  });

  it.each([
    ['any type', []],
    ['two types', ['MET_WITH', 'VISITED']],
  ] as const)(
    'when searching from both ends over %s, finds the shortest paths the store finds, or leaves them to it',
    async (_, types) => {
      let answered = 0;
      for (const [from, to] of pairs) {
        const expected = await bySearch(store, from, to, [...types], 6);
        const found = await shortPaths(store, { from, to, maxLength: 6, types: [...types], limit: 100_000 });
        if (found === undefined) {
          expect(expected.length === 0 || expected[0]!.relationships.length > 3, `${from} ${to}`).toBe(true);
          continue;
        }
        answered += 1;
        found.forEach((path) => expectWellFormed(path, from, to));
        expect(found.map(key).sort(), `${from} ${to}`).toEqual(expected.map(key).sort());
      }
      expect(answered).toBeGreaterThan(pairs.length / 4);
    },
  );

  it('when asked for one path, gives one of the shortest', async () => {
    for (const [from, to] of pairs.slice(0, 10)) {
      const expected = await bySearch(store, from, to, [], 6);
      const [one, ...rest] = (await shortPaths(store, { from, to, maxLength: 6, types: [], limit: 1 })) ?? [];
      if (!one) continue;
      expect(rest).toEqual([]);
      expect(expected.map(key)).toContain(key(one));
    }
  });

  it('when the shortest path is longer than maxLength, finds none', async () => {
    for (const [from, to] of pairs) {
      const expected = await bySearch(store, from, to, [], 6);
      const length = expected[0]?.relationships.length;
      if (length === undefined || length < 2) continue;
      expect(await shortPaths(store, { from, to, maxLength: length - 1, types: [], limit: 50 })).toEqual([]);
      return;
    }
    throw new Error('no pair with a path of two hops or more');
  });
});
