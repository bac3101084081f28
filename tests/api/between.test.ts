// Between two nodes, the story: GET /api/graph/between.
import request from 'supertest';
import type { BetweenResponse } from '../../common/api.ts';
import { inDateRange } from '../../common/dates/date-interval.ts';
import { curated } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

const between = (a: string, b: string) =>
  curated.relations
    .filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a))
    .sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id));

const story = async (query: string) =>
  (await request(h.app).get(`/api/graph/between?${query}`).expect(200)).body as BetweenResponse;

describe('GET /api/graph/between', () => {
  it('when two nodes are linked both ways, it lists every relationship between them in time order', async () => {
    const expected = between('country:RUS', 'country:CHN');
    expect(new Set(expected.map((r) => r.source)).size).toBe(2);
    const body = await story('a=country:RUS&b=country:CHN');
    expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.map((r) => r.id));
    expect(body.elements.nodes.map((node) => node.data.id)).toEqual(['country:RUS', 'country:CHN']);
    expect(body.meta).toEqual({ total: expected.length, truncated: false });
  });

  it('when the nodes are given the other way round, the story is the same', async () => {
    const forward = await story('a=country:RUS&b=country:CHN');
    const backward = await story('a=country:CHN&b=country:RUS');
    expect(backward.elements.edges).toEqual(forward.elements.edges);
  });

  it('when a relationship is listed, it carries its date, precision, type, summary, quote and sources', async () => {
    const body = await story('a=country:CHN&b=country:RUS');
    const trade = curated.relations.find((r) => r.id === 'rel:chn-trades-with-rus-2024-01-01')!;
    expect(body.elements.edges.find((edge) => edge.data.id === trade.id)!.data).toMatchObject({
      type: 'TRADES_WITH',
      date: '2024-01-01',
      dateEnd: '2024-07-31',
      datePrecision: 'month',
      summary: trade.summary,
      quote: trade.quote,
      sources: trade.sources,
    });
  });

  it('when the relationships cite sources, those Source nodes come with them, each once', async () => {
    const expected = new Set(between('country:RUS', 'country:CHN').flatMap((r) => r.sources));
    const body = await story('a=country:RUS&b=country:CHN');
    const ids = body.sources.map((source) => source.data.id);
    expect(new Set(ids)).toEqual(expected);
    expect(ids).toHaveLength(expected.size);
    const cnn = body.sources.find((source) => source.data.id === 'source:cnn-2024-08-21-putin-li-qiang-moscow');
    expect(cnn?.data).toMatchObject({ publisher: 'CNN', published: '2024-08-21' });
  });

  it('when types and a date range are given, only relationships passing both are listed', async () => {
    const from = '2024-07-31';
    const to = '2024-08-31';
    const expected = between('country:RUS', 'country:CHN').filter(
      (r) => ['TRADES_WITH', 'SUPPLIES'].includes(r.type) && inDateRange(r, { from, to }),
    );
    expect(expected.map((r) => r.id)).toContain('rel:chn-trades-with-rus-2024-01-01');
    const body = await story(`a=country:RUS&b=country:CHN&types=TRADES_WITH,SUPPLIES&from=${from}&to=${to}`);
    expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.map((r) => r.id));
  });

  it('when the limit is below the number of relationships, it keeps the oldest and says how many there are', async () => {
    const expected = between('country:RUS', 'country:CHN');
    const body = await story('a=country:RUS&b=country:CHN&limit=2');
    expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.slice(0, 2).map((r) => r.id));
    expect(body.meta).toEqual({ total: expected.length, truncated: true });
    const cited = new Set(expected.slice(0, 2).flatMap((r) => r.sources));
    expect(new Set(body.sources.map((source) => source.data.id))).toEqual(cited);
  });

  it('when two nodes share no relationship, the list is empty and both nodes are there', async () => {
    expect(between('person:li-qiang', 'country:UKR')).toEqual([]);
    const body = await story('a=person:li-qiang&b=country:UKR');
    expect(body).toMatchObject({ elements: { edges: [] }, sources: [], meta: { total: 0, truncated: false } });
    expect(body.elements.nodes.map((node) => node.data.id)).toEqual(['person:li-qiang', 'country:UKR']);
  });

  it.each([
    ['b=country:CHN', 'a'],
    ['a=country:RUS', 'b'],
    ['a=country:RUS&b=country:RUS', 'b'],
    ['a=country:RUS&b=country:CHN&types=NOT_A_TYPE', 'types'],
    ['a=country:RUS&b=country:CHN&from=2024-02-30', 'from'],
    ['a=country:RUS&b=country:CHN&from=2024-09-01&to=2024-08-01', 'to'],
    ['a=country:RUS&b=country:CHN&limit=0', 'limit'],
    ['a=country:RUS&b=country:CHN&depth=2', 'depth'],
  ])('when the query is %s, it answers 400 naming %s', async (query, field) => {
    const res = await request(h.app).get(`/api/graph/between?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('when a node is unknown, it answers 404 naming it', async () => {
    const res = await request(h.app).get('/api/graph/between?a=country:RUS&b=country:ATL').expect(404);
    expect(res.body.detail).toContain('country:ATL');
  });
});
