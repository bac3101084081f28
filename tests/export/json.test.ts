// The json and cyjs exports read back by JSON.parse and by cytoscape.js, every property of every
// element compared with the store's.
import cytoscape from 'cytoscape';
import type { GraphJson } from '../../common/api.ts';
import { propertyName } from '../../server/domain/export/property-names.ts';
import { seedAwkward } from '../support/awkward-graph.ts';
import type { ReadGraph } from '../support/export-files.ts';
import { awkwardGraph, download } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp({ seed: seedAwkward });
const ids = Object.keys(awkwardGraph().nodes);

function fromJson(document: GraphJson): ReadGraph {
  const graph: ReadGraph = { nodes: {}, relationships: {} };
  for (const { id, labels, properties } of document.nodes) {
    const { id: _id, ...rest } = properties;
    graph.nodes[id] = { labels: [...labels].sort(), properties: rest };
  }
  for (const { id, type, source, target, properties } of document.relationships) {
    const { id: _id, ...rest } = properties;
    graph.relationships[id] = { type, source, target, properties: rest };
  }
  return graph;
}

/** Cytoscape element data back to the graph: structural fields out, property.<name> undone. */
function fromCytoscape(cy: cytoscape.Core): ReadGraph {
  const properties = (data: Record<string, unknown>, structural: string[]) =>
    Object.fromEntries(
      Object.entries(data)
        .filter(([key]) => !structural.includes(key))
        .map(([key, value]) => [propertyName(key), value]),
    );
  const graph: ReadGraph = { nodes: {}, relationships: {} };
  cy.nodes().forEach((node) => {
    const data = node.data() as Record<string, unknown>;
    graph.nodes[node.id()] = {
      labels: [...(data.labels as string[])].sort(),
      properties: properties(data, ['id', 'label', 'labels']),
    };
  });
  cy.edges().forEach((edge) => {
    const data = edge.data() as Record<string, unknown>;
    graph.relationships[edge.id()] = {
      type: String(data.type),
      source: edge.source().id(),
      target: edge.target().id(),
      properties: properties(data, ['id', 'source', 'target', 'type', 'interaction']),
    };
  });
  return graph;
}

describe('json export', () => {
  it('when read back by JSON.parse, every node, relationship and property is the stored one', async () => {
    const file = await download(h.app, { format: 'json', ids });
    expect(fromJson(JSON.parse(file.text) as GraphJson)).toEqual(awkwardGraph());
  });
});

describe('cyjs export', () => {
  it('when loaded into cytoscape.js, every property is the stored one under its documented name', async () => {
    const file = await download(h.app, { format: 'cyjs', ids });
    const cy = cytoscape({ headless: true, elements: JSON.parse(file.text).elements });
    expect(fromCytoscape(cy)).toEqual(awkwardGraph());
  });

  it('when a property is named like a structural field, the field keeps its meaning', async () => {
    const file = await download(h.app, { format: 'cyjs', ids });
    const cy = cytoscape({ headless: true, elements: JSON.parse(file.text).elements });
    const visit = cy.getElementById('rel:awk-visit-1');
    expect(visit.data()).toMatchObject({
      type: 'VISITED',
      interaction: 'VISITED',
      'property.type': 'a property named type',
      'property.source': 'a property named source',
    });
    expect([visit.source().id(), visit.target().id()]).toEqual(['awk:text', 'awk:lists']);
    expect(cy.getElementById('awk:text').data()).toMatchObject({
      label: 'Say "hi", then \'bye\'',
      'property.label': 'a property named label',
      'property.parent': 'a property named parent',
    });
    expect(cy.getElementById('awk:text').isChild()).toBe(false);
  });
});
