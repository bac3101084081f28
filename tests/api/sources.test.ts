// Sources you can read: GET /api/sources/:id and /api/sources/:id/claims.
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { ClaimsResponse, SourceResponse } from '../../common/api.ts';
import { articlesDir } from '../../server/loader/curated.ts';
import { collapseWhitespace } from '../../server/domain/quote-location.ts';
import { curated } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

const cnn = curated.sources.find((source) => source.id === 'source:cnn-2024-08-21-putin-li-qiang-moscow')!;
const citing = (id: string) => curated.relations.filter((relation) => relation.sources.includes(id));
const byTime = (a: { date: string; id: string }, b: { date: string; id: string }) =>
  a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
const path = (id: string, rest = '') => `/api/sources/${encodeURIComponent(id)}${rest}`;

describe('GET /api/sources/:id', () => {
  it('when the source exists, it returns its metadata and its article’s text as the file holds it', async () => {
    const body = (await request(h.app).get(path(cnn.id)).expect(200)).body as SourceResponse;
    expect(body.source.data).toMatchObject({
      id: cnn.id,
      title: cnn.title,
      publisher: 'CNN',
      published: '2024-08-21',
      file: cnn.file,
    });
    expect(body.source.data.labels).toContain('Source');
    expect(body.text).toBe(readFileSync(`${articlesDir}${cnn.file}`, 'utf8'));
  });

  it.each(curated.sources.map((source) => [source.id]))(
    'when %s is read, every claim quoting it first has a span whose text is its quote',
    async (id) => {
      const body = (await request(h.app).get(path(id)).expect(200)).body as SourceResponse;
      const quotedHere = citing(id).filter((relation) => relation.sources[0] === id);
      expect(quotedHere.length).toBeGreaterThan(0);
      const spans = new Map(body.quotes.map((span) => [span.relationshipId, span]));
      for (const relation of quotedHere) {
        const span = spans.get(relation.id);
        expect(span, relation.id).toBeDefined();
        expect(collapseWhitespace(body.text!.slice(span!.start, span!.end))).toBe(collapseWhitespace(relation.quote));
      }
      const starts = body.quotes.map((span) => span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    },
  );

  it('when a claim cites the source but quotes another, it has a span only if its quote is in this text too', async () => {
    const body = (await request(h.app).get(path(cnn.id)).expect(200)).body as SourceResponse;
    const listed = new Set(body.quotes.map((span) => span.relationshipId));
    for (const relation of citing(cnn.id).filter((r) => r.sources[0] !== cnn.id)) {
      const inText = collapseWhitespace(body.text!).includes(collapseWhitespace(relation.quote));
      expect(listed.has(relation.id), relation.id).toBe(inText);
    }
  });

  it('when a quote spans a line break in the article, its span covers the break', async ({ makeApp }) => {
    const app = await makeApp({
      deps: { readArticle: async () => 'Before.\n\nThe   quoted\nsentence ends here. After.' },
    });
    const [relation] = citing(cnn.id).filter((r) => r.sources[0] === cnn.id);
    await app.store.write(
      { text: 'MATCH ()-[r {id: $id}]->() SET r.quote = $quote' },
      { id: relation!.id, quote: 'The quoted sentence ends here.' },
    );
    const body = (await request(app.app).get(path(cnn.id)).expect(200)).body as SourceResponse;
    const span = body.quotes.find((q) => q.relationshipId === relation!.id)!;
    expect(body.text!.slice(span.start, span.end)).toBe('The   quoted\nsentence ends here.');
  });

  it('when the article file cannot be found, the text is null and there are no spans', async ({ makeApp }) => {
    const app = await makeApp({ deps: { readArticle: async () => undefined } });
    const body = (await request(app.app).get(path(cnn.id)).expect(200)).body as SourceResponse;
    expect(body).toMatchObject({ text: null, quotes: [] });
    expect(body.source.data.id).toBe(cnn.id);
  });

  it('when a source names no file, or a path out of the articles folder, the text is null', async ({ makeApp }) => {
    const app = await makeApp();
    await app.store.write({
      text: "CREATE (:Entity:Source {id: 'source:no-file', title: 'No file'}), (:Entity:Source {id: 'source:escape', title: 'Escape', file: '../data/sources.json'})",
    });
    for (const id of ['source:no-file', 'source:escape']) {
      const body = (await request(app.app).get(path(id)).expect(200)).body as SourceResponse;
      expect(body, id).toMatchObject({ text: null, quotes: [] });
    }
  });

  it('when no source has the id, it answers 404 problem+json naming it', async () => {
    const res = await request(h.app).get(path('source:nobody')).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, title: 'Source not found' });
    expect(res.body.detail).toContain('source:nobody');
  });

  it.each([
    ['country:RUS', 'a node that is not a source'],
    ['../../etc/passwd', 'a path'],
    ['source:', 'an empty name'],
    ['source:a b', 'a space'],
    [`source:${'x'.repeat(300)}`, 'an id over 200 characters'],
  ])('when the id is %j (%s), it answers 400 naming the field', async (id) => {
    const res = await request(h.app).get(path(id)).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['id']);
  });
});

describe('GET /api/sources/:id/claims', () => {
  it('when the source is cited, it returns every relationship citing it, oldest first, with both ends', async () => {
    const body = (await request(h.app).get(path(cnn.id, '/claims')).expect(200)).body as ClaimsResponse;
    const expected = [...citing(cnn.id)].sort(byTime);
    expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.map((relation) => relation.id));
    const ends = new Set(expected.flatMap((relation) => [relation.source, relation.target]));
    expect(new Set(body.elements.nodes.map((node) => node.data.id))).toEqual(ends);
    expect(body.meta).toEqual({ total: expected.length, truncated: false });
    const first = body.elements.edges[0]!.data;
    expect(first).toMatchObject({ date: expected[0]!.date, quote: expected[0]!.quote, summary: expected[0]!.summary });
  });

  it('when the limit is below the number of claims, it keeps the oldest and says how many there are', async () => {
    const expected = [...citing(cnn.id)].sort(byTime);
    const body = (await request(h.app).get(path(cnn.id, '/claims?limit=3')).expect(200)).body as ClaimsResponse;
    expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.slice(0, 3).map((r) => r.id));
    expect(body.meta).toEqual({ total: expected.length, truncated: true });
    const ends = new Set(body.elements.nodes.map((node) => node.data.id));
    for (const edge of body.elements.edges) expect(ends.has(edge.data.source) && ends.has(edge.data.target)).toBe(true);
  });

  it('when a source is cited by nothing, the list is empty', async ({ makeApp }) => {
    const app = await makeApp();
    await app.store.write({ text: "CREATE (:Entity:Source {id: 'source:uncited', title: 'Uncited'})" });
    const body = (await request(app.app).get(path('source:uncited', '/claims')).expect(200)).body as ClaimsResponse;
    expect(body).toEqual({ elements: { nodes: [], edges: [] }, meta: { total: 0, truncated: false } });
  });

  it('when no source has the id, it answers 404', async () => {
    await request(h.app).get(path('source:nobody', '/claims')).expect(404);
  });

  it.each([
    ['/claims?limit=0', 'limit'],
    ['/claims?limit=501', 'limit'],
    ['/claims?limit=many', 'limit'],
    ['/claims?bogus=1', 'bogus'],
  ])('when the query is %s, it answers 400 naming %s', async (rest, field) => {
    const res = await request(h.app).get(path(cnn.id, rest)).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
