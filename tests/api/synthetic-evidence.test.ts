// The date filter, sources and the story between two nodes on the synthetic data set (day
// precision, sources without article files), loaded beside the curated data.
import request from 'supertest';
import type { BetweenResponse, ClaimsResponse, GraphResponse, SourceResponse } from '../../common/api.ts';
import { inDateRange } from '../../common/dates/date-interval.ts';
import { SyntheticGraph, loadSynthetic } from '../../seed/synthetic.ts';
import { beforeAll, describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();
const graph = new SyntheticGraph({ nodes: 300, relationships: 3000, seed: 11 });
const relationships = [...graph.relationshipChunks(1000)].flat();
const touching = (id: string) => relationships.filter((r) => r.source === id || r.target === id);
const hub = 'syn:person:0';
const someDay = String(touching(hub)[0]!.properties.date);

beforeAll(async () => {
  await loadSynthetic(h.store, graph, { batchSize: 1000 });
});

describe('the synthetic data set', () => {
  it.each([
    ['2010-01-01', '2010-12-31'],
    [someDay, someDay],
    ['2020-02-29', '2021-02-28'],
  ])(
    'when a node’s neighbourhood is asked for %s..%s, it holds exactly the relationships dated in it',
    async (from, to) => {
      const id = 'syn:person:0';
      const expected = touching(id)
        .filter((r) => inDateRange(r.properties, { from, to }))
        .map((r) => r.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      const body = (
        await request(h.app).get(`/api/graph/neighborhood?ids=${hub}&from=${from}&to=${to}&limit=2000`).expect(200)
      ).body as GraphResponse;
      expect(body.elements.edges.map((edge) => edge.data.id).sort()).toEqual(expected);
    },
  );

  it('when a synthetic source is read, it has no article text and its claims are the relationships citing it', async () => {
    const id = 'syn:source:0';
    const source = (await request(h.app).get(`/api/sources/${id}`).expect(200)).body as SourceResponse;
    expect(source).toMatchObject({ text: null, quotes: [] });
    expect(source.source.data).toMatchObject({ id, publisher: 'kg-explorer synthetic generator' });
    const citing = relationships
      .filter((r) => (r.properties.sources as string[]).includes(id))
      .sort((x, y) => String(x.properties.date).localeCompare(String(y.properties.date)) || x.id.localeCompare(y.id));
    const claims = (await request(h.app).get(`/api/sources/${id}/claims?limit=50`).expect(200)).body as ClaimsResponse;
    expect(claims.meta).toEqual({ total: citing.length, truncated: true });
    expect(claims.elements.edges.map((edge) => edge.data.id)).toEqual(citing.slice(0, 50).map((r) => r.id));
  });

  it('when two synthetic nodes are linked, the story lists their relationships oldest first', async () => {
    const [a, b] = [relationships[0]!.source, relationships[0]!.target];
    const expected = touching(a)
      .filter((r) => r.source === b || r.target === b)
      .sort((x, y) => String(x.properties.date).localeCompare(String(y.properties.date)) || x.id.localeCompare(y.id));
    const body = (await request(h.app).get(`/api/graph/between?a=${a}&b=${b}`).expect(200)).body as BetweenResponse;
    expect(body.elements.edges.map((edge) => edge.data.id)).toEqual(expected.map((r) => r.id));
    expect(body.sources.map((source) => source.data.id).sort()).toEqual(
      [...new Set(expected.flatMap((r) => r.properties.sources as string[]))].sort(),
    );
  });
});
