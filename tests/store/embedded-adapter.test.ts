// What the embedded adapter adds where the engine differs from Neo4j.
import { expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { applySchema } from '../../server/loader/load.ts';

const plan = async (store: ReturnType<typeof openEmbeddedStore>) =>
  String((await store.read({ text: "EXPLAIN MATCH (n:Entity {id: 'country:RUS'}) RETURN n" })).rows[0]!.plan);

it('backs a uniqueness constraint with an index, as Neo4j does', async () => {
  const store = openEmbeddedStore();
  expect(await plan(store)).not.toContain('index: id');
  await applySchema(store);
  expect(await plan(store)).toContain('index: id');
  await store.close();
});

it('bulk-creates through the native batches: indexed, one transaction per call', async () => {
  const store = openEmbeddedStore();
  await applySchema(store);
  const node = (id: string) => ({ id, properties: { id, name: id } });
  await store.bulkCreateNodes!('Country', [node('country:AAA'), node('country:BBB')]);
  expect(await plan(store)).toContain('index: id');
  const found = await store.read('node-by-id', { id: 'country:BBB' });
  expect(found.rows[0]!.n).toMatchObject({ id: 'country:BBB', labels: ['Country', 'Entity'] });
  // a duplicate id breaks the constraint: none of the batch is created
  await expect(store.bulkCreateNodes!('Country', [node('country:CCC'), node('country:AAA')])).rejects.toThrow();
  const count = async () => (await store.read('counts')).rows[0]!;
  expect(await count()).toMatchObject({ nodes: 2, relationships: 0 });

  const rel = (id: string, source: string, target: string) => ({
    id,
    source,
    target,
    properties: { id, date: '2024-01-01' },
  });
  // a missing end refuses the whole batch
  await expect(
    store.bulkCreateRelationships!('TRADES_WITH', [
      rel('rel:1', 'country:AAA', 'country:BBB'),
      rel('rel:2', 'country:AAA', 'country:ZZZ'),
    ]),
  ).rejects.toThrow(/country:ZZZ/);
  expect(await count()).toMatchObject({ relationships: 0 });
  await store.bulkCreateRelationships!('TRADES_WITH', [rel('rel:1', 'country:AAA', 'country:BBB')]);
  // ends this handle did not create are looked up by stable id
  await store.write({ text: "MERGE (n:Entity {id: 'country:DDD'}) SET n:Country" });
  await store.bulkCreateRelationships!('TRADES_WITH', [rel('rel:2', 'country:DDD', 'country:AAA')]);
  const { rows } = await store.read('neighborhood-step', {
    ids: ['country:AAA'],
    types: [],
    labels: [],
    from: null,
    to: null,
    limit: 10,
  });
  expect(rows.map((row) => (row.r as { id: string; source: string; target: string }).id).sort()).toEqual([
    'rel:1',
    'rel:2',
  ]);
  expect(
    rows.map((row) => [(row.r as { source: string }).source, (row.r as { target: string }).target]),
  ).toContainEqual(['country:DDD', 'country:AAA']);
  await store.close();
});

it('when the schema is applied again, the full-text index still answers', async () => {
  const store = openEmbeddedStore();
  await applySchema(store);
  await store.write({ text: "CREATE (:Entity {id: 'x:1', searchPrefixes: 'zebra'})" });
  const search = () => store.read('search-index', { terms: 'zebra', pool: 10, q: 'zebra', labels: [], limit: 10 });
  expect((await search()).rows).toHaveLength(1);
  await applySchema(store);
  expect((await search()).rows).toHaveLength(1);
  await store.close();
});
