import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where every query the app runs lives: one file each, the same text for both stores, except
 *  where a store needs its own (see queryText). */
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
  'search-index',
  'search-exact',
  'hub-summaries',
  'hubs',
  'set-hub-summaries',
  'node-type-degrees',
  'hub-recent',
  'path-neighbours',
  'path-links',
  'path-link-relationships',
  'path-costs',
] as const;

export type QueryName = (typeof queryNames)[number];

/** A store that runs some query as a text of its own: `<name>.<store>.cypher` beside `<name>.cypher`
 *  (the Neo4j form, which the linter checks), where the engine has another API for the same thing. */
export type StoreVariant = 'embedded';

const cache = new Map<string, string>();

/** The text of a named query, in the store's own form where cypher/ has one. */
export function queryText(name: QueryName, store?: StoreVariant): string {
  const key = store ? `${name}.${store}` : name;
  let text = cache.get(key);
  if (text === undefined) {
    const own = store ? `${cypherDir}${name}.${store}.cypher` : undefined;
    text = readFileSync(own && existsSync(own) ? own : `${cypherDir}${name}.cypher`, 'utf8');
    cache.set(key, text);
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
  return overTypes('paths', types);
}

/** A query with `:__TYPES__` in its pattern (paths.cypher, path-*.cypher) over the given types, or any. */
export function overTypes(
  name: 'paths' | 'path-neighbours' | 'path-links' | 'path-link-relationships',
  types: string[],
): { text: string } {
  for (const type of types)
    if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}": use UPPER_SNAKE_CASE`);
  const pattern = types.length === 0 ? '' : `:${types.join('|')}`;
  return { text: queryText(name).replaceAll(':__TYPES__', pattern) };
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
  return { text: repeatTypeLine('neighborhood-type-counts', types) };
}

/** node-type-degrees.cypher with its __TYPE__ line once per type (at least one). */
export function nodeTypeDegreesFor(types: string[]): { text: string } {
  return { text: repeatTypeLine('node-type-degrees', types) };
}

/** A query's one line with __TYPE__ (a map entry), once per type, comma-separated. */
function repeatTypeLine(name: QueryName, types: string[]): string {
  if (types.length === 0) throw new Error(`${name} needs at least one relationship type`);
  for (const type of types)
    if (!TYPE.test(type)) throw new Error(`invalid relationship type "${type}": use UPPER_SNAKE_CASE`);
  const lines = queryText(name).split('\n');
  const at = lines.findIndex((line) => line.includes('__TYPE__') && !line.trimStart().startsWith('//'));
  const entries = types.map((type) => lines[at]!.replaceAll('__TYPE__', type)).join(',\n');
  return [...lines.slice(0, at), entries, ...lines.slice(at + 1)].join('\n');
}
