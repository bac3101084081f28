// Names that are Object.prototype's members, as labels, a relationship type and property keys:
// every route and export keeps them as data, and a property named `__proto__` as an own property.
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { exportFormats, type SubgraphResponse } from '../../common/api.ts';
import { download, unzip } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { prototypeIds, prototypeLabels, protoValue, seedPrototypeNames } from '../support/prototype-names-graph.ts';

const h = fileApp({ seed: seedPrototypeNames });
const ids = [prototypeIds.builder, ...prototypeIds.others];
const protoOf = (data: object) =>
  Object.hasOwn(data, '__proto__') ? Object.getOwnPropertyDescriptor(data, '__proto__')?.value : undefined;

describe('names that are Object.prototype members', () => {
  it('when a node has a property named __proto__, /api/nodes/:id returns it as an own property', async () => {
    const res = await request(h.app)
      .get(`/api/nodes/${encodeURIComponent(prototypeIds.builder)}`)
      .expect(200);
    expect(protoOf(res.body.node.data)).toBe(protoValue);
    expect(res.body.node.data).toMatchObject({
      constructor: 'a name',
      toString: 'x',
      labels: ['Entity', 'constructor'],
    });
  });

  it('when a view holds nodes labelled like prototype members, the subgraph has them and their hasOwnProperty relationships', async () => {
    const body = (await request(h.app).post('/api/graph/subgraph').send({ ids }).expect(200)).body as SubgraphResponse;
    expect(body.elements.nodes.flatMap((node) => node.data.labels.filter((l) => l !== 'Entity')).sort()).toEqual(
      [...prototypeLabels].sort(),
    );
    expect(body.elements.edges.map((edge) => edge.data.type)).toEqual(prototypeIds.others.map(() => 'hasOwnProperty'));
    expect(body.elements.edges.map((edge) => protoOf(edge.data))).toEqual(prototypeIds.others.map(() => protoValue));
  });

  it('when the console returns such a node and relationship, both keep the property named __proto__', async () => {
    const query = `MATCH (n:\`constructor\`)-[r:hasOwnProperty]->(m:\`__proto__\`) RETURN n, r, m`;
    const res = await request(h.app).post('/api/cypher').send({ query }).expect(200);
    const [row] = res.body.rows;
    expect([protoOf(row.n), protoOf(row.r), protoOf(row.m)]).toEqual([protoValue, protoValue, protoValue]);
  });

  it.each(exportFormats.filter((format) => format !== 'citations'))(
    'when the nodes are exported as %s, the property named __proto__ is in the file',
    async (format) => {
      const file = await download(h.app, { format, ids });
      expect(file.status).toBe(200);
      const text = file.body[0] === 0x50 ? Object.values(await unzip(file.body)).join('\n') : file.text;
      expect(text).toContain('__proto__');
      expect(text.split(protoValue).length - 1).toBeGreaterThanOrEqual(ids.length);
    },
  );

  it('when the nodes are exported as json, each node’s properties hold __proto__ as an own key', async () => {
    const document = JSON.parse((await download(h.app, { format: 'json', ids })).text);
    expect(document.nodes.map((node: { properties: object }) => protoOf(node.properties))).toEqual(
      ids.map(() => protoValue),
    );
  });

  it('when the nodes are exported as csv, nodes.csv has a __proto__ column with each value', async () => {
    const files = await unzip((await download(h.app, { format: 'csv', ids })).body);
    const rows = parse(files['nodes.csv']!, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => protoOf(row))).toEqual(ids.map(() => protoValue));
  });
});
