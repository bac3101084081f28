import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { HealthResponse, NodeResponse, SchemaResponse, SearchResponse } from '../../common/api.ts';
import { curated, relationsOf } from '../support/curated.ts';
import { fileApp } from '../support/fixtures.ts';

const h = fileApp();

describe('GET /api/health', () => {
  it('reports the store and the counts of the seed data', async () => {
    const res = await request(h.app).get('/api/health').expect(200);
    const body = res.body as HealthResponse;
    expect(body.status).toBe('ok');
    expect(body.store).toBe('embedded');
    // one node per entity and per source article
    expect(body.counts).toEqual({
      nodes: curated.entities.length + curated.sources.length,
      relationships: curated.relations.length,
    });
  });
});

describe('GET /api/schema', () => {
  it('lists labels and relationship types with their counts, and property keys', async () => {
    const body = (await request(h.app).get('/api/schema').expect(200)).body as SchemaResponse;
    const visited = curated.relations.filter((r) => r.type === 'VISITED').length;
    expect(body.relationshipTypes).toContainEqual({ type: 'VISITED', count: visited });
    expect(body.relationshipTypes.reduce((sum, t) => sum + t.count, 0)).toBe(curated.relations.length);
    const countries = curated.entities.filter((e) => e.label === 'Country').length;
    expect(body.labels).toContainEqual({ label: 'Country', count: countries });
    expect(body.labels).toContainEqual({ label: 'Source', count: curated.sources.length });
    expect(body.propertyKeys).toEqual(expect.arrayContaining(['id', 'name', 'date', 'quote', 'sources']));
  });
});

describe('GET /api/search', () => {
  const hits = async (query: string) =>
    ((await request(h.app).get(`/api/search?${query}`).expect(200)).body as SearchResponse).hits;

  it('finds Li Qiang by name, case- and accent-insensitively', async () => {
    for (const q of ['Li Qiang', 'li qiang', 'LÍ QIÁNG']) {
      const [first] = await hits(`q=${encodeURIComponent(q)}`);
      expect(first).toMatchObject({ id: 'person:li-qiang', label: 'Li Qiang', rank: 0, match: 'exact' });
    }
  });

  it('ranks exact before prefix before substring', async () => {
    const found = await hits('q=russia');
    expect(found[0]).toMatchObject({ id: 'country:RUS', match: 'exact' });
    const ranks = found.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(found.some((hit) => hit.match === 'substring')).toBe(true); // e.g. Carnegie Russia Eurasia Center
    const prefix = await hits('q=vlad');
    expect(prefix[0]).toMatchObject({ id: 'person:vladimir-putin', match: 'prefix' });
  });

  it('matches aliases and ids, and filters by label', async () => {
    expect((await hits('q=kremlin')).map((hit) => hit.id)).toContain('country:RUS');
    expect((await hits('q=country%3Aukr'))[0]).toMatchObject({ id: 'country:UKR', match: 'exact' });
    const people = await hits('q=li&labels=Person');
    expect(people.length).toBeGreaterThan(0);
    expect(people.every((hit) => hit.labels.includes('Person'))).toBe(true);
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

  it('refuses a missing q, a bad limit and an unknown label, naming the field', async () => {
    for (const [query, field] of [
      ['', 'q'],
      ['q=x&limit=0', 'limit'],
      ['q=x&limit=abc', 'limit'],
      ['q=x&labels=Nope', 'labels'],
      ['q=x&bogus=1', 'bogus'],
    ] as const) {
      const res = await request(h.app).get(`/api/search?${query}`).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns the node, its properties and its degree per type and direction', async () => {
    const body = (
      await request(h.app)
        .get(`/api/nodes/${encodeURIComponent('person:li-qiang')}`)
        .expect(200)
    ).body as NodeResponse;
    expect(body.node.data).toMatchObject({ id: 'person:li-qiang', label: 'Li Qiang', name: 'Li Qiang' });
    expect(body.node.data.labels).toContain('Person');
    for (const derived of ['searchName', 'searchText', 'searchPrefixes'])
      expect(body.node.data).not.toHaveProperty(derived);
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
