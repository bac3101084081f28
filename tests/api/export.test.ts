import cytoscape from 'cytoscape';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import request from 'supertest';
import type { GraphJson } from '../../common/api.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { GraphNode, GraphRelationship } from '../../server/store/graph-values.ts';
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

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['key', 'node', 'edge', 'data', 'attribute', 'attvalue'].includes(name),
});

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

  it('graphml: typed keys, every node and edge, values readable', async () => {
    const doc = xml.parse((await download('graphml')).text);
    const keys = doc.graphml.key as { id: string; for: string; 'attr.name': string; 'attr.type': string }[];
    const keyName = new Map(keys.map((k) => [k.id, k['attr.name']]));
    expect(keys.every((k) => ['boolean', 'int', 'long', 'float', 'double', 'string'].includes(k['attr.type']))).toBe(
      true,
    );
    expect(keys.find((k) => k.for === 'edge' && k['attr.name'] === 'date')?.['attr.type']).toBe('string');
    expect(keys.find((k) => k.for === 'node' && k['attr.name'] === 'labels')).toBeDefined();
    const graph = doc.graphml.graph;
    expect(graph.edgedefault).toBe('directed');
    expect(graph.node.map((n: { id: string }) => n.id).sort()).toEqual([...ids].sort());
    expect(graph.edge).toHaveLength(expectedEdges.length);
    const edge = graph.edge.find((e: { id: string }) => e.id === visit.id);
    expect(edge).toMatchObject({ source: center, target: 'country:RUS' });
    const data = Object.fromEntries(
      edge.data.map((d: { key: string; '#text': unknown }) => [keyName.get(d.key), String(d['#text'])]),
    );
    expect(data).toMatchObject({ type: 'VISITED', date: '2024-08-21' });
    expect(JSON.parse(data.sources)).toEqual(visit.sources);
  });

  it('gexf: declared typed attributes, every node and edge', async () => {
    const doc = xml.parse((await download('gexf')).text);
    const graph = doc.gexf.graph;
    expect(graph.defaultedgetype).toBe('directed');
    const nodes = graph.nodes.node as { id: string; label: string }[];
    expect(nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(nodes.find((n) => n.id === center)?.label).toBe('Li Qiang');
    const edges = graph.edges.edge as {
      id: string;
      source: string;
      target: string;
      label: string;
      attvalues: { attvalue: { for: string; value: string }[] };
    }[];
    expect(edges).toHaveLength(expectedEdges.length);
    const edgeAttributes = ([] as { class: string; attribute: { id: string; title: string; type: string }[] }[])
      .concat(graph.attributes)
      .find((a) => a.class === 'edge')!;
    const title = new Map(edgeAttributes.attribute.map((a) => [a.id, a.title]));
    expect(edgeAttributes.attribute.every((a) => a.type.length > 0)).toBe(true);
    const edge = edges.find((e) => e.id === visit.id)!;
    expect(edge).toMatchObject({ source: center, target: 'country:RUS', label: 'VISITED' });
    const values = Object.fromEntries(edge.attvalues.attvalue.map((v) => [title.get(v.for), String(v.value)]));
    expect(values).toMatchObject({ date: '2024-08-21', type: 'VISITED' });
  });

  it('csv: a zip of nodes.csv and relationships.csv', async () => {
    const zip = await JSZip.loadAsync((await download('csv', true)).body as Buffer);
    const nodes = readCsv(await zip.file('nodes.csv')!.async('string'));
    const relationships = readCsv(await zip.file('relationships.csv')!.async('string'));
    expect(nodes.map((n) => n.id).sort()).toEqual([...ids].sort());
    expect(relationships).toHaveLength(expectedEdges.length);
    const row = relationships.find((r) => r.id === visit.id)!;
    expect(row).toMatchObject({
      type: 'VISITED',
      source: center,
      target: 'country:RUS',
      date: '2024-08-21',
      quote: visit.quote,
    });
    expect(String(nodes.find((n) => n.id === center)?.labels).split(';')).toContain('Person');
  });

  it('cypher: the script re-run into an empty store recreates the same subgraph', async ({ onTestFinished }) => {
    const script = (await download('cypher')).text;
    const target = openEmbeddedStore();
    onTestFinished(() => target.close());
    for (const line of script.split('\n')) {
      if (line.trim() === '' || line.startsWith('//')) continue;
      expect(line.endsWith(';')).toBe(true);
      await target.write({ text: line.slice(0, -1) });
    }
    const exported = JSON.parse((await download('json')).text) as GraphJson;
    const { rows } = await target.read({ text: 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r' });
    const nodes = new Map<string, GraphNode>();
    const rels = new Map<string, GraphRelationship>();
    for (const { n, r } of rows) {
      if (n instanceof GraphNode) nodes.set(n.id, n);
      if (r instanceof GraphRelationship) rels.set(r.id, r);
    }
    expect(nodes.size).toBe(exported.nodes.length);
    for (const node of exported.nodes) {
      expect(nodes.get(node.id)?.labels).toEqual(node.labels);
      expect(nodes.get(node.id)?.properties).toEqual(node.properties);
    }
    expect(rels.size).toBe(exported.relationships.length);
    for (const r of exported.relationships) {
      const copy = rels.get(r.id)!;
      expect({ type: copy.type, source: copy.source, target: copy.target, properties: copy.properties }).toEqual({
        type: r.type,
        source: r.source,
        target: r.target,
        properties: r.properties,
      });
    }
    // merging again changes nothing
    for (const line of script.split('\n')) if (line.endsWith(';')) await target.write({ text: line.slice(0, -1) });
    const again = await target.read('counts');
    expect(again.rows[0]).toEqual({ nodes: exported.nodes.length, relationships: exported.relationships.length });
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
    ];
    for (const [body, field] of cases) {
      const res = await request(h.app).post('/api/export').send(body).expect(400);
      expect(
        res.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    await request(h.app).get('/api/export?format=json').expect(400);
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', ids: ['country:RUS', 'country:XXX'] })
      .expect(404);
    expect(res.body.detail).toContain('country:XXX');
  });
});

/** A small RFC 4180 reader, enough for the export's own output. */
function readCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
