import request from 'supertest';
import type { HealthResponse, NodeResponse, SchemaResponse, SearchResponse } from '../../common/api.ts';
import { curated, relationsOf } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

describe('GET /api/health', () => {
  const health = async () => (await request(h.app).get('/api/health').expect(200)).body as HealthResponse;

  it('when the store is up, the status is ok', async () => {
    expect((await health()).status).toBe('ok');
  });

  it('when the store is the embedded one, it says so', async () => {
    expect((await health()).store).toBe('embedded');
  });

  it('when the curated data is seeded, the counts are one node per entity and source, one relationship per relation', async () => {
    expect((await health()).counts).toEqual({
      nodes: curated.entities.length + curated.sources.length,
      relationships: curated.relations.length,
    });
  });
});

describe('GET /api/schema', () => {
  const schema = async () => (await request(h.app).get('/api/schema').expect(200)).body as SchemaResponse;

  it('when asked, each relationship type comes with its count', async () => {
    const visited = curated.relations.filter((r) => r.type === 'VISITED').length;
    expect((await schema()).relationshipTypes).toContainEqual({ type: 'VISITED', count: visited });
  });

  it('when the type counts are summed, they make every relationship', async () => {
    const { relationshipTypes } = await schema();
    expect(relationshipTypes.reduce((sum, t) => sum + t.count, 0)).toBe(curated.relations.length);
  });

  it.each([
    ['Country', curated.entities.filter((e) => e.label === 'Country').length],
    ['Source', curated.sources.length],
  ])('when asked, the label %s comes with its count %i', async (label, count) => {
    expect((await schema()).labels).toContainEqual({ label, count });
  });

  it('when asked, the property keys are listed', async () => {
    expect((await schema()).propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'date', 'quote', 'sources']));
  });
});

describe('GET /api/search', () => {
  const hits = async (query: string) =>
    ((await request(h.app).get(`/api/search?${query}`).expect(200)).body as SearchResponse).hits;

  it.each(['Li Qiang', 'li qiang', 'LÍ QIÁNG'])('when searching "%s", Li Qiang is the first, exact hit', async (q) => {
    const [first] = await hits(`q=${encodeURIComponent(q)}`);
    expect(first).toMatchObject({ id: 'person:li-qiang', label: 'Li Qiang', rank: 0, match: 'exact' });
  });

  it('when a name matches exactly, it comes first', async () => {
    expect((await hits('q=russia'))[0]).toMatchObject({ id: 'country:RUS', match: 'exact' });
  });

  it('when hits match in several ways, they come in rank order', async () => {
    const ranks = (await hits('q=russia')).map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('when a name holds the query inside it, it is a substring hit', async () => {
    // e.g. Carnegie Russia Eurasia Center
    expect((await hits('q=russia')).some((hit) => hit.match === 'substring')).toBe(true);
  });

  it('when a name starts with the query, it is a prefix hit', async () => {
    expect((await hits('q=vlad'))[0]).toMatchObject({ id: 'person:vladimir-putin', match: 'prefix' });
  });

  it('when the query is an alias, the node is found', async () => {
    expect((await hits('q=kremlin')).map((hit) => hit.id)).toContain('country:RUS');
  });

  it('when the query is an id in another case, it is an exact hit', async () => {
    expect((await hits('q=country%3Aukr'))[0]).toMatchObject({ id: 'country:UKR', match: 'exact' });
  });

  it('when filtered by label, every hit has the label', async () => {
    const people = await hits('q=li&labels=Person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((hit) => hit.labels.includes('Person'))).toBe(true);
  });

  it('when a limit is given, no more hits come', async () => {
    expect(await hits('q=li&limit=2')).toHaveLength(2);
  });

  it.each([
    ['Mr Xi', 'person:xi-jinping'],
    ['the West', 'org:the-west'],
    ['Western countries', 'org:the-west'],
    ['Chinese', 'country:CHN'],
  ])('when searching "%s", the way the articles name it, finds %s', async (q, id) => {
    const found = await hits(`q=${encodeURIComponent(q)}`);
    expect(found.map((hit) => hit.id)).toContain(id);
  });

  it.each([
    ['', 'q'],
    ['q=x&limit=0', 'limit'],
    ['q=x&limit=abc', 'limit'],
    ['q=x&labels=Nope', 'labels'],
    ['q=x&bogus=1', 'bogus'],
  ])('when the query string is "%s", the answer is 400 problem+json naming %s', async (query, field) => {
    const res = await request(h.app).get(`/api/search?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('GET /api/nodes/:id', () => {
  const liQiang = async () =>
    (
      await request(h.app)
        .get(`/api/nodes/${encodeURIComponent('person:li-qiang')}`)
        .expect(200)
    ).body as NodeResponse;

  it('when a node is asked for, it comes with its id, label, properties and labels', async () => {
    const body = await liQiang();
    expect(body.node.data).toMatchObject({ id: 'person:li-qiang', label: 'Li Qiang', name: 'Li Qiang' });
    expect(body.node.data.labels).toContain('Person');
  });

  it.each(['searchName', 'searchText', 'searchPrefixes'])(
    'when a node is asked for, the derived search property %s is left out',
    async (derived) => {
      expect((await liQiang()).node.data).not.toHaveProperty(derived);
    },
  );

  it('when a node is asked for, its degree comes per type and direction', async () => {
    const body = await liQiang();
    const relations = relationsOf('person:li-qiang');
    const expected = new Map<string, number>();
    for (const r of relations) {
      const key = `${r.type}/${r.source === 'person:li-qiang' ? 'out' : 'in'}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const actual = new Map(body.degree.map((d) => [`${d.type}/${d.direction}`, d.count]));
    expect(actual).toEqual(expected);
    expect(actual.get('VISITED/out')).toBe(2); // Russia and Belarus, Aug 2024
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const res = await request(h.app).get('/api/nodes/person%3Anobody').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Node not found' });
    expect(res.body.detail).toContain('person:nobody');
  });
});
