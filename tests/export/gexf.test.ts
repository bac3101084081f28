// GEXF 1.3 read back by graphology's GEXF parser and checked by xmllint: every property of every
// element compared with the store's (as XML can hold them), the relationship type as the edge's
// kind, and each relationship's time as start/end days.
import graphology from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { XMLParser } from 'fast-xml-parser';
import { propertyName } from '../../server/domain/export/property-names.ts';
import { seedAwkward } from '../support/awkward-graph.ts';
import type { ReadGraph } from '../support/export-files.ts';
import { asXmlValue, awkwardGraph, download, mapValues } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { xmllint, xmllintMissing } from '../support/xmllint.ts';

const h = fileApp({ seed: seedAwkward });
const ids = Object.keys(awkwardGraph().nodes);

function fromGexf(text: string): ReadGraph {
  const graph = parseGexf(graphology.MultiDirectedGraph, text);
  const read: ReadGraph = { nodes: {}, relationships: {} };
  const properties = (attributes: Record<string, unknown>, structural: string[]) =>
    Object.fromEntries(
      Object.entries(attributes)
        .filter(([key]) => !structural.includes(key))
        .map(([key, value]) => [propertyName(key), value]),
    );
  graph.forEachNode((id, attributes) => {
    read.nodes[id] = {
      labels: String(attributes.labels).split(':').filter(Boolean).sort(),
      properties: properties(attributes, ['label', 'labels']),
    };
  });
  graph.forEachEdge((id, attributes, source, target) => {
    expect(attributes.label).toBe(attributes.kind);
    read.relationships[id] = {
      type: String(attributes.kind),
      source,
      target,
      properties: properties(attributes, ['label', 'kind']),
    };
  });
  return read;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name, _path, _leaf, isAttribute) =>
    !isAttribute && ['node', 'edge', 'attribute', 'attvalue'].includes(name),
});

describe('gexf export', () => {
  it.skipIf(xmllintMissing)('when checked by xmllint, it is well-formed XML', async () => {
    expect(xmllint((await download(h.app, { format: 'gexf', ids })).body)).toBe('');
  });

  it('when read back by graphology, every property is the stored one as XML can hold it', async () => {
    const file = await download(h.app, { format: 'gexf', ids });
    expect(fromGexf(file.text)).toEqual(mapValues(awkwardGraph(), asXmlValue));
  });

  it('when opened, it declares GEXF 1.3 with its namespaces and a dynamic graph of dates', async () => {
    const { gexf } = xml.parse((await download(h.app, { format: 'gexf', ids })).text);
    expect(gexf).toMatchObject({
      xmlns: 'http://gexf.net/1.3',
      'xmlns:viz': 'http://gexf.net/1.3/viz',
      'xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
      version: '1.3',
    });
    expect(gexf.graph).toMatchObject({ defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' });
  });

  it('when relationships are dated, each edge spans the days its date covers at its precision', async () => {
    const { gexf } = xml.parse((await download(h.app, { format: 'gexf', ids })).text);
    const spans = Object.fromEntries(
      gexf.graph.edges.edge.map((e: Record<string, string>) => [e.id, [e.start, e.end]]),
    );
    expect(spans).toEqual({
      'rel:awk-visit-1': ['2024-05-16', '2024-05-16'],
      'rel:awk-visit-2': ['2024-07-01', '2024-08-31'],
      'rel:awk-met': ['2023-01-01', '2023-12-31'],
      'rel:awk-supports': [undefined, undefined],
    });
  });

  it('when two nodes have parallel edges of two types, each edge has its own id and its type as kind', async () => {
    const { gexf } = xml.parse((await download(h.app, { format: 'gexf', ids })).text);
    const parallel = gexf.graph.edges.edge.filter((e: Record<string, string>) => e.source === 'awk:text');
    expect(parallel.map((e: Record<string, string>) => [e.id, e.kind]).sort()).toEqual([
      ['rel:awk-met', 'MET_WITH'],
      ['rel:awk-visit-1', 'VISITED'],
      ['rel:awk-visit-2', 'VISITED'],
    ]);
  });
});
