// CSV for spreadsheets and Gephi's spreadsheet import, in a zip: nodes.csv, relationships.csv,
// sources.csv when the export includes the sources cited, and a README saying how to read them.
// The structural columns carry the names Gephi reads (Id, Label; Id, Source, Target, Kind, where
// Kind keeps parallel edges of different types apart); a property with one of those names, or
// Gephi's Type and Weight, is written as property.<name>.
import JSZip from 'jszip';
import type { JsonValue } from '../../../common/api.ts';
import type { GraphNode } from '../../store/graph-values.ts';
import { caption, visibleProperties } from '../elements.ts';
import { propertyColumns, valueText } from './columns.ts';
import { csvTable } from '../../../common/csv/csv-table.ts';
import { propertyKey } from './property-names.ts';
import { spreadsheetText } from '../../../common/csv/spreadsheet-cell.ts';
import type { ExportFormatWriter } from './types.ts';
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

function table(
  structural: readonly string[],
  fields: readonly string[],
  rows: { fields: string[]; properties: Record<string, JsonValue> }[],
) {
  const names = propertyColumns(rows.map((row) => row.properties)).map((column) => column.name);
  const header = [...fields, ...names.map((name) => propertyKey(name, structural))].map(spreadsheetText);
  const body = rows.map((row) => [
    ...row.fields.map(spreadsheetText),
    ...names.map((name) => cell(ownValue(row.properties, name))),
  ]);
  return csvTable([header, ...body], { bom: true });
}

function nodeTable(nodes: GraphNode[]): string {
  return table(
    spreadsheetNodeFields,
    spreadsheetNodeFields,
    nodes.map((node) => ({
      fields: [node.id, caption(node), node.labels.join(';')],
      properties: withoutId(visibleProperties(node.properties)),
    })),
  );
}

export const csvFormat: ExportFormatWriter = {
  extension: 'zip',
  contentType: 'application/zip',
  write: async ({ nodes, relationships, citations }) => {
    const zip = new JSZip();
    zip.file('README.txt', spreadsheetReadme);
    zip.file('nodes.csv', nodeTable(nodes));
    zip.file(
      'relationships.csv',
      table(
        edgeStructural,
        spreadsheetEdgeFields,
        relationships.map((r) => ({
          fields: [r.id, r.source, r.target, r.type],
          properties: withoutId(visibleProperties(r.properties)),
        })),
      ),
    );
    if (citations) zip.file('sources.csv', nodeTable(citations.sources));
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  },
};
