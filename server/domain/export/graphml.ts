// GraphML as Neo4j's APOC writes and reads it (apoc.import.graphml with readLabels: true): node
// labels in the key `labels` (":Entity:Person"), relationship types in the edge key `label`, both
// also as attributes of the element; every property a typed key (boolean, long, double, string),
// lists as JSON text with attr.list naming the element type, as APOC reads them back into arrays.
// The stable ids are also data (`id`), so an import needs no storeNodeIds. Gephi, yEd, networkx
// and graphology read the same file.
import type { JsonValue } from '../../../common/api.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { visibleProperties } from '../elements.ts';
import { withCitations } from './citations.ts';
import type { Subgraph } from '../elements.ts';
import type { Chunk } from './chunks.ts';
import { pausingEach } from './chunks.ts';
import type { Column } from './columns.ts';
import { ColumnScan, valueText } from './columns.ts';
import { propertyKey } from './property-names.ts';
import type { ExportFormatWriter, ExportGraph } from './types.ts';
import type { XmlElement } from './xml.ts';
import { xmlChunks, xmlReplacementNote } from './xml.ts';
import { ownValue } from '../../../common/own-keys.ts';

export const graphmlNodeStructural = ['labels'] as const;
export const graphmlEdgeStructural = ['label'] as const;

export const graphmlNote =
  'Exported by kg-explorer. Node labels are in the key "labels" (":Entity:Person", as APOC writes ' +
  'them), relationship types in the edge key "label"; both are also attributes of the element. Lists ' +
  'are JSON text, with attr.list giving the element type; maps and lists of mixed values are JSON ' +
  'text too. A property named "labels" (on nodes) or "label" (on edges), or starting with ' +
  '"property.", is written as property.<name>. ' +
  xmlReplacementNote;

/** What a variant adds to the plain document (yEd's graphics). */
export interface GraphmlExtras {
  namespaces?: Record<string, string>;
  schemaLocation?: string;
  keys?: XmlElement[];
  nodeData?: (node: GraphNode, index: number) => XmlElement[];
  edgeData?: (relationship: GraphRelationship) => XmlElement[];
}

function keysFor(kind: 'node' | 'edge', columns: Column[], structural: readonly string[]): XmlElement[] {
  return columns.map((column, index) => ({
    name: 'key',
    attributes: {
      id: `${kind === 'node' ? 'n' : 'e'}${index}`,
      for: kind,
      'attr.name': propertyKey(column.name, structural),
      // A list is JSON text (a string to every reader); attr.list names its elements' type for APOC.
      'attr.type': column.list ? 'string' : column.type,
      'attr.list': column.list ? column.type : undefined,
    },
  }));
}

function dataFor(kind: 'node' | 'edge', columns: Column[], properties: Record<string, JsonValue>): XmlElement[] {
  return columns.flatMap((column, index) => {
    const value = ownValue(properties, column.name);
    if (value === undefined || value === null) return [];
    return [{ name: 'data', attributes: { key: `${kind === 'node' ? 'n' : 'e'}${index}` }, text: valueText(value) }];
  });
}

/** The graph's elements, each made as it is written. */
function* graphElements(
  { nodes, relationships }: Subgraph,
  nodeColumns: Column[],
  edgeColumns: Column[],
  extras: GraphmlExtras,
): Generator<XmlElement> {
  for (const [index, node] of nodes.entries()) {
    const labels = node.labels.map((label) => `:${label}`).join('');
    yield {
      name: 'node',
      attributes: { id: node.id, labels },
      children: [
        { name: 'data', attributes: { key: 'labels' }, text: labels },
        ...dataFor('node', nodeColumns, visibleProperties(node.properties)),
        ...(extras.nodeData?.(node, index) ?? []),
      ],
    };
  }
  for (const r of relationships) {
    yield {
      name: 'edge',
      attributes: { id: r.id, source: r.source, target: r.target, label: r.type },
      // APOC takes the type from the first text inside the edge when the attribute is absent.
      children: [
        { name: 'data', attributes: { key: 'label' }, text: r.type },
        ...dataFor('edge', edgeColumns, visibleProperties(r.properties)),
        ...(extras.edgeData?.(r) ?? []),
      ],
    };
  }
}

export function* graphmlChunks(graph: ExportGraph, extras: GraphmlExtras = {}): Generator<Chunk> {
  const subgraph = withCitations(graph);
  const nodeScan = new ColumnScan();
  const edgeScan = new ColumnScan();
  yield* pausingEach(subgraph.nodes, (node) => nodeScan.add(visibleProperties(node.properties)));
  yield* pausingEach(subgraph.relationships, (r) => edgeScan.add(visibleProperties(r.properties)));
  const nodeColumns = nodeScan.columns();
  const edgeColumns = edgeScan.columns();
  const root: XmlElement = {
    name: 'graphml',
    attributes: {
      xmlns: 'http://graphml.graphdrawing.org/xmlns',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      ...extras.namespaces,
      'xsi:schemaLocation':
        extras.schemaLocation ??
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
    },
    children: [
      { name: 'desc', text: graphmlNote },
      { name: 'key', attributes: { id: 'labels', for: 'node', 'attr.name': 'labels', 'attr.type': 'string' } },
      { name: 'key', attributes: { id: 'label', for: 'edge', 'attr.name': 'label', 'attr.type': 'string' } },
      ...keysFor('node', nodeColumns, graphmlNodeStructural),
      ...keysFor('edge', edgeColumns, graphmlEdgeStructural),
      ...(extras.keys ?? []),
      {
        name: 'graph',
        attributes: { id: 'G', edgedefault: 'directed' },
        children: graphElements(subgraph, nodeColumns, edgeColumns, extras),
      },
    ],
  };
  yield* xmlChunks(root);
}

export const graphmlFormat: ExportFormatWriter = {
  extension: 'graphml',
  contentType: 'application/graphml+xml; charset=utf-8',
  write: (graph) => graphmlChunks(graph),
};
