import request from 'supertest';
import type { GraphResponse, PathsResponse } from '../../common/api.ts';
import { curated, relationsOf } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

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
  it('when a node is asked for at depth 1, the answer is Cytoscape elements whose edges join listed nodes', async () => {
    checkElements(await neighborhood('ids=person:li-qiang'));
  });

  it('when a node is asked for at depth 1, every relationship of it comes', async () => {
    const body = await neighborhood('ids=person:li-qiang');
    const expected = relationsOf('person:li-qiang')
      .map((r) => r.id)
      .sort();
    expect(body.elements.edges.map((e) => e.data.id).sort()).toEqual(expected);
  });

  it('when a relationship comes, its edge carries its ends, date and quote', async () => {
    const body = await neighborhood('ids=person:li-qiang');
    const visit = body.elements.edges.find((e) => e.data.type === 'VISITED' && e.data.target === 'country:RUS');
    expect(visit?.data).toMatchObject({ source: 'person:li-qiang', date: '2024-08-21' });
    expect(visit?.data.quote).toContain('Moscow');
  });

  it('when the limit is not reached, the meta says nothing was left out', async () => {
    expect((await neighborhood('ids=person:li-qiang')).meta).toEqual({ truncated: false, omitted: [] });
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

  it('when filtered by type, neighbour label and a day, a month-precise date overlapping the day counts', async () => {
    const body = await neighborhood(
      'ids=person:li-qiang&types=VISITED,MET_WITH&labels=Country&from=2024-08-21&to=2024-08-21',
    );
    // the Belarus stop is dated only to its month (August 2024), which overlaps 21 August
    expect(body.elements.edges.map((e) => e.data.id).sort()).toEqual([
      'rel:li-qiang-visited-blr-2024-08-22',
      'rel:li-qiang-visited-rus-2024-08-21',
    ]);
  });

  it('when a period (date..dateEnd) overlaps the date range, it counts', async () => {
    // China-Russia trade Jan-Jul 2024
    const trade = await neighborhood('ids=country:CHN&types=TRADES_WITH&from=2024-06-01&to=2024-06-30');
    expect(trade.elements.edges.map((e) => e.data.id)).toEqual(['rel:chn-trades-with-rus-2024-01-01']);
  });

  describe('at depth 2', () => {
    const depths = async () => ({
      one: await neighborhood('ids=person:roman-golovchenko&depth=1'),
      two: await neighborhood('ids=person:roman-golovchenko&depth=2&limit=2000'),
    });

    it('when walked, the answer is elements whose edges join listed nodes', async () => {
      checkElements((await depths()).two);
    });

    it('when walked, more nodes are reached than at depth 1', async () => {
      const { one, two } = await depths();
      expect(two.elements.nodes.length).toBeGreaterThan(one.elements.nodes.length);
    });

    it("when walked, a neighbour's own relationships come", async () => {
      // Golovchenko met Li Qiang; at depth 2, Li Qiang's visit to Russia is in
      const { two } = await depths();
      expect(two.elements.edges.map((e) => e.data.id)).toContain('rel:li-qiang-visited-rus-2024-08-21');
    });

    it('when walked, every edge touches a node of the first hop', async () => {
      const { one, two } = await depths();
      const hop1 = new Set(one.elements.nodes.map((n) => n.data.id));
      for (const edge of two.elements.edges)
        expect(hop1.has(edge.data.source) || hop1.has(edge.data.target)).toBe(true);
    });
  });

  describe('past the limit', () => {
    const all = relationsOf('country:RUS');
    const limited = () => neighborhood('ids=country:RUS&limit=5');

    it('when cut, the answer is elements whose edges join listed nodes', async () => {
      checkElements(await limited());
    });

    it('when cut, as many relationships come as the limit allows and the meta says truncated', async () => {
      const body = await limited();
      expect(body.elements.edges).toHaveLength(5);
      expect(body.meta.truncated).toBe(true);
    });

    it('when cut, the omitted counts add up to what was left out', async () => {
      const omitted = (await limited()).meta.omitted.filter((o) => o.nodeId === 'country:RUS');
      expect(omitted.reduce((sum, o) => sum + o.omitted, 0)).toBe(all.length - 5);
    });

    it('when cut, the omitted count of each type is what that type left out', async () => {
      const body = await limited();
      for (const { type, omitted: count } of body.meta.omitted.filter((o) => o.nodeId === 'country:RUS')) {
        const kept = body.elements.edges.filter((e) => e.data.type === type).length;
        expect(count).toBe(all.filter((r) => r.type === type).length - kept);
      }
    });

    it('when cut, the newest relationships are kept first', async () => {
      const dates = (await limited()).elements.edges.map((e) => String(e.data.date));
      expect(dates).toEqual([...dates].sort().reverse());
    });
  });

  it.each([
    ['', 'ids'],
    ['ids=country:RUS&depth=4', 'depth'],
    ['ids=country:RUS&depth=0', 'depth'],
    ['ids=country:RUS&types=NOT_A_TYPE', 'types'],
    ['ids=country:RUS&types=VISITED)-[x]-(', 'types'],
    ['ids=country:RUS&labels=Nope', 'labels'],
    ['ids=country:RUS&from=2024-13-01', 'from'],
    ['ids=country:RUS&from=2024-09-01&to=2024-08-01', 'to'],
    ['ids=country:RUS&limit=-1', 'limit'],
  ])('when the query string is "%s", the answer is 400 naming %s', async (query, field) => {
    const res = await request(h.app).get(`/api/graph/neighborhood?${query}`);
    expect(res.status, query).toBe(400);
    expect(
      res.body.errors.map((e: { field: string }) => e.field.split('.')[0]),
      query,
    ).toContain(field);
  });

  it('when an id is unknown, the answer is 404 naming it', async () => {
    const res = await request(h.app).get('/api/graph/neighborhood?ids=country:RUS,country:ATL').expect(404);
    expect(res.body.detail).toContain('country:ATL');
  });
});

