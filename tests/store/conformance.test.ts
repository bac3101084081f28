// One suite, every available store: the same Cypher files must give the same plain results.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { GraphNode, GraphPath, GraphRelationship } from '../../server/store/graph-values.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { searchKey, searchProperties } from '../../server/domain/search-key.ts';
import { search } from '../../server/domain/search.ts';
import { pathsFor } from '../../server/store/queries.ts';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { applySchema, loadGraph } from '../../server/loader/load.ts';
import { storeCounts } from '../../server/domain/schema.ts';
import { embeddedStore, neo4jStore, type StoreUnderTest } from './available-stores.ts';
import { recording } from './recording-store.ts';
import request from 'supertest';
import type { BetweenResponse, ClaimsResponse, SourceResponse } from '../../common/api.ts';
import { inDateRange } from '../../common/dates/date-interval.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { collapseWhitespace } from '../../server/domain/quote-location.ts';
import { createLogger } from '../../server/logger.ts';

const curatedData = readCurated();
const curated = toGraphData(curatedData);
const neo4j = await neo4jStore();
const stores: StoreUnderTest[] = [embeddedStore()];
if ('store' in neo4j) stores.push(neo4j.store);
else {
  console.warn(`[conformance] neo4j suite skipped: ${neo4j.skipped}`);
  describe(`${neo4j.name} store`, () => {
    it.skip(`skipped: ${neo4j.skipped}`, () => {});
  });
}

