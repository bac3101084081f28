// The files of a Neo4j bulk import, shared by the neo4j-admin CSVs and the LOAD CSV script that
// reads the same files: one file per label set and per relationship type, neo4j-admin's headers
// (id:ID, :LABEL; :START_ID, :END_ID, :TYPE; every property with its type, name:long or
// name:string[]), and an array delimiter no list element or label contains.
import type { JsonValue } from '../../../common/api.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { storedProperties } from '../elements.ts';
import type { Column } from './columns.ts';
import { propertyColumns, valueText } from './columns.ts';
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
function arrayDelimiterFor(texts: string[]): string {
  const used = (c: string) => texts.some((text) => text.includes(c));
  const found = candidates.find((c) => !used(c));
  if (found) return found;
  for (let code = 0xe000; ; code++) if (!used(String.fromCharCode(code))) return String.fromCharCode(code);
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

export function importPlan(nodes: GraphNode[], relationships: GraphRelationship[]): ImportPlan {
  const name = fileNamer();
  const labelSet = (node: GraphNode) => [...node.labels].sort();
  const nodeFiles = groupBy(nodes, (node) => JSON.stringify(labelSet(node))).map((group): ImportFile<GraphNode> => {
    const properties = group.map((node) => ({ ...storedProperties(node.properties), id: node.id }));
    const columns = propertyColumns(properties, ['id']);
    const names = labelSet(group[0]!);
    const shown = names.filter((label) => label !== 'Entity');
    return {
      file: name('nodes', shown.length > 0 ? shown : names),
      names,
      columns,
      headers: ['id:ID', ':LABEL', ...columns.map(headerOf)],
      items: group,
      properties,
    };
  });
  const relationshipFiles = groupBy(relationships, (r) => r.type).map((group): ImportFile<GraphRelationship> => {
    const properties = group.map((r) => ({ ...storedProperties(r.properties), id: r.id }));
    const columns = propertyColumns(properties);
    return {
      file: name('relationships', [group[0]!.type]),
      names: [group[0]!.type],
      columns,
      headers: [':START_ID', ':END_ID', ':TYPE', ...columns.map(headerOf)],
      items: group,
      properties,
    };
  });
  const listTexts = [...nodeFiles, ...relationshipFiles].flatMap((file) =>
    file.columns
      .filter((column) => column.list)
      .flatMap((column) => file.properties.flatMap((p) => [ownValue(p, column.name)].filter(Array.isArray).flat()))
      .map((item) => valueText(item as JsonValue)),
  );
  const labels = nodes.flatMap((node) => node.labels);
  return {
    nodes: nodeFiles,
    relationships: relationshipFiles,
    arrayDelimiter: arrayDelimiterFor([...listTexts, ...labels]),
  };
}

/** A property's cell: lists joined by the array delimiter, the rest as text; null when absent. */
export function importCell(value: JsonValue | undefined, column: Column, arrayDelimiter: string): string | null {
  if (value === undefined || value === null) return null;
  if (column.list && Array.isArray(value)) return value.map(valueText).join(arrayDelimiter);
  return valueText(value);
}
