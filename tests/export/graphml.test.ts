// GraphML read back by graphology's GraphML parser and checked by xmllint: every property of every
// element compared with the store's (as XML can hold them); the keys and attributes APOC's
// apoc.import.graphml reads; yEd's graphics in the yEd variant.
import graphology from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { XMLParser } from 'fast-xml-parser';
import { propertyName } from '../../server/domain/export/property-names.ts';
import { seedAwkward } from '../support/awkward-graph.ts';
import type { ReadGraph } from '../support/export-files.ts';
import { asXmlValue, awkwardGraph, download, mapValues } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { xmllint, xmllintMissing } from '../support/xmllint.ts';

const h = fileApp({ seed: seedAwkward });
const ids = Object.keys(awkwardGraph().nodes);
const formats = ['graphml', 'graphml-yed'] as const;

function fromGraphml(text: string): ReadGraph {
  const graph = parseGraphml(graphology.MultiDirectedGraph, text);
  const graphOf: ReadGraph = { nodes: {}, relationships: {} };
  // yEd's graphics keys have no attr.name: graphology files their text under "".
  const properties = (attributes: Record<string, unknown>, structural: string) =>
    Object.fromEntries(
      Object.entries(attributes)
        .filter(([key]) => key !== structural && key !== 'id' && key !== '')
        .map(([key, value]) => [propertyName(key), value]),
    );
  graph.forEachNode((id, attributes) => {
    expect(attributes.id).toBe(id);
    graphOf.nodes[id] = {
      labels: String(attributes.labels).split(':').filter(Boolean).sort(),
      properties: properties(attributes, 'labels'),
    };
  });
  graph.forEachEdge((id, attributes, source, target) => {
    expect(attributes.id).toBe(id);
    graphOf.relationships[id] = {
      type: String(attributes.label),
      source,
      target,
      properties: properties(attributes, 'label'),
    };
  });
  return graphOf;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name),
});

describe.each(formats)('%s export', (format) => {
  it.skipIf(xmllintMissing)('when checked by xmllint, it is well-formed XML', async () => {
    expect(xmllint((await download(h.app, { format, ids })).body)).toBe('');
  });

  it('when read back by graphology, every property is the stored one as XML can hold it', async () => {
    const file = await download(h.app, { format, ids });
    expect(fromGraphml(file.text)).toEqual(mapValues(awkwardGraph(), asXmlValue));
  });

  it('when imported by APOC, labels and types come from the keys it reads', async () => {
    const { graphml } = xml.parse((await download(h.app, { format, ids })).text);
    const keys = graphml.key as Record<string, string>[];
    expect(keys).toContainEqual(expect.objectContaining({ id: 'labels', for: 'node', 'attr.name': 'labels' }));
    expect(keys).toContainEqual(expect.objectContaining({ id: 'label', for: 'edge', 'attr.name': 'label' }));
    expect(keys.find((key) => key['attr.name'] === 'aliases')).toMatchObject({
      'attr.type': 'string',
      'attr.list': 'string',
    });
    expect(keys.find((key) => key['attr.name'] === 'numbers')).toMatchObject({ 'attr.list': 'long' });
    const node = graphml.graph.node.find((n: { id: string }) => n.id === 'awk:text');
    expect(node.labels).toBe(':Entity:Person');
    expect(node.data.find((d: { key: string }) => d.key === 'labels')['#text']).toBe(':Entity:Person');
    const edge = graphml.graph.edge.find((e: { id: string }) => e.id === 'rel:awk-visit-1');
    expect(edge.label).toBe('VISITED');
    expect(edge.data[0]).toEqual({ key: 'label', '#text': 'VISITED' });
    const idKey = keys.find((key) => key.for === 'node' && key['attr.name'] === 'id')!.id;
    expect(node.data.find((d: { key: string }) => d.key === idKey)['#text']).toBe('awk:text');
  });
});

describe('graphml-yed export', () => {
  it('when opened in yEd, nodes show their captions and edges their types', async () => {
    const { graphml } = xml.parse((await download(h.app, { format: 'graphml-yed', ids })).text);
    expect(graphml['xmlns:y']).toBe('http://www.yworks.com/xml/graphml');
    expect(graphml.key).toContainEqual({ id: 'ng', for: 'node', 'yfiles.type': 'nodegraphics' });
    const node = graphml.graph.node.find((n: { id: string }) => n.id === 'awk:text');
    const shape = node.data.find((d: { key: string }) => d.key === 'ng')['y:ShapeNode'];
    expect(shape['y:NodeLabel']).toBe('Say "hi", then \'bye\'');
    const edge = graphml.graph.edge.find((e: { id: string }) => e.id === 'rel:awk-met');
    expect(edge.data.find((d: { key: string }) => d.key === 'eg')['y:PolyLineEdge']['y:EdgeLabel']).toBe('MET_WITH');
  });
});