describe.each(stores)('$name store', (subject) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await subject.open();
    await loadGraph(store, curated);
  });

  afterAll(async () => {
    await store?.close();
    await subject.teardown();
  });

  it('loads every curated node and relationship', async () => {
    expect(await storeCounts(store)).toEqual({
      nodes: curated.nodes.length,
      relationships: curated.relationships.length,
    });
  });

  it('loads idempotently: a second load and a second schema run change nothing', async () => {
    await applySchema(store);
    await loadGraph(store, curated, { batchSize: 7 });
    expect(await storeCounts(store)).toEqual({
      nodes: curated.nodes.length,
      relationships: curated.relationships.length,
    });
  });

  it('maps a node to the plain model: stable id, sorted labels, properties', async () => {
    const { rows } = await store.read('node-by-id', { id: 'country:RUS' });
    expect(rows).toHaveLength(1);
    const node = rows[0]!.n;
    expect(node).toBeInstanceOf(GraphNode);
    expect(node).toMatchObject({ id: 'country:RUS', labels: ['Country', 'Entity'] });
    expect((node as GraphNode).properties).toMatchObject({ id: 'country:RUS', name: 'Russia', iso3: 'RUS' });
  });

  it('maps relationships with stable ids for both ends', async () => {
    const { rows } = await store.read('neighborhood-step', {
      ids: ['person:li-qiang'],
      types: ['VISITED'],
      labels: [],
      from: null,
      to: null,
      limit: 50,
    });
    const expected = curated.relationships.filter(
      (r) => r.type === 'VISITED' && (r.source === 'person:li-qiang' || r.target === 'person:li-qiang'),
    );
    expect(expected.length).toBeGreaterThan(0);
    const relationships = rows.map((row) => row.r as GraphRelationship);
    relationships.forEach((relationship) => expect(relationship).toBeInstanceOf(GraphRelationship));
    expect(
      relationships
        .map(({ id, type, source, target }) => ({ id, type, source, target }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    ).toEqual(
      expected
        .map(({ id, type, source, target }) => ({ id, type, source, target }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(relationships[0]!.properties.quote).toEqual(
      expected.find((r) => r.id === relationships[0]!.id)!.properties.quote,
    );
  });

  it('filters the neighbourhood by date range', async () => {
    const params = { ids: ['country:RUS'], types: [], labels: [], limit: 500 };
    const all = await store.read('neighborhood-step', { ...params, from: null, to: null });
    const in2025 = await store.read('neighborhood-step', { ...params, from: '2025-01-01', to: '2025-12-31' });
    expect(in2025.rows.length).toBeGreaterThan(0);
    expect(in2025.rows.length).toBeLessThan(all.rows.length);
    for (const row of in2025.rows) {
      const { properties } = row.r as GraphRelationship;
      expect(inDateRange(properties, { from: '2025-01-01', to: '2025-12-31' }), JSON.stringify(properties)).toBe(true);
    }
  });

  it('when asked for the subgraph among nodes, returns every relationship between two of them', async () => {
    const ids = ['country:RUS', 'country:CHN', 'country:USA', 'person:li-qiang'];
    const expected = curated.relationships
      .filter((r) => ids.includes(r.source) && ids.includes(r.target))
      .map((r) => r.id)
      .sort();
    const { rows } = await store.read('subgraph', { ids, types: [], labels: [], from: null, to: null, limit: 1000 });
    expect(rows).toHaveLength(1);
    const relationships = rows[0]!.relationships as GraphRelationship[];
    expect(relationships.every((r) => r instanceof GraphRelationship)).toBe(true);
    expect(relationships.map((r) => r.id)).toEqual(expected);
    expect(rows[0]!.total).toBe(expected.length);
  });

  describe('a filtered subgraph', () => {
    const ids = ['country:RUS', 'country:CHN', 'country:USA', 'person:li-qiang'];
    const base = { ids, types: [], labels: [], from: null, to: null, limit: 1000 };
    const read = async (params: object) => {
      const row = (await store.read('subgraph', { ...base, ...params })).rows[0]!;
      return { ids: (row.relationships as GraphRelationship[]).map((r) => r.id), total: row.total };
    };
    const expected = curated.relationships.filter((r) => ids.includes(r.source) && ids.includes(r.target));
    type Expected = (typeof expected)[number];
    const pick = (keep: (r: Expected) => boolean) =>
      expected
        .filter(keep)
        .map((r) => r.id)
        .sort();
    const dated = (r: Expected) => r.properties as { date: string; dateEnd?: string };

    it.each([
      ['a type', { types: ['SANCTIONS'] }, (r: Expected) => r.type === 'SANCTIONS'],
      ['a label', { labels: ['Country'] }, (r: Expected) => !r.source.startsWith('person:')],
      [
        'a date range',
        { from: '2025-01-01', to: '2025-12-31' },
        (r: Expected) => dated(r).date <= '2025-12-31' && (dated(r).dateEnd ?? dated(r).date) >= '2025-01-01',
      ],
    ])('when filtered by %s, only the relationships passing it come', async (_filter, params, keep) => {
      expect((await read(params)).ids).toEqual(pick(keep));
    });

    it('when limited, the first relationships come with the total before the limit', async () => {
      expect(await read({ limit: 2 })).toEqual({ ids: pick(() => true).slice(0, 2), total: expected.length });
    });
  });

  const liToZelenskyy = () =>
    store.read(pathsFor([]), {
      from: 'person:li-qiang',
      to: 'person:volodymyr-zelenskyy',
      maxLength: 6,
      limit: 10,
    });

  it('when paths are read, each maps to its nodes in order and the relationships joining them', async () => {
    const { rows } = await liToZelenskyy();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const path = row.p as GraphPath;
      expect(path).toBeInstanceOf(GraphPath);
      expect(path.nodes[0]!.id).toBe('person:li-qiang');
      expect(path.nodes.at(-1)!.id).toBe('person:volodymyr-zelenskyy');
      expect(path.relationships).toHaveLength(path.nodes.length - 1);
      path.relationships.forEach((relationship, index) => {
        const ends = [relationship.source, relationship.target].sort();
        expect(ends).toEqual([path.nodes[index]!.id, path.nodes[index + 1]!.id].sort());
      });
    }
  });

  it('when shortest paths are read, they all have one length', async () => {
    const { rows } = await liToZelenskyy();
    const lengths = new Set(rows.map((row) => (row.p as GraphPath).relationships.length));
    expect(lengths.size).toBe(1);
  });

  it('restricts paths to the given relationship types inside the search', async () => {
    const params = { from: 'country:RUS', to: 'country:CHN', maxLength: 6, limit: 50 };
    const any = await store.read(pathsFor([]), params);
    expect((any.rows[0]!.p as GraphPath).relationships).toHaveLength(1);
    const viaPeople = await store.read(pathsFor(['HOLDS_OFFICE', 'MET_WITH']), params);
    expect(viaPeople.rows.length).toBeGreaterThan(0);
    for (const row of viaPeople.rows) {
      const path = row.p as GraphPath;
      expect(path.relationships.length).toBeGreaterThan(1);
      path.relationships.forEach((relationship) => expect(['HOLDS_OFFICE', 'MET_WITH']).toContain(relationship.type));
    }
  });

  describe('the search scan', () => {
    const scan = async (q: string) =>
      (await store.read('search', { q: searchKey(q), labels: [], limit: 20 })).rows.map((row) => ({
        id: (row.n as GraphNode).id,
        rank: row.rank,
      }));

    it('when a name matches in another case, it is an exact hit (rank 0) first', async () => {
      expect((await scan('RUSSIA'))[0]).toEqual({ id: 'country:RUS', rank: 0 });
    });

    it('when a name starts with the query, it is a prefix hit (rank 1)', async () => {
      expect((await scan('vlad'))[0]).toEqual({ id: 'person:vladimir-putin', rank: 1 });
    });

    it('when a word of a name starts with the query, it is a prefix hit (rank 1), before longer names', async () => {
      expect((await scan('putin'))[0]).toEqual({ id: 'person:vladimir-putin', rank: 1 });
    });

    it('when a name holds the query inside a word, with other accents, it is a substring hit (rank 2)', async () => {
      expect(await scan('lénsk')).toContainEqual({ id: 'person:volodymyr-zelenskyy', rank: 2 });
    });

    it('when hits match in several ways, they come in rank order', async () => {
      const ranks = (await scan('ru')).map((hit) => hit.rank);
      expect(ranks).toEqual([...ranks].sort());
    });

    it('when filtered by label, every hit has it', async () => {
      const countriesOnly = await store.read('search', { q: 'ru', labels: ['Country'], limit: 20 });
      countriesOnly.rows.forEach((row) => expect((row.n as GraphNode).labels).toContain('Country'));
    });
  });

  describe('search by word starts', () => {
    const hits = async (q: string, labels: string[] = []) =>
      (await search(store, { q, labels, limit: 20 })).hits.map(({ id, match }) => ({ id, match }));

    it.each([
      ['RUSSIA', { id: 'country:RUS', match: 'exact' }],
      ['vlad', { id: 'person:vladimir-putin', match: 'prefix' }],
      ['putin', { id: 'person:vladimir-putin', match: 'prefix' }],
      ['country:ukr', { id: 'country:UKR', match: 'exact' }],
    ])('when searching "%s", the first hit is %o', async (q, hit) => {
      expect((await hits(q))[0]).toEqual(hit);
    });

    it.each([
      ['Zelénskyy', { id: 'person:volodymyr-zelenskyy', match: 'prefix' }],
      ['kremlin', { id: 'country:RUS', match: 'substring' }],
    ])('when searching "%s", a hit is %o', async (q, hit) => {
      expect(await hits(q)).toContainEqual(hit);
    });

    it('when hits match in several ways, they come in rank order', async () => {
      const ru = await search(store, { q: 'ru', labels: [], limit: 20 });
      expect(ru.hits.map((hit) => hit.rank)).toEqual(ru.hits.map((hit) => hit.rank).sort());
    });

    it('when filtered by label, hits still come', async () => {
      expect((await hits('ru', ['Country'])).length).toBeGreaterThan(0);
    });

    it.each([['RUSSIA'], ['vlad'], ['Zelénskyy'], ['kremlin'], ['country:ukr'], ['ru', ['Country']]] as [
      string,
      string[]?,
    ][])('when searching "%s" %j, the full-text index answers, not the scan', async (q, labels = []) => {
      const { store: recorded, reads } = recording(store);
      await search(recorded, { q, labels, limit: 20 });
      expect(reads).toContain('search-index');
      expect(reads).not.toContain('search');
    });
  });

  it.each(['russia', 'li', 'xi', 'minsk', 'china', 'sum', 'putin xi', 'de'])(
    'when searching "%s", the index gives the hits of the scan that match at a word start, in its order',
    async (q) => {
      const atWordStart = new RegExp(`(^|[^\\p{L}\\p{N}])${searchKey(q)}`, 'u');
      const fromIndex = await search(store, { q, labels: [], limit: 100 });
      const { rows } = await store.read('search', { q: searchKey(q), labels: [], limit: 100 });
      const scanned = rows.map((row) => row.n as GraphNode);
      expect(fromIndex.hits.map((hit) => hit.id)).toEqual(
        scanned.filter((n) => atWordStart.test(String(n.properties.searchText))).map((n) => n.id),
      );
    },
  );

  it('when a query matches only inside words, answers by the scan', async () => {
    const { store: recorded, reads } = recording(store);
    const { hits } = await search(recorded, { q: 'lenskyy', labels: [], limit: 20 });
    expect(hits.map(({ id, match }) => ({ id, match }))).toContainEqual({
      id: 'person:volodymyr-zelenskyy',
      match: 'substring',
    });
    expect(reads).toContain('search');
  });

  describe('a node added after the load', () => {
    const id = 'person:test-oksana-kovalchuk';
    const name = 'Oksana Kovalchuk';
    const add = async () => {
      await loadGraph(store, {
        nodes: [{ id, label: 'Person', properties: { name, ...searchProperties(name, [], id) } }],
        relationships: [],
      });
      onTestFinished(async () => {
        await store.write({ text: 'MATCH (n:Entity {id: $id}) DETACH DELETE n' }, { id });
      });
    };

    it('when searched for, the index finds it without the scan', async () => {
      await add();
      const { store: recorded, reads } = recording(store);
      expect((await search(recorded, { q: 'kovalch', labels: [], limit: 5 })).hits[0]).toMatchObject({ id });
      expect(reads).not.toContain('search');
    });

    it('when deleted, the index no longer finds it', async () => {
      await add();
      await store.write({ text: 'MATCH (n:Entity {id: $id}) DETACH DELETE n' }, { id });
      expect((await search(store, { q: 'kovalch', labels: [], limit: 5 })).hits).toEqual([]);
    });
  });

  it('when the labels are read, each comes with its count', async () => {
    const labels = Object.fromEntries((await store.read('labels')).rows.map((row) => [row.label, row.count]));
    expect(labels.Source).toBe(curated.nodes.filter((node) => node.label === 'Source').length);
    expect(labels.Entity).toBe(curated.nodes.length);
  });

  it('when the relationship types are read, each comes with its count', async () => {
    const types = Object.fromEntries((await store.read('relationship-types')).rows.map((row) => [row.type, row.count]));
    expect(types.VISITED).toBe(curated.relationships.filter((r) => r.type === 'VISITED').length);
  });

  it('when the property keys are read, the curated keys are among them', async () => {
    const keys = (await store.read('property-keys')).rows.map((row) => row.propertyKey);
    expect(keys).toEqual(expect.arrayContaining(['id', 'name', 'quote', 'date', 'sources']));
  });

  it('counts degree by type and direction', async () => {
    const { rows } = await store.read('node-degrees', { id: 'person:li-qiang' });
    const visitedOut = curated.relationships.filter(
      (r) => r.type === 'VISITED' && r.source === 'person:li-qiang',
    ).length;
    expect(rows).toContainEqual({ type: 'VISITED', direction: 'out', count: visitedOut });
  });

  it('maps scalars the same way: integers, floats, big integers, lists, maps, null', async () => {
    const { columns, rows } = await store.read({
      text: 'RETURN 42 AS int, 1.5 AS float, 9007199254740993 AS big, [1, "a"] AS list, {k: [true]} AS map, null AS nothing',
    });
    expect(columns).toEqual(['int', 'float', 'big', 'list', 'map', 'nothing']);
    expect(rows).toEqual([
      { int: 42, float: 1.5, big: '9007199254740993', list: [1, 'a'], map: { k: [true] }, nothing: null },
    ]);
  });

  it('keeps ids unique: a duplicate id is refused', async () => {
    await expect(store.write({ text: "CREATE (:Entity {id: 'country:RUS'})" })).rejects.toThrow();
    expect(await storeCounts(store)).toMatchObject({ nodes: curated.nodes.length });
  });

  it('rolls back a failed write transaction whole', async () => {
    const failing = "UNWIND [1, 0] AS x CREATE (:Entity {id: 'tmp:' + toString(x)}) WITH x RETURN 1 / x AS boom";
    await expect(store.write({ text: failing })).rejects.toThrow();
    const { rows } = await store.read({ text: "MATCH (n:Entity) WHERE n.id STARTS WITH 'tmp:' RETURN count(n) AS c" });
    expect(rows[0]!.c).toBe(0);
  });
  // Sources and the story between two nodes, through the API routes, on this store.
  describe('the evidence routes', () => {
    let app: ReturnType<typeof createApp>;
    const source = curatedData.sources.find((s) => s.id === 'source:cnn-2024-08-21-putin-li-qiang-moscow')!;
    const inTimeOrder = <T extends { date: string; id: string }>(items: T[]) =>
      [...items].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

    beforeAll(() => {
      app = createApp({ store, config: loadConfig({}), logger: createLogger('silent'), clientDir: false });
    });

    it('when a source is read, its quotes are placed in its article', async () => {
      const body = (await request(app).get(`/api/sources/${source.id}`).expect(200)).body as SourceResponse;
      expect(body.source.data).toMatchObject({ id: source.id, title: source.title, publisher: source.publisher });
      const quotedHere = curatedData.relations.filter((r) => r.sources[0] === source.id);
      const spans = new Map(body.quotes.map((span) => [span.relationshipId, span]));
      for (const relation of quotedHere) {
        const span = spans.get(relation.id)!;
        expect(collapseWhitespace(body.text!.slice(span.start, span.end)), relation.id).toBe(
          collapseWhitespace(relation.quote),
        );
      }
    });

    it('when a source’s claims are asked for, they come oldest first with both ends', async () => {
      const body = (await request(app).get(`/api/sources/${source.id}/claims`).expect(200)).body as ClaimsResponse;
      const expected = inTimeOrder(curatedData.relations.filter((r) => r.sources.includes(source.id)));
      expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.map((r) => r.id));
      expect(body.elements.nodes.map((node) => node.data.id).sort()).toEqual(
        [...new Set(expected.flatMap((r) => [r.source, r.target]))].sort(),
      );
    });

    it('when the story between two nodes is asked for, it lists their relationships oldest first', async () => {
      const query = 'a=country:RUS&b=country:CHN&from=2024-05-31&to=2024-12-31';
      const body = (await request(app).get(`/api/graph/between?${query}`).expect(200)).body as BetweenResponse;
      const expected = inTimeOrder(
        curatedData.relations.filter(
          (r) =>
            [r.source, r.target].sort().join() === 'country:CHN,country:RUS' &&
            inDateRange(r, { from: '2024-05-31', to: '2024-12-31' }),
        ),
      );
      expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.map((r) => r.id));
      expect(body.sources.map((s) => s.data.id).sort()).toEqual(
        [...new Set(expected.flatMap((r) => r.sources))].sort(),
      );
    });

    it.each([
      ['/api/sources/source:nobody', 404],
      ['/api/sources/source:nobody/claims', 404],
      ['/api/sources/country:RUS', 400],
      ['/api/graph/between?a=country:RUS&b=country:ATL', 404],
    ])('when %s is asked for, it answers %i', async (path, status) => {
      await request(app).get(path).expect(status);
    });
  });

  // The precision-aware date filter (cypher/fragments/date-in-range.cypher) must answer as the
  // page's filter does (common/dates): every dated case against ranges whose edges fall on the
  // first and last days of the months and years involved.
  describe('the date filter', () => {
    const dated = [
      { id: 'test:day', date: '2024-05-16', datePrecision: 'day' },
      { id: 'test:month', date: '2024-05-16', datePrecision: 'month' },
      { id: 'test:year', date: '2022-02-24', datePrecision: 'year' },
      { id: 'test:leap-month', date: '2024-02-10', datePrecision: 'month' },
      { id: 'test:day-span', date: '2025-07-11', dateEnd: '2025-07-13', datePrecision: 'day' },
      { id: 'test:month-span', date: '2024-01-01', dateEnd: '2024-07-15', datePrecision: 'month' },
      { id: 'test:month-span-years', date: '2024-12-20', dateEnd: '2025-02-03', datePrecision: 'month' },
      { id: 'test:year-span', date: '2022-06-01', dateEnd: '2023-03-01', datePrecision: 'year' },
      { id: 'test:no-precision', date: '2024-05-16' },
      { id: 'test:odd-precision', date: '2024-05-16', datePrecision: 'decade' },
      { id: 'test:undated' },
    ];
    const ranges: [string | null, string | null][] = [
      [null, null],
      ['2024-05-16', '2024-05-16'],
      ['2024-05-15', '2024-05-15'],
      ['2024-05-31', '2024-05-31'],
      ['2024-06-01', null],
      [null, '2024-04-30'],
      [null, '2024-05-01'],
      ['2022-12-31', '2022-12-31'],
      [null, '2022-01-01'],
      ['2023-01-01', '2023-01-31'],
      ['2023-12-31', '2023-12-31'],
      ['2024-02-29', '2024-02-29'],
      ['2024-03-01', '2024-03-31'],
      ['2024-07-31', '2024-07-31'],
      ['2024-08-01', '2024-11-30'],
      ['2025-02-28', '2025-02-28'],
      ['2025-03-01', null],
      ['2025-07-12', '2025-07-12'],
      ['2025-07-14', null],
    ];

    beforeAll(async () => {
      await store.write({ text: "CREATE (:Entity {id: 'test:dates-a'}), (:Entity {id: 'test:dates-b'})" });
      await store.write(
        {
          text:
            "MATCH (a:Entity {id: 'test:dates-a'}), (b:Entity {id: 'test:dates-b'}) " +
            'UNWIND $rows AS row CREATE (a)-[r:DATED]->(b) SET r = row',
        },
        { rows: dated },
      );
    });

    afterAll(async () => {
      await store.write({ text: "MATCH (n:Entity) WHERE n.id STARTS WITH 'test:dates-' DETACH DELETE n" });
    });

    it.each(ranges)('when the range is %s..%s, the store matches what the page would', async (from, to) => {
      const { rows } = await store.read('neighborhood-step', {
        ids: ['test:dates-a'],
        types: [],
        labels: [],
        from,
        to,
        limit: 100,
      });
      const matched = rows.map((row) => (row.r as GraphRelationship).id).sort();
      expect(matched).toEqual(
        dated
          .filter((r) => inDateRange(r, { from, to }))
          .map((r) => r.id)
          .sort(),
      );
    });

    it('when a range holds only month- and year-precision dates, it still finds them', async () => {
      const { rows } = await store.read('between', {
        a: 'test:dates-a',
        b: 'test:dates-b',
        types: [],
        from: '2024-05-31',
        to: '2024-05-31',
        limit: 100,
      });
      expect(rows.map((row) => (row.r as GraphRelationship).id).sort()).toEqual(['test:month', 'test:month-span']);
    });
  });
});