describe('GET /api/graph/paths', () => {
  const paths = async (query: string) =>
    (await request(h.app).get(`/api/graph/paths?${query}`).expect(200)).body as PathsResponse;

  const liToUkraine = () => paths('from=person:li-qiang&to=country:UKR');

  it('when a path exists, the answer is elements whose edges join listed nodes', async () => {
    checkElements(await liToUkraine());
  });

  it('when a path exists, one path is found from one end to the other', async () => {
    const body = await liToUkraine();
    expect(body.meta.found).toBe(true);
    expect(body.meta.paths).toHaveLength(1);
    const [path] = body.meta.paths;
    expect(path!.nodes[0]).toBe('person:li-qiang');
    expect(path!.nodes.at(-1)).toBe('country:UKR');
    expect(path!.edges).toHaveLength(body.meta.length!);
  });

  it('when a path exists, it is a shortest one', async () => {
    const body = await liToUkraine();
    // no curated relation links them directly, so the shortest path has at least two hops
    const direct = curated.relations.some(
      (r) => [r.source, r.target].includes('person:li-qiang') && [r.source, r.target].includes('country:UKR'),
    );
    expect(body.meta.length).toBe(direct ? 1 : 2);
  });

  // Russia-China are adjacent, but over VISITED and HOLDS_OFFICE only, people link them
  const viaPeople = () => paths('from=country:RUS&to=country:CHN&types=VISITED,HOLDS_OFFICE&all=true');

  it('when types are given, the search goes only over them and finds a longer path', async () => {
    const body = await viaPeople();
    expect(body.meta.found).toBe(true);
    expect(body.meta.length).toBe(2);
    const types = new Set(body.elements.edges.map((e) => e.data.type));
    expect([...types].every((t) => t === 'VISITED' || t === 'HOLDS_OFFICE')).toBe(true);
  });

  it('when all=true, every shortest path is listed', async () => {
    const body = await viaPeople();
    expect(body.meta.paths.length).toBeGreaterThan(1);
    expect(body.meta.paths.map((p) => p.nodes[1])).toContain('person:li-qiang');
  });

  const tooShort = () => paths('from=country:RUS&to=country:CHN&types=VISITED,HOLDS_OFFICE&maxLength=1');

  it('when no path is short enough, the meta says found: false', async () => {
    expect((await tooShort()).meta).toMatchObject({ found: false, length: null, paths: [] });
  });

  it('when no path is short enough, the two ends still come as nodes', async () => {
    expect((await tooShort()).elements.nodes.map((n) => n.data.id).sort()).toEqual(['country:CHN', 'country:RUS']);
  });

  it.each([
    ['to=country:RUS', 'from'],
    ['from=country:RUS&to=country:CHN&maxLength=7', 'maxLength'],
    ['from=country:RUS&to=country:CHN&all=maybe', 'all'],
    ['from=country:RUS&to=country:CHN&types=FOO', 'types'],
  ])('when the query string is "%s", the answer is 400 naming %s', async (query, field) => {
    const res = await request(h.app).get(`/api/graph/paths?${query}`).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when an end is unknown, the answer is 404', async () => {
    await request(h.app).get('/api/graph/paths?from=country:RUS&to=country:NOPE').expect(404);
  });
});
