// The files of a Neo4j bulk import, shared by the neo4j-admin CSVs and the LOAD CSV script that
// reads the same files: one file per label set and per relationship type, neo4j-admin's headers
// (id:ID, :LABEL; :START_ID, :END_ID, :TYPE; every property with its type, name:long or
// name:string[]), and an array delimiter no list element or label contains.
import type { JsonValue } from '../../../common/api.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { storedProperties } from '../elements.ts';
import type { Column } from './columns.ts';
import { ColumnScan, valueText } from './columns.ts';
import type { Chunk } from './chunks.ts';
import { elementsPerPause } from './chunks.ts';
import { ownValue } from '../../../common/own-keys.ts';

export interface ImportFile<T> {
  file: string;
  /** The label set (nodes) or the relationship type. */
  names: string[];
  columns: Column[];
  headers: string[];
  items: T[];
  properties: Record<string, JsonValue>[];
}

export interface ImportPlan {
  nodes: ImportFile<GraphNode>[];
  relationships: ImportFile<GraphRelationship>[];
  arrayDelimiter: string;
}

/** A property's header: its name and its type. neo4j-admin splits at the last colon, so any name works. */
export function headerOf(column: Column): string {
  return `${column.name}:${column.mixed ? 'string' : column.list ? `${column.type}[]` : column.type}`;
}

const candidates = [';', '|', '^', '~', '¦', '§', '¤'];

/** The first delimiter no list element and no label contains (falls back to private-use characters). */
function* arrayDelimiterFor(texts: string[]): Generator<Chunk, string> {
  const used = new Set<string>();
  for (const [index, text] of texts.entries()) {
    for (const c of candidates) if (text.includes(c)) used.add(c);
    if ((index + 1) % elementsPerPause === 0) yield '';
  }
  const found = candidates.find((c) => !used.has(c));
  if (found) return found;
  for (let code = 0xe000; ; code++) {
    const c = String.fromCharCode(code);
    if (!texts.some((text) => text.includes(c))) return c;
    yield '';
  }
}

/** File names from names: letters, digits and _ kept, the rest as _, a number added when two collide. */
function fileNamer() {
  const taken = new Set<string>();
  return (prefix: string, names: string[]) => {
    const slug = names.map((name) => name.replace(/[^A-Za-z0-9_]/g, '_')).join('-') || 'none';
    let file = `${prefix}-${slug}.csv`;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${prefix}-${slug}-${n}.csv`;
    taken.add(file.toLowerCase());
    return file;
  };
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return [...groups.values()];
}

/** One file's rows: each item's properties (and `id`), and the columns they need. */
function* fileOf<T>(
  group: T[],
  propertiesOf: (item: T) => Record<string, JsonValue>,
  exclude: readonly string[],
): Generator<Chunk, { properties: Record<string, JsonValue>[]; columns: Column[] }> {
  const scan = new ColumnScan(exclude);
  const properties: Record<string, JsonValue>[] = [];
  for (const item of group) {
    const itemProperties = propertiesOf(item);
    properties.push(itemProperties);
    scan.add(itemProperties);
    if (properties.length % elementsPerPause === 0) yield '';
  }
  return { properties, columns: scan.columns() };
}

/** The import's files, with a pause (chunks.ts) every few thousand elements; its return value is the plan. */
export function* planImport(nodes: GraphNode[], relationships: GraphRelationship[]): Generator<Chunk, ImportPlan> {
  const name = fileNamer();
  const labelSet = (node: GraphNode) => [...node.labels].sort();
  const nodeFiles: ImportFile<GraphNode>[] = [];
  for (const group of groupBy(nodes, (node) => JSON.stringify(labelSet(node)))) {
    const { properties, columns } = yield* fileOf(
      group,
      (node) => ({ ...storedProperties(node.properties), id: node.id }),
      ['id'],
    );
    const names = labelSet(group[0]!);
    const shown = names.filter((label) => label !== 'Entity');
    nodeFiles.push({
      file: name('nodes', shown.length > 0 ? shown : names),
      names,
      columns,
      headers: ['id:ID', ':LABEL', ...columns.map(headerOf)],
      items: group,
      properties,
    });
  }
  const relationshipFiles: ImportFile<GraphRelationship>[] = [];
  for (const group of groupBy(relationships, (r) => r.type)) {
    const { properties, columns } = yield* fileOf(group, (r) => ({ ...storedProperties(r.properties), id: r.id }), []);
    relationshipFiles.push({
      file: name('relationships', [group[0]!.type]),
      names: [group[0]!.type],
      columns,
      headers: [':START_ID', ':END_ID', ':TYPE', ...columns.map(headerOf)],
      items: group,
      properties,
    });
  }
  const listTexts: string[] = [];
  for (const file of [...nodeFiles, ...relationshipFiles]) {
    for (const column of file.columns.filter((c) => c.list)) {
      for (const p of file.properties) {
        const value = ownValue(p, column.name);
        if (Array.isArray(value)) for (const item of value) listTexts.push(valueText(item));
      }
      yield '';
    }
  }
  const labels = nodes.flatMap((node) => node.labels);
  return {
    nodes: nodeFiles,
    relationships: relationshipFiles,
    arrayDelimiter: yield* arrayDelimiterFor([...listTexts, ...labels]),
  };
}

/** The import's files at once (planImport without its pauses). */
export function importPlan(nodes: GraphNode[], relationships: GraphRelationship[]): ImportPlan {
  const planning = planImport(nodes, relationships);
  for (;;) {
    const step = planning.next();
    if (step.done) return step.value;
  }
}

/** A property's cell: lists joined by the array delimiter, the rest as text; null when absent. */
export function importCell(value: JsonValue | undefined, column: Column, arrayDelimiter: string): string | null {
  if (value === undefined || value === null) return null;
  if (column.list && Array.isArray(value)) return value.map(valueText).join(arrayDelimiter);
  return valueText(value);
}
