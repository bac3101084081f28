// The graph's schema: labels, relationship types, property keys; and checks of user-given names.
import type { SchemaResponse } from '../../common/api.ts';
import type { GraphStore } from '../store/port.ts';
import { InvalidFieldError } from './errors.ts';

export async function readSchema(store: GraphStore): Promise<SchemaResponse> {
  const [labels, types, keys] = await Promise.all([
    store.read('labels'),
    store.read('relationship-types'),
    store.read('property-keys'),
  ]);
  return {
    labels: labels.rows.map((row) => ({ label: String(row.label), count: Number(row.count) })),
    relationshipTypes: types.rows.map((row) => ({ type: String(row.type), count: Number(row.count) })),
    propertyKeys: keys.rows.map((row) => String(row.propertyKey)),
  };
}

export interface StoreCounts {
  nodes: number;
  relationships: number;
}

export async function storeCounts(store: GraphStore): Promise<StoreCounts> {
  const { rows } = await store.read('counts');
  return { nodes: Number(rows[0]?.nodes ?? 0), relationships: Number(rows[0]?.relationships ?? 0) };
}

function checkNames(field: string, kind: string, given: string[], known: string[]): string[] {
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `"${name}"`).join(', ');
    throw new InvalidFieldError(field, `unknown ${kind} ${list}; known: ${known.join(', ')}`);
  }
  return given;
}

/** The labels, if every one is a label the database knows; else an InvalidFieldError. */
export async function checkLabels(store: GraphStore, labels: string[], field = 'labels'): Promise<string[]> {
  if (labels.length === 0) return labels;
  const { rows } = await store.read('db-labels');
  return checkNames(
    field,
    'label',
    labels,
    rows.map((row) => String(row.label)),
  );
}

/** The types, if every one is a relationship type the database knows; else an InvalidFieldError. */
export async function checkTypes(store: GraphStore, types: string[], field = 'types'): Promise<string[]> {
  if (types.length === 0) return types;
  const { rows } = await store.read('db-relationship-types');
  return checkNames(
    field,
    'relationship type',
    types,
    rows.map((row) => String(row.type)),
  );
}
