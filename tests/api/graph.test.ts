import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { GraphResponse, PathsResponse } from '../../common/api.ts';
import { curated, relationsOf } from '../support/curated.ts';
import { fileApp } from '../support/fixtures.ts';

const h = fileApp();

const neighborhood = async (query: string) =>
  (await request(h.app).get(`/api/graph/neighborhood?${query}`).expect(200)).body as GraphResponse;

function checkElements({ elements }: { elements: GraphResponse['elements'] }) {
  const ids = new Set(elements.nodes.map((n) => n.data.id));
  expect(ids.size).toBe(elements.nodes.length);
  for (const edge of elements.edges) {
    expect(ids.has(edge.data.source) && ids.has(edge.data.target)).toBe(true);
  }
}

describe('GET /api/graph/neighborhood', () => {
  it('returns every relationship of a node at depth 1, as Cytoscape elements', async () => {
    const body = await neighborhood('ids=person:li-qiang');
    checkElements(body);
    const expected = relationsOf('person:li-qiang')
      .map((r) => r.id)
      .sort();
    expect(body.elements.edges.map((e) => e.data.id).sort()).toEqual(expected);
    const visit = body.elements.edges.find((e) => e.data.type === 'VISITED' && e.data.target === 'country:RUS');
    expect(visit?.data).toMatchObject({ source: 'person:li-qiang', date: '2024-08-21' });
    expect(visit?.data.quote).toContain('Moscow');
    expect(body.meta).toEqual({ truncated: false, omitted: [] });
  });

  it('when a relation has a context passage, its edge carries it beside the quote', async () => {
    const withContext = relationsOf('person:sergei-lavrov').filter((r) => r.context !== undefined);
    expect(withContext.length).toBeGreaterThan(0);
    const body = await neighborhood('ids=person:sergei-lavrov');
    for (const relation of withContext) {
      const edge = body.elements.edges.find((e) => e.data.id === relation.id);
      expect(edge?.data).toMatchObject({ quote: relation.quote, context: relation.context });
    }
  });

  it('filters by type, neighbour label and date range', async () => {
    const body = await neighborhood(
      'ids=person:li-qiang&types=VISITED,MET_WITH&labels=Country&from=2024-08-21&to=2024-08-21',
    );
    // the Belarus stop is dated only to its month (August 2024), which overlaps 21 August
    expect(body.elements.edges.map((e) => e.data.id).sort()).toEqual([
      'rel:li-qiang-visited-blr-2024-08-22',
      'rel:li-qiang-visited-rus-2024-08-21',
    ]);
    // a period (date..dateEnd) overlapping the range counts: China-Russia trade Jan-Jul 2024
    const trade = await neighborhood('ids=country:CHN&types=TRADES_WITH&from=2024-06-01&to=2024-06-30');
    expect(trade.elements.edges.map((e) => e.data.id)).toEqual(['rel:chn-trades-with-rus-2024-01-01']);
  });

  it('walks deeper hops and includes the nodes reached', async () => {
    const one = await neighborhood('ids=person:roman-golovchenko&depth=1');
    const two = await neighborhood('ids=person:roman-golovchenko&depth=2&limit=2000');
    checkElements(two);
    expect(two.elements.nodes.length).toBeGreaterThan(one.elements.nodes.length);
    // Golovchenko met Li Qiang; at depth 2, Li Qiang's visit to Russia is in
    expect(two.elements.edges.map((e) => e.data.id)).toContain('rel:li-qiang-visited-rus-2024-08-21');
    const hop1 = new Set(one.elements.nodes.map((n) => n.data.id));
    for (const edge of two.elements.edges) expect(hop1.has(edge.data.source) || hop1.has(edge.data.target)).toBe(true);
  });

  it('reports what the limit left out, per node and type', async () => {
    const all = relationsOf('country:RUS');
    const body = await neighborhood('ids=country:RUS&limit=5');
    checkElements(body);
    expect(body.elements.edges).toHaveLength(5);
    expect(body.meta.truncated).toBe(true);
    const omitted = body.meta.omitted.filter((o) => o.nodeId === 'country:RUS');
    expect(omitted.reduce((sum, o) => sum + o.omitted, 0)).toBe(all.length - 5);
    for (const { type, omitted: count } of omitted) {
      const kept = body.elements.edges.filter((e) => e.data.type === type).length;
      expect(count).toBe(all.filter((r) => r.type === type).length - kept);
    }
    // newest first
    const dates = body.elements.edges.map((e) => String(e.data.date));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('refuses bad input with the field named, and unknown ids with 404', async () => {
    const cases: [string, string][] = [
      ['', 'ids'],
      ['ids=country:RUS&depth=4', 'depth'],
      ['ids=country:RUS&depth=0', 'depth'],
      ['ids=country:RUS&types=NOT_A_TYPE', 'types'],
      ['ids=country:RUS&types=VISITED)-[x]-(', 'types'],
      ['ids=country:RUS&labels=Nope', 'labels'],
      ['ids=country:RUS&from=2024-13-01', 'from'],
      ['ids=country:RUS&from=2024-09-01&to=2024-08-01', 'to'],
      ['ids=country:RUS&limit=-1', 'limit'],
    ];
    for (const [query, field] of cases) {
      const res = await request(h.app).get(`/api/graph/neighborhood?${query}`);
      expect(res.status, query).toBe(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field.split('.')[0]),
        query,
      ).toContain(field);
    }
    const res = await request(h.app).get('/api/graph/neighborhood?ids=country:RUS,country:ATL').expect(404);
    expect(res.body.detail).toContain('country:ATL');
  });
});

describe('GET /api/graph/paths', () => {
  const paths = async (query: string) =>
    (await request(h.app).get(`/api/graph/paths?${query}`).expect(200)).body as PathsResponse;

  it('finds a shortest path through the data', async () => {
    const body = await paths('from=person:li-qiang&to=country:UKR');
    checkElements(body);
    expect(body.meta.found).toBe(true);
    expect(body.meta.paths).toHaveLength(1);
    const [path] = body.meta.paths;
    expect(path!.nodes[0]).toBe('person:li-qiang');
    expect(path!.nodes.at(-1)).toBe('country:UKR');
    expect(path!.edges).toHaveLength(body.meta.length!);
    // no curated relation links them directly, so the shortest path has at least two hops
    const direct = curated.relations.some(
      (r) => [r.source, r.target].includes('person:li-qiang') && [r.source, r.target].includes('country:UKR'),
    );
    expect(body.meta.length).toBe(direct ? 1 : 2);
  });

  it('restricts the path to the given types during the search, and lists all shortest paths', async () => {
    // Russia-China are adjacent, but over VISITED and HOLDS_OFFICE only, people link them
    const body = await paths('from=country:RUS&to=country:CHN&types=VISITED,HOLDS_OFFICE&all=true');
    expect(body.meta.found).toBe(true);
    expect(body.meta.length).toBe(2);
    expect(body.meta.paths.length).toBeGreaterThan(1);
    const types = new Set(body.elements.edges.map((e) => e.data.type));
    expect([...types].every((t) => t === 'VISITED' || t === 'HOLDS_OFFICE')).toBe(true);
    const middles = body.meta.paths.map((p) => p.nodes[1]);
    expect(middles).toContain('person:li-qiang');
  });

  it('says found: false when no path is short enough', async () => {
    const body = await paths('from=country:RUS&to=country:CHN&types=VISITED,HOLDS_OFFICE&maxLength=1');
    expect(body.meta).toMatchObject({ found: false, length: null, paths: [] });
    expect(body.elements.nodes.map((n) => n.data.id).sort()).toEqual(['country:CHN', 'country:RUS']);
  });

  it('refuses bad input and unknown nodes', async () => {
    for (const [query, field] of [
      ['to=country:RUS', 'from'],
      ['from=country:RUS&to=country:CHN&maxLength=7', 'maxLength'],
      ['from=country:RUS&to=country:CHN&all=maybe', 'all'],
      ['from=country:RUS&to=country:CHN&types=FOO', 'types'],
    ] as const) {
      const res = await request(h.app).get(`/api/graph/paths?${query}`).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await request(h.app).get('/api/graph/paths?from=country:RUS&to=country:NOPE').expect(404);
  });
});
