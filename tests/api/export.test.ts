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
  const json = async () => JSON.parse((await download('json')).text) as GraphJson;

  it('when json is asked for, the file holds the nodes asked for', async () => {
    expect((await json()).nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
  });

  it('when json is asked for, the file holds every relationship among the nodes', async () => {
    expect((await json()).relationships.map((r) => r.id).sort()).toEqual(expectedEdges.map((r) => r.id).sort());
  });

  it('when json is asked for, a relationship keeps its type, ends and properties', async () => {
    expect((await json()).relationships.find((r) => r.id === visit.id)).toMatchObject({
      type: 'VISITED',
      source: center,
      target: 'country:RUS',
      properties: { date: '2024-08-21', quote: visit.quote },
    });
  });

  const cyjs = async () => JSON.parse((await download('cyjs')).text);
  const loaded = async () => cytoscape({ headless: true, elements: (await cyjs()).elements });

  it('when cyjs is asked for, the file says its format version', async () => {
    expect((await cyjs()).format_version).toBe('1.0');
  });

  it('when a cyjs file is loaded into headless cytoscape, it holds every node and relationship', async () => {
    const cy = await loaded();
    expect(cy.nodes().length).toBe(ids.length);
    expect(cy.edges().length).toBe(expectedEdges.length);
  });

  it('when a cyjs file is loaded into headless cytoscape, an edge joins its ends with its data', async () => {
    const cy = await loaded();
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

  const csv = async () => {
    const zip = await JSZip.loadAsync((await download('csv', true)).body as Buffer);
    const options = { columns: true, bom: true } as const;
    const nodes = parse(await zip.file('nodes.csv')!.async('string'), options) as Record<string, string>[];
    const relationships = parse(await zip.file('relationships.csv')!.async('string'), options) as Record<
      string,
      string
    >[];
    return { nodes, relationships };
  };

  it('when csv is asked for, nodes.csv holds the nodes asked for', async () => {
    expect((await csv()).nodes.map((n) => n.Id).sort()).toEqual([...ids].sort());
  });

  it('when csv is asked for, relationships.csv holds every relationship among them', async () => {
    expect((await csv()).relationships).toHaveLength(expectedEdges.length);
  });

  it('when csv is asked for, a relationship row has its type as Kind, its ends and properties', async () => {
    const { relationships } = await csv();
    expect(relationships.find((r) => r.Id === visit.id)).toMatchObject({
      Kind: 'VISITED',
      Source: center,
      Target: 'country:RUS',
      date: '2024-08-21',
      quote: visit.quote,
    });
  });

  it('when csv is asked for, a node row lists its labels', async () => {
    const { nodes } = await csv();
    expect(nodes.find((n) => n.Id === center)?.Labels?.split(';')).toContain('Person');
  });

  it('when the export is a GET with query parameters, it holds the same subgraph', async () => {
    const res = await request(h.app)
      .get(`/api/export?format=json&ids=${encodeURIComponent(ids.join(','))}`)
      .expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename="?kg-export-.*\.json"?$/);
    expect((JSON.parse(res.text) as GraphJson).relationships).toHaveLength(expectedEdges.length);
  });

  describe('of a query', () => {
    const h = fileApp({ console: 'workers', limits: { timeoutMs: 3000, maxRows: 100 } });
    const visitsToRussia = () =>
      request(h.app)
        .post('/api/export')
        .send({
          format: 'json',
          query: 'MATCH (p:Person)-[v:VISITED]->(c {id: $id}) RETURN v',
          params: { id: 'country:RUS' },
        })
        .expect(200);

    it('when a read-only query is exported, the answer says whether its rows were capped', async () => {
      expect((await visitsToRussia()).headers['x-rows-capped']).toBe('false');
    });

    it('when a read-only query is exported, the file holds the relationships it returned', async () => {
      const body = JSON.parse((await visitsToRussia()).text) as GraphJson;
      const visits = curated.relations.filter((r) => r.type === 'VISITED' && r.target === 'country:RUS');
      expect(body.relationships.map((r) => r.id).sort()).toEqual(visits.map((r) => r.id).sort());
    });

    it("when a read-only query is exported, the file holds its relationships' ends", async () => {
      const body = JSON.parse((await visitsToRussia()).text) as GraphJson;
      expect(body.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([center, 'country:RUS']));
    });

    it('when a writing query is exported, the answer is 403', async () => {
      await request(h.app).post('/api/export').send({ format: 'json', query: 'MATCH (n) DETACH DELETE n' }).expect(403);
    });
  });

  it.each([
    [{ ids }, 'format'],
    [{ format: 'pdf', ids }, 'format'],
    [{ format: 'json' }, 'ids'],
    [{ format: 'json', ids, query: 'RETURN 1' }, 'ids'],
    [{ format: 'json', ids: [] }, 'ids'],
    [{ format: 'json', ids, params: {} }, 'params'],
    [{ format: 'json', ids, includeSources: 'yes' }, 'includeSources'],
  ] as [object, string][])('when the body is %j, the answer is 400 naming %s', async (body, field) => {
    const res = await request(h.app).post('/api/export').send(body).expect(400);
    expect(
      res.body.errors.map((e: { field: string }) => e.field),
      JSON.stringify(body),
    ).toContain(field);
  });

  it.each(['format=json', 'format=json&ids=country:RUS&includeSources=maybe'])(
    'when a GET export has the query string "%s", the answer is 400',
    async (query) => {
      await request(h.app).get(`/api/export?${query}`).expect(400);
    },
  );

  it('when an id is unknown, the answer is 404 naming it', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', ids: ['country:RUS', 'country:XXX'] })
      .expect(404);
    expect(res.body.detail).toContain('country:XXX');
  });
});
