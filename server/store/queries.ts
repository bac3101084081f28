import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where every query the app runs lives: one file each, the same text for both stores. */
export const cypherDir = fileURLToPath(new URL('../../cypher/', import.meta.url));

export const queryNames = [
  'counts',
  'labels',
  'node-by-id',
  'node-degrees',
  'property-keys',
  'relationship-types',
  'schema',
  'search',
  'upsert-nodes',
  'upsert-relationships',
  'db-labels',
  'db-relationship-types',
  'neighborhood-counts',
  'neighborhood-step',
  'nodes-by-ids',
  'relationships-among',
  'paths',
  'create-relationships',
  'create-nodes',
  'neighborhood-type-counts',
  'subgraph',
] as const;

export type QueryName = (typeof queryNames)[number];

const cache = new Map<QueryName, string>();

/** Predicates several queries share, written once in cypher/predicates/: `{{name}}` in a query stands for one. */
const predicateMarker = /\{\{([a-z-]+)\}\}/g;

/** A shared predicate's text on one line (its comments dropped), so it fits inside any line of a query. */
export function predicateText(name: string): string {
  const text = readFileSync(`${cypherDir}predicates/${name}.cypher`, 'utf8');
  return `(${text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('//'))
    .map((line) => line.trim())
    .join(' ')})`;
}

/** The query's text as it runs: its shared predicates put in place. */
export function queryText(name: QueryName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(`${cypherDir}${name}.cypher`, 'utf8').replace(predicateMarker, (_, predicate: string) =>
      predicateText(predicate),
    );
    cache.set(name, text);
  }
  return text;
}

export function cypherFiles(): string[] {
  return readdirSync(cypherDir)
    .filter((file) => file.endsWith('.cypher'))
    .sort();
}

/** Splits a multi-statement file (schema.cypher) into statements; line comments are dropped. */
export function statements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

// Labels and relationship types cannot be parameters in Cypher, so the upserts name them with a
// placeholder. Only names of this shape are ever put in its place.
const LABEL = /^[A-Z][A-Za-z0-9]*$/;
const TYPE = /^[A-Z][A-Z0-9_]*$/;

export function upsertNodesFor(label: string): { text: string } {
  if (!LABEL.test(label)) throw new Error(`invalid label "${label}": use PascalCase letters and digits`);
  return { text: queryText('upsert-nodes').replaceAll('__LABEL__', label) };
}

/** paths.cypher over the given relationship types only (`:A|B` in the pattern), or over any. */
export function pathsFor(types: string[]): { text: string } {
  for (const type of types)
    if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}": use UPPER_SNAKE_CASE`);
  const pattern = types.length === 0 ? '' : `:${types.join('|')}`;
  return { text: queryText('paths').replaceAll(':__TYPES__', pattern) };
}

export function upsertRelationshipsFor(type: string): { text: string } {
  if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}": use UPPER_SNAKE_CASE`);
  return { text: queryText('upsert-relationships').replaceAll('__TYPE__', type) };
}

/** create-nodes.cypher for one label: the bulk path for a fresh store (not idempotent). */
export function createNodesFor(label: string): { text: string } {
  if (!LABEL.test(label)) throw new Error(`invalid label "${label}": use PascalCase letters and digits`);
  return { text: queryText('create-nodes').replaceAll('__LABEL__', label) };
}

/** create-relationships.cypher for one type: the bulk path for a fresh store (not idempotent). */
export function createRelationshipsFor(type: string): { text: string } {
  if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}": use UPPER_SNAKE_CASE`);
  return { text: queryText('create-relationships').replaceAll('__TYPE__', type) };
}

/** neighborhood-type-counts.cypher with its __TYPE__ line once per type (at least one). */
export function neighborhoodTypeCountsFor(types: string[]): { text: string } {
  if (types.length === 0) throw new Error('neighborhood-type-counts needs at least one relationship type');
  for (const type of types)
    if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}": use UPPER_SNAKE_CASE`);
  const lines = queryText('neighborhood-type-counts').split('\n');
  const at = lines.findIndex((line) => line.includes('__TYPE__') && !line.trimStart().startsWith('//'));
  const entries = types.map((type) => lines[at]!.replaceAll('__TYPE__', type)).join(',\n');
  return { text: [...lines.slice(0, at), entries, ...lines.slice(at + 1)].join('\n') };
}
