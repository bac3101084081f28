// What the embedded adapter adds where the engine differs from Neo4j.
import { describe, expect, it } from 'vitest';
import { localDateTime, openEmbeddedStore } from '../../server/store/embedded.ts';
import { GraphNode, GraphRelationship } from '../../server/store/graph-values.ts';
import { applySchema } from '../../server/loader/load.ts';
import { seedCurated } from '../../server/loader/seed-curated.ts';
import { queryText } from '../../server/store/queries.ts';

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

describe('values the engine gives as plain JS', () => {
  it.each([
    ['whole seconds', '1984-10-11T12:31:14.000Z', '1984-10-11T12:31:14'],
    ['milliseconds', '2024-01-02T03:04:05.123Z', '2024-01-02T03:04:05.123'],
  ])('when a local date-time has %s, it is written with no zone', (_case, iso, local) => {
    expect(localDateTime(new Date(iso))).toBe(local);
  });

  it('when a query returns a node and a map with the same keys, only the node is a node', async () => {
    const store = openEmbeddedStore();
    await store.write({ text: "CREATE (:Country {id: 'country:RUS', name: 'Russia'})" });
    const { rows } = await store.read({
      text: "MATCH (n:Country) RETURN n, {_id: 0, _labels: ['Country'], id: 'country:RUS', name: 'fake'} AS m",
    });
    expect(rows[0]!.n).toBeInstanceOf(GraphNode);
    expect(rows[0]!.m).toEqual({ _id: 0, _labels: ['Country'], id: 'country:RUS', name: 'fake' });
    await store.close();
  });

  it('when the text comes from a cypher/ file (`from`), node-shaped values are taken as nodes unchecked', async () => {
    // The app's own queries return no such maps; skipping the check halves a 2-hop neighbourhood's cost.
    const store = openEmbeddedStore();
    await store.write({ text: "CREATE (:Country {id: 'country:RUS', name: 'Russia'})" });
    const { rows } = await store.read({
      text: "RETURN {_id: 0, _labels: ['Country'], id: 'country:RUS', name: 'fake'} AS m",
      from: 'nodes-by-ids',
    });
    expect(rows[0]!.m).toBeInstanceOf(GraphNode);
    await store.close();
  });

  it('when the text comes from a cypher/ file, a stored property shaped like a node is still a map', async () => {
    const store = openEmbeddedStore();
    await store.write({
      text: "CREATE (:Entity:Country {id: 'country:RUS', name: 'Russia', note: {_id: 0, _labels: ['Country'], id: 'x'}})",
    });
    const { rows } = await store.read('nodes-by-ids', { ids: ['country:RUS'] });
    const node = rows[0]!.n as GraphNode;
    expect(node).toBeInstanceOf(GraphNode);
    expect(node.properties.note).toEqual({ _id: 0, _labels: ['Country'], id: 'x' });
    await store.close();
  });

  it('when a map repeats a stored node exactly, it is that node', async () => {
    const store = openEmbeddedStore();
    await store.write({ text: "CREATE (:Country {id: 'country:RUS'})" });
    const { rows } = await store.read({ text: "RETURN {_id: 0, _labels: ['Country'], id: 'country:RUS'} AS m" });
    expect(rows[0]!.m).toBeInstanceOf(GraphNode);
    await store.close();
  });
});

describe('a property named __proto__', () => {
  // The engine's binding sets keys by assignment and loses this one; the adapter reads it back.
  const protoProperties = (id: string) => ({ ...JSON.parse('{"__proto__": "own value"}'), id, constructor: 'c' });
  const protoOf = (value: unknown) => Object.getOwnPropertyDescriptor(value, '__proto__')?.value;
  const seeded = async () => {
    const store = openEmbeddedStore();
    await store.write({ text: 'CREATE (n:Entity:`constructor`) SET n = $p' }, { p: protoProperties('a') });
    await store.write({ text: "CREATE (n:Entity {id: 'b'})" });
    await store.write(
      { text: "MATCH (a {id: 'a'}), (b {id: 'b'}) CREATE (a)-[r:hasOwnProperty]->(b) SET r = $p" },
      { p: protoProperties('r') },
    );
    return store;
  };

  it('when ad-hoc Cypher returns the node and the relationship, both keep it as an own property', async () => {
    const store = await seeded();
    const { rows } = await store.read({ text: 'MATCH (n)-[r:hasOwnProperty]->() RETURN n, r' });
    const { n, r } = rows[0]! as { n: GraphNode; r: GraphRelationship };
    expect([n, r].map((element) => protoOf(element.properties))).toEqual(['own value', 'own value']);
    expect(n).toBeInstanceOf(GraphNode);
    expect(r).toBeInstanceOf(GraphRelationship);
    await store.close();
  });

  it('when the app’s own query returns the node, it keeps it as an own property', async () => {
    const store = await seeded();
    const { n } = (await store.read('node-by-id', { id: 'a' })).rows[0]! as { n: GraphNode };
    expect(protoOf(n.properties)).toBe('own value');
    expect(n.properties).toMatchObject({ id: 'a', constructor: 'c' });
    await store.close();
  });

  it('when a column is named __proto__, the row has it as an own key', async () => {
    const store = openEmbeddedStore();
    const { columns, rows } = await store.read({ text: 'RETURN 1 AS `__proto__`, 2 AS b' });
    expect(columns).toEqual(['__proto__', 'b']);
    expect([protoOf(rows[0]), rows[0]!.b]).toEqual([1, 2]);
    await store.close();
  });

  it('when nodes created in bulk after a read hold it, the next read has it', async () => {
    const store = openEmbeddedStore();
    await applySchema(store);
    // A read that asks the catalog (the counts are answered without it).
    expect((await store.read({ text: 'RETURN 1 AS one' })).rows).toHaveLength(1);
    await store.bulkCreateNodes('Person', [{ id: 'a', properties: protoProperties('a') }]);
    const { n } = (await store.read('node-by-id', { id: 'a' })).rows[0]! as { n: GraphNode };
    expect(protoOf(n.properties)).toBe('own value');
    await store.close();
  });

  it('when the property is first written after the handle has read, the next read has it', async () => {
    const store = openEmbeddedStore();
    await store.write({ text: "CREATE (n:Entity {id: 'a'})" });
    expect(protoOf((await store.read('node-by-id', { id: 'a' })).rows[0]!.n)).toBeUndefined();
    await store.write({ text: "MATCH (n {id: 'a'}) SET n.`__proto__` = 'later'" });
    const { n } = (await store.read('node-by-id', { id: 'a' })).rows[0]! as { n: GraphNode };
    expect(protoOf(n.properties)).toBe('later');
    await store.close();
  });
});

describe('counts the engine keeps', () => {
  it.each(['counts', 'labels', 'relationship-types'] as const)(
    'when %s is read, the answer from the engine’s counts is the one its Cypher gives',
    async (name) => {
      const store = openEmbeddedStore();
      await seedCurated(store);
      // Text (not the name) runs the cypher/ file's query itself.
      expect(await store.read(name)).toEqual(await store.read({ text: queryText(name), from: name }));
      await store.close();
    },
  );
});
