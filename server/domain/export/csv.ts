// CSV for spreadsheets and Gephi's spreadsheet import, in a zip: nodes.csv, relationships.csv,
// sources.csv when the export includes the sources cited, and a README saying how to read them.
// The structural columns carry the names Gephi reads (Id, Label; Id, Source, Target, Kind, where
// Kind keeps parallel edges of different types apart); a property with one of those names, or
// Gephi's Type and Weight, is written as property.<name>.
import type { JsonValue } from '../../../common/api.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { caption, visibleProperties } from '../elements.ts';
import type { Chunk } from './chunks.ts';
import { pausingEach } from './chunks.ts';
import { ColumnScan, valueText } from './columns.ts';
import { csvChunks } from './csv-chunks.ts';
import { propertyKey } from './property-names.ts';
import { spreadsheetText } from '../../../common/csv/spreadsheet-cell.ts';
import type { ExportFormatWriter } from './types.ts';
import { zipChunks } from './zip.ts';
import { ownValue } from '../../../common/own-keys.ts';

export const spreadsheetNodeFields = ['Id', 'Label', 'Labels'] as const;
export const spreadsheetEdgeFields = ['Id', 'Source', 'Target', 'Kind'] as const;
const edgeStructural = [...spreadsheetEdgeFields, 'Type', 'Label', 'Weight'];

export const spreadsheetReadme = `Exported by kg-explorer: the nodes, the relationships among them and, when asked for, the sources
they cite. UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting, CRLF line ends.

nodes.csv / sources.csv: Id, Label (the caption shown in the explorer), Labels (separated by ;),
then one column per property. relationships.csv: Id, Source, Target, Kind (the relationship type),
then one column per property. Gephi: Data Laboratory > Import Spreadsheet, nodes.csv as the nodes
table, then relationships.csv as the edges table (Kind keeps parallel edges of different types
apart). Gephi trims cells and reads a backslash as an escape; for exact values use the GEXF export.

Values: text as it is; numbers and true/false as written; lists as JSON (["a","b"]). An empty cell
is no value; "" is the empty string.

Formula injection: a text cell that would start with = + - @ (or their full-width forms), a tab, a
carriage return, NUL or ' has a ' put in front, as OWASP recommends, so a spreadsheet shows it as
text. To get the value back, remove one leading ' from any cell that starts with one.

A property named like a structural column (Id, Label, Labels; Id, Source, Target, Kind, Type,
Label, Weight: any case), or starting with "property.", is written as property.<name>.
`;

function cell(value: JsonValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? spreadsheetText(value) : valueText(value);
}

function withoutId(properties: Record<string, JsonValue>): Record<string, JsonValue> {
  const { id: _id, ...rest } = properties;
  return rest;
}

interface Row {
  fields: string[];
  properties: Record<string, JsonValue>;
}

/** A table's CSV: its columns found in a first pass over the items, then its rows, each made as it is written. */
function* table<T>(
  structural: readonly string[],
  fields: readonly string[],
  items: T[],
  rowOf: (item: T) => Row,
): Generator<Chunk> {
  const scan = new ColumnScan();
  yield* pausingEach(items, (item) => scan.add(rowOf(item).properties));
  const names = scan.columns().map((column) => column.name);
  const header = [...fields, ...names.map((name) => propertyKey(name, structural))].map(spreadsheetText);
  function* rows() {
    yield header;
    for (const item of items) {
      const row = rowOf(item);
      yield [...row.fields.map(spreadsheetText), ...names.map((name) => cell(ownValue(row.properties, name)))];
    }
  }
  yield* csvChunks(rows(), { bom: true });
}

const nodeRow = (node: GraphNode): Row => ({
  fields: [node.id, caption(node), node.labels.join(';')],
  properties: withoutId(visibleProperties(node.properties)),
});

const relationshipRow = (r: GraphRelationship): Row => ({
  fields: [r.id, r.source, r.target, r.type],
  properties: withoutId(visibleProperties(r.properties)),
});

export const csvFormat: ExportFormatWriter = {
  extension: 'zip',
  contentType: 'application/zip',
  write: ({ nodes, relationships, citations }, _name, modified) =>
    zipChunks(
      [
        { name: 'README.txt', chunks: [spreadsheetReadme] },
        { name: 'nodes.csv', chunks: table(spreadsheetNodeFields, spreadsheetNodeFields, nodes, nodeRow) },
        {
          name: 'relationships.csv',
          chunks: table(edgeStructural, spreadsheetEdgeFields, relationships, relationshipRow),
        },
        ...(citations
          ? [
              {
                name: 'sources.csv',
                chunks: table(spreadsheetNodeFields, spreadsheetNodeFields, citations.sources, nodeRow),
              },
            ]
          : []),
      ],
      modified,
    ),
};
