// What a value in a Cypher result is: a node, a relationship or a path (as the API gives them: their
// element data), a list, a map, or a plain value. And the result as CSV or JSON text for download.
import type { CypherResponse, JsonValue } from '../../../common/api.ts';
import { csvTable } from '../../../common/csv/csv-table.ts';
import { spreadsheetText } from '../../../common/csv/spreadsheet-cell.ts';
import { ownValue } from '../../../common/own-keys.ts';

type JsonMap = { [key: string]: JsonValue };
export type NodeData = JsonMap & { id: string; labels: string[] };
export type RelationshipData = JsonMap & { id: string; type: string; source: string; target: string };
export type PathData = { nodes: NodeData[]; edges: RelationshipData[] };

export type ResultValue =
  | { kind: 'null' }
  | { kind: 'scalar'; value: string | number | boolean }
  | { kind: 'node'; value: NodeData }
  | { kind: 'relationship'; value: RelationshipData }
  | { kind: 'path'; value: PathData }
  | { kind: 'list'; value: JsonValue[] }
  | { kind: 'map'; value: JsonMap };

const isMap = (value: JsonValue): value is JsonMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isNodeData(value: JsonValue): value is NodeData {
  return isMap(value) && typeof value.id === 'string' && Array.isArray(value.labels);
}

export function isRelationshipData(value: JsonValue): value is RelationshipData {
  return (
    isMap(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    typeof value.source === 'string' &&
    typeof value.target === 'string'
  );
}

function isPathData(value: JsonValue): value is PathData {
  return (
    isMap(value) &&
    Object.keys(value).length === 2 &&
    Array.isArray(value.nodes) &&
    Array.isArray(value.edges) &&
    value.nodes.every(isNodeData) &&
    value.edges.every(isRelationshipData)
  );
}

export function classify(value: JsonValue | undefined): ResultValue {
  if (value === null || value === undefined) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'list', value };
  if (isNodeData(value)) return { kind: 'node', value };
  if (isRelationshipData(value)) return { kind: 'relationship', value };
  if (isPathData(value)) return { kind: 'path', value };
  if (isMap(value)) return { kind: 'map', value };
  return { kind: 'scalar', value };
}

/** A cell as text in a spreadsheet: plain values as they are, graph values, lists and maps as JSON. */
export function cellText(value: JsonValue | undefined): string {
  const classified = classify(value);
  if (classified.kind === 'null') return '';
  if (classified.kind === 'scalar') return String(classified.value);
  return JSON.stringify(classified.value);
}

/** A cell of the download: the server's CSV rules (no value stays empty, text is neutralised, a number is not text). */
function csvCell(value: JsonValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? String(value) : spreadsheetText(cellText(value));
}

/** The rows as CSV: a header of the columns, one line per row, written as the server's CSV export is. */
export function resultCsv(response: Pick<CypherResponse, 'columns' | 'rows'>): string {
  const records = response.rows.map((row) => response.columns.map((column) => csvCell(ownValue(row, column))));
  return csvTable([response.columns.map(spreadsheetText), ...records]);
}

/** The rows as JSON: one object per row, keyed by column. */
export function resultJson(response: Pick<CypherResponse, 'columns' | 'rows'>): string {
  return `${JSON.stringify(response.rows, null, 2)}\n`;
}
