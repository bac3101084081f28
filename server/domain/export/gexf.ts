// GEXF 1.3 for Gephi: typed attributes, `kind` (the relationship type) so parallel edges of
// different types stay apart, and each relationship's time as start/end days (timeformat "date",
// from date/dateEnd widened to their precision) so Gephi's timeline can play the graph. Attribute
// ids are numbers and titles carry the names, as graphology's reader expects.
import type { JsonValue } from '../../../common/api.ts';
import { caption, visibleProperties } from '../elements.ts';
import { withCitations } from './citations.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { pausingEach } from './chunks.ts';
import type { Column } from './columns.ts';
import { ColumnScan, valueText } from './columns.ts';
import { propertyKey } from './property-names.ts';
import { timeSpan } from './time-span.ts';
import type { ExportFormatWriter } from './types.ts';
import type { XmlElement } from './xml.ts';
import { xmlChunks, xmlReplacementNote } from './xml.ts';
import { ownValue } from '../../../common/own-keys.ts';

// Gephi and graphology read label, kind and weight from the element into the same table as the
// attributes; the id is the element's own.
export const gexfNodeStructural = ['id', 'label'] as const;
export const gexfEdgeStructural = ['id', 'label', 'kind', 'weight'] as const;

export const gexfNote =
  'Exported by kg-explorer. Node labels (":Entity:Person") are the attribute "labels"; an edge\'s kind ' +
  'and label are its relationship type; start and end are the days its date covers, widened to its ' +
  'precision. Lists, maps and mixed values are JSON text. A property named like a structural field ' +
  '(id, label; on edges also kind and weight), or "labels" on nodes, or starting with "property.", ' +
  'is written as property.<name>. ' +
  xmlReplacementNote;

const gexfTypes = { boolean: 'boolean', long: 'long', double: 'double', string: 'string' } as const;

interface Attribute {
  title: string;
  type: string;
}

const columnAttribute =
  (structural: readonly string[]) =>
  (column: Column): Attribute => ({
    title: propertyKey(column.name, structural),
    type: column.list || column.mixed ? 'string' : gexfTypes[column.type],
  });

function attributesElement(kind: 'node' | 'edge', attributes: Attribute[]): XmlElement {
  return {
    name: 'attributes',
    attributes: { class: kind },
    children: attributes.map((attribute, id) => ({ name: 'attribute', attributes: { id, ...attribute } })),
  };
}

/** The attvalues of an element: values[i] is the value of attribute i, undefined when it has none. */
function attvaluesElement(values: (string | undefined)[]): XmlElement[] {
  const children = values.flatMap((value, id): XmlElement[] =>
    value === undefined ? [] : [{ name: 'attvalue', attributes: { for: id, value } }],
  );
  return children.length > 0 ? [{ name: 'attvalues', children }] : [];
}

const textOf = (value: JsonValue | undefined) => (value === undefined || value === null ? undefined : valueText(value));
const withoutId = ({ id: _id, ...rest }: Record<string, JsonValue>) => rest;

function* nodeElements(nodes: GraphNode[], columns: Column[]): Generator<XmlElement> {
  for (const node of nodes) {
    const properties = withoutId(visibleProperties(node.properties));
    yield {
      name: 'node',
      attributes: { id: node.id, label: caption(node) },
      children: attvaluesElement([
        node.labels.map((label) => `:${label}`).join(''),
        ...columns.map((column) => textOf(ownValue(properties, column.name))),
      ]),
    };
  }
}

function* edgeElements(relationships: GraphRelationship[], columns: Column[]): Generator<XmlElement> {
  for (const r of relationships) {
    const properties = withoutId(visibleProperties(r.properties));
    const span = timeSpan(properties);
    yield {
      name: 'edge',
      attributes: {
        id: r.id,
        source: r.source,
        target: r.target,
        kind: r.type,
        label: r.type,
        start: span?.start,
        end: span?.end,
      },
      children: attvaluesElement(columns.map((column) => textOf(ownValue(properties, column.name)))),
    };
  }
}

export const gexfFormat: ExportFormatWriter = {
  extension: 'gexf',
  contentType: 'application/gexf+xml; charset=utf-8',
  *write(graph) {
    const { nodes, relationships } = withCitations(graph);
    const nodeScan = new ColumnScan();
    const edgeScan = new ColumnScan();
    yield* pausingEach(nodes, (node) => nodeScan.add(withoutId(visibleProperties(node.properties))));
    yield* pausingEach(relationships, (r) => edgeScan.add(withoutId(visibleProperties(r.properties))));
    const nodeColumns = nodeScan.columns();
    const edgeColumns = edgeScan.columns();
    // The node labels are attribute 0; the properties follow.
    const nodeAttributes = [
      { title: 'labels', type: 'string' },
      ...nodeColumns.map(columnAttribute([...gexfNodeStructural, 'labels'])),
    ];
    const edgeAttributes = edgeColumns.map(columnAttribute(gexfEdgeStructural));
    const root: XmlElement = {
      name: 'gexf',
      attributes: {
        xmlns: 'http://gexf.net/1.3',
        'xmlns:viz': 'http://gexf.net/1.3/viz',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
        version: '1.3',
      },
      children: [
        {
          name: 'meta',
          children: [
            { name: 'creator', text: 'kg-explorer' },
            { name: 'description', text: gexfNote },
          ],
        },
        {
          name: 'graph',
          attributes: { defaultedgetype: 'directed', mode: 'dynamic', timeformat: 'date' },
          children: [
            attributesElement('node', nodeAttributes),
            attributesElement('edge', edgeAttributes),
            { name: 'nodes', attributes: { count: nodes.length }, children: nodeElements(nodes, nodeColumns) },
            {
              name: 'edges',
              attributes: { count: relationships.length },
              children: edgeElements(relationships, edgeColumns),
            },
          ],
        },
      ],
    };
    yield* xmlChunks(root);
  },
};
