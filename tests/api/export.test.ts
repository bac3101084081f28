import { parse } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import JSZip from 'jszip';
import request from 'supertest';
import type { GraphJson } from '../../common/api.ts';
import { curated, relationsOf } from '../support/curated.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp();

// Li Qiang and everyone he is linked to; expected edges are the curated relations among them.
const center = 'person:li-qiang';
const ids = [...new Set([center, ...relationsOf(center).flatMap((r) => [r.source, r.target])])];
const expectedEdges = curated.relations.filter((r) => ids.includes(r.source) && ids.includes(r.target));
const visit = curated.relations.find((r) => r.id === 'rel:li-qiang-visited-rus-2024-08-21')!;

async function download(format: string, binary = false) {
  const req = request(h.app).post('/api/export').send({ format, ids });
  if (binary)
    req.buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  const res = await req.expect(200);
  expect(res.headers['content-disposition']).toMatch(
    new RegExp(`^attachment; filename="?kg-export-[0-9-]+\\.${format === 'csv' ? 'zip' : format}"?$`),
  );
  return res;
}

describe('export', () => {
  it('json: the nodes and every relationship among them', async () => {
    const body = JSON.parse((await download('json')).text) as GraphJson;
    expect(body.nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(body.relationships.map((r) => r.id).sort()).toEqual(expectedEdges.map((r) => r.id).sort());
    expect(body.relationships.find((r) => r.id === visit.id)).toMatchObject({
      type: 'VISITED',
      source: center,
      target: 'country:RUS',
      properties: { date: '2024-08-21', quote: visit.quote },
    });
  });

  it('cyjs: loads into headless cytoscape', async () => {
    const document = JSON.parse((await download('cyjs')).text);
    expect(document.format_version).toBe('1.0');
    const cy = cytoscape({ headless: true, elements: document.elements });
    expect(cy.nodes().length).toBe(ids.length);
    expect(cy.edges().length).toBe(expectedEdges.length);
    const edge = cy.getElementById(visit.id);
    expect(edge.data('type')).toBe('VISITED');
    expect(edge.source().id()).toBe(center);
    expect(edge.target().data('name')).toBe('Russia');
  });

  it.each([
    ['cyjs', 'cyjs', 'application/json'],
    ['json', 'json', 'application/json'],
    ['csv', 'zip', 'application/zip'],
    ['neo4j-csv', 'zip', 'application/zip'],
    ['graphml', 'graphml', 'application/graphml+xml'],
    ['graphml-yed', 'graphml', 'application/graphml+xml'],
    ['gexf', 'gexf', 'application/gexf+xml'],
    ['cypher', 'cypher', 'application/x-cypher-query'],
  ])('when asked for %s, it answers a .%s attachment of type %s', async (format, extension, type) => {
    const res = await request(h.app).post('/api/export').send({ format, ids }).expect(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="?kg-export-[0-9-]+\\.${extension}"?$`),
    );
  });

  it('csv: every relationship among the nodes, with its type as Kind', async () => {
    const zip = await JSZip.loadAsync((await download('csv', true)).body as Buffer);
    const options = { columns: true, bom: true } as const;
    const nodes = parse(await zip.file('nodes.csv')!.async('string'), options) as Record<string, string>[];
    const relationships = parse(await zip.file('relationships.csv')!.async('string'), options) as Record<
      string,
      string
    >[];
    expect(nodes.map((n) => n.Id).sort()).toEqual([...ids].sort());
    expect(relationships).toHaveLength(expectedEdges.length);
    expect(relationships.find((r) => r.Id === visit.id)).toMatchObject({
      Kind: 'VISITED',
      Source: center,
      Target: 'country:RUS',
      date: '2024-08-21',
      quote: visit.quote,
    });
    expect(nodes.find((n) => n.Id === center)?.Labels?.split(';')).toContain('Person');
  });

  it('GET with query parameters exports the same subgraph', async () => {
    const res = await request(h.app)
      .get(`/api/export?format=json&ids=${encodeURIComponent(ids.join(','))}`)
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename="?kg-export-.*\.json"?$/);
    expect((JSON.parse(res.text) as GraphJson).relationships).toHaveLength(expectedEdges.length);
  });

  it('exports the result of a read-only query', async ({ makeApp }) => {
    const file = await makeApp({ console: 'workers', limits: { timeoutMs: 3000, maxRows: 100 } });
    const res = await request(file.app)
      .post('/api/export')
      .send({
        format: 'json',
        query: 'MATCH (p:Person)-[v:VISITED]->(c {id: $id}) RETURN v',
        params: { id: 'country:RUS' },
      })
      .expect(200);
    expect(res.headers['x-rows-capped']).toBe('false');
    const body = JSON.parse(res.text) as GraphJson;
    const visits = curated.relations.filter((r) => r.type === 'VISITED' && r.target === 'country:RUS');
    expect(body.relationships.map((r) => r.id).sort()).toEqual(visits.map((r) => r.id).sort());
    expect(body.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([center, 'country:RUS']));
    await request(file.app)
      .post('/api/export')
      .send({ format: 'json', query: 'MATCH (n) DETACH DELETE n' })
      .expect(403);
  });

  it('refuses bad requests and unknown ids', async () => {
    const cases: [object, string][] = [
      [{ ids }, 'format'],
      [{ format: 'pdf', ids }, 'format'],
      [{ format: 'json' }, 'ids'],
      [{ format: 'json', ids, query: 'RETURN 1' }, 'ids'],
      [{ format: 'json', ids: [] }, 'ids'],
      [{ format: 'json', ids, params: {} }, 'params'],
      [{ format: 'json', ids, includeSources: 'yes' }, 'includeSources'],
    ];
    for (const [body, field] of cases) {
      const res = await request(h.app).post('/api/export').send(body).expect(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    await request(h.app).get('/api/export?format=json').expect(400);
    await request(h.app).get('/api/export?format=json&ids=country:RUS&includeSources=maybe').expect(400);
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', ids: ['country:RUS', 'country:XXX'] })
      .expect(404);
    expect(res.body.detail).toContain('country:XXX');
  });
});
