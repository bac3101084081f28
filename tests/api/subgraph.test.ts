import request from 'supertest';
import type { SubgraphRequest, SubgraphResponse } from '../../common/api.ts';
import { curated } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

const countries = ['country:RUS', 'country:CHN', 'country:UKR', 'country:BLR', 'country:PRK', 'country:USA'];
const among = (ids: string[]) =>
  curated.relations.filter((relation) => ids.includes(relation.source) && ids.includes(relation.target));
const idsOf = (body: SubgraphResponse) => body.elements.edges.map((edge) => edge.data.id).sort();

async function subgraph(body: SubgraphRequest): Promise<SubgraphResponse> {
  return (await request(h.app).post('/api/graph/subgraph').send(body).expect(200)).body as SubgraphResponse;
}

describe('POST /api/graph/subgraph', () => {
  it('when given node ids, returns every relationship among them', async () => {
    const body = await subgraph({ ids: countries });
    expect(idsOf(body)).toEqual(
      among(countries)
        .map((relation) => relation.id)
        .sort(),
    );
  });

  it('when given node ids, returns the nodes', async () => {
    const body = await subgraph({ ids: countries });
    expect(body.elements.nodes.map((node) => node.data.id).sort()).toEqual([...countries].sort());
  });

  it('when nothing is missing or cut, the meta says so and counts the relationships', async () => {
    const body = await subgraph({ ids: countries });
    expect(body.meta).toEqual({ missing: [], total: among(countries).length, truncated: false });
  });

  it('when some ids are not in the graph, names them and answers for the rest', async () => {
    const body = await subgraph({ ids: ['country:RUS', 'country:ATL', 'country:CHN', 'nowhere:x'] });
    expect(body.meta.missing).toEqual(['country:ATL', 'nowhere:x']);
    expect(idsOf(body)).toEqual(
      among(['country:RUS', 'country:CHN'])
        .map((relation) => relation.id)
        .sort(),
    );
  });

  it('when filtered by type, keeps only those types', async () => {
    const body = await subgraph({ ids: countries, types: ['SANCTIONS'] });
    expect(idsOf(body)).toEqual(
      among(countries)
        .filter((relation) => relation.type === 'SANCTIONS')
        .map((relation) => relation.id)
        .sort(),
    );
    expect(body.elements.edges.length).toBeGreaterThan(0);
  });

  describe('filtered by label', () => {
    const byLabel = () => subgraph({ ids: ['person:li-qiang', 'country:RUS', 'country:CHN'], labels: ['Country'] });

    it('when filtered by label, leaves out the other nodes', async () => {
      expect((await byLabel()).elements.nodes.map((node) => node.data.id).sort()).toEqual([
        'country:CHN',
        'country:RUS',
      ]);
    });

    it("when filtered by label, leaves out the other nodes' relationships", async () => {
      expect(idsOf(await byLabel())).toEqual(
        among(['country:RUS', 'country:CHN'])
          .map((relation) => relation.id)
          .sort(),
      );
    });

    it('when filtered by label, the nodes left out are not reported missing', async () => {
      expect((await byLabel()).meta.missing).toEqual([]);
    });
  });

  it('when filtered by dates, keeps relationships whose date or period overlaps the range', async () => {
    const from = '2024-06-01';
    const to = '2024-06-30';
    const body = await subgraph({ ids: countries, from, to });
    const expected = among(countries).filter(
      (relation) => (relation.dateEnd ?? relation.date) >= from && relation.date <= to,
    );
    expect(idsOf(body)).toEqual(expected.map((relation) => relation.id).sort());
    // China-Russia trade, January to July 2024, overlaps June.
    expect(idsOf(body)).toContain('rel:chn-trades-with-rus-2024-01-01');
  });

  it('when the limit cuts, says so and counts them all', async () => {
    const body = await subgraph({ ids: countries, limit: 3 });
    expect(body.elements.edges).toHaveLength(3);
    expect(body.meta).toMatchObject({ truncated: true, total: among(countries).length });
    // The first by id, so the same cut each time.
    expect(idsOf(body)).toEqual(
      among(countries)
        .map((relation) => relation.id)
        .sort()
        .slice(0, 3),
    );
  });

  it('when the OpenAPI document is read, it describes the route', async () => {
    const document = (await request(h.app).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(document.paths['/api/graph/subgraph']?.post).toBeDefined();
  });

  it.each([
    ['no ids', {}, 'ids'],
    ['an empty ids list', { ids: [] }, 'ids'],
    ['ids not a list', { ids: 'country:RUS' }, 'ids'],
    ['an empty id', { ids: [''] }, 'ids'],
    ['an unknown type', { ids: ['country:RUS'], types: ['NOT_A_TYPE'] }, 'types'],
    ['a type that is not a name', { ids: ['country:RUS'], types: ['VISITED)-[x]-('] }, 'types'],
    ['an unknown label', { ids: ['country:RUS'], labels: ['Nope'] }, 'labels'],
    ['a date that is not one', { ids: ['country:RUS'], from: '2024-13-01' }, 'from'],
    ['a range that ends before it starts', { ids: ['country:RUS'], from: '2024-09-01', to: '2024-08-01' }, 'to'],
    ['a limit of 0', { ids: ['country:RUS'], limit: 0 }, 'limit'],
    ['a limit that is text', { ids: ['country:RUS'], limit: '10' }, 'limit'],
    ['an unknown field', { ids: ['country:RUS'], depth: 2 }, 'depth'],
  ])('when given %s, answers 400 naming the field', async (_, body, field) => {
    const res = await request(h.app).post('/api/graph/subgraph').send(body).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.body as { errors: { field: string }[] }).errors.map((error) => error.field.split('.')[0])).toContain(
      field,
    );
  });

  it('when given more ids than it takes, answers 400', async () => {
    const ids = Array.from({ length: 5001 }, (_, i) => `n:${i}`);
    const res = await request(h.app).post('/api/graph/subgraph').send({ ids }).expect(400);
    expect(res.body.errors[0].field).toBe('ids');
  });
});
