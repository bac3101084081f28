import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
  'curated-claims',
  'delete-relationships-from',
  'source-by-id',
  'source-claims',
  'source-claim-count',
  'source-quotes',
  'between',
  'between-count',
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

const fragmentsDir = `${cypherDir}fragments/`;
const cache = new Map<string, string>();

/** A store that runs some query as a text of its own: `<name>.<store>.cypher` beside `<name>.cypher`
 *  (the Neo4j form, which the linter checks), where the engine has another API for the same thing. */
export type StoreVariant = 'embedded';

const withoutComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();

/**
 * `{{name}}` in a query file stands for cypher/fragments/name.cypher: a predicate written once.
 * A fragment is one expression, included on one line (its line breaks become spaces), so code
 * that handles a query line by line (neighborhoodTypeCountsFor) sees the fragment whole.
 */
function expandFragments(text: string, seen: string[] = []): string {
  return text.replace(/\{\{([a-z-]+)\}\}/g, (_match, fragment: string) => {
    if (seen.includes(fragment)) throw new Error(`cypher fragment ${fragment} includes itself`);
    const body = withoutComments(readFileSync(`${fragmentsDir}${fragment}.cypher`, 'utf8')).replace(/\s*\n\s*/g, ' ');
    return expandFragments(body, [...seen, fragment]);
  });
}

/** A query's text as it runs, fragments expanded, in the store's own form where cypher/ has one. */
export function queryText(name: QueryName, store?: StoreVariant): string {
  const key = store ? `${name}.${store}` : name;
  let text = cache.get(key);
  if (text === undefined) {
    const own = store ? `${cypherDir}${name}.${store}.cypher` : undefined;
    text = expandFragments(readFileSync(own && existsSync(own) ? own : `${cypherDir}${name}.cypher`, 'utf8'));
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
  return withoutComments(text)
    .split(';')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * A label or relationship type that may be written into query text. Cypher takes neither as a
 * parameter, so query files name them with placeholders (__LABEL__, __TYPE__, :__TYPES__), and
 * only names that passed `cypherName` ever take their place: letters, digits and underscores,
 * which need no quoting on either store. Callers check request names against the database's own
 * first; this is the last gate, not the only one.
 */
export type CypherName = string & { readonly __checked: unique symbol };

const nameShapes = {
  label: { shape: /^[A-Z][A-Za-z0-9]*$/, hint: 'use PascalCase letters and digits' },
  type: { shape: /^[A-Z][A-Z0-9_]*$/, hint: 'use UPPER_SNAKE_CASE' },
} as const;

export function cypherName(kind: keyof typeof nameShapes, name: string): CypherName {
  const { shape, hint } = nameShapes[kind];
  if (!shape.test(name)) throw new Error(`invalid ${kind === 'type' ? 'relationship type' : kind} "${name}": ${hint}`);
  return name as CypherName;
}

interface Slots {
  /** __LABEL__: one label. */
  label?: CypherName;
  /** __TYPE__: one relationship type. */
  type?: CypherName;
  /** :__TYPES__ in a pattern: any of these types (`:A|B`), or any type at all when empty. */
  types?: CypherName[];
}

const placeholders = { label: '__LABEL__', type: '__TYPE__', types: ':__TYPES__' } as const;

/** A query with its placeholders filled by checked names; a slot the file lacks, or leaves unfilled, throws. */
export function queryWith(name: QueryName, slots: Slots): { text: string; from: QueryName } {
  let text = queryText(name);
  for (const slot of Object.keys(placeholders) as (keyof Slots)[]) {
    const placeholder = placeholders[slot];
    const value = slots[slot];
    if (value === undefined) {
      if (text.includes(placeholder)) throw new Error(`${name}.cypher needs a ${slot} for ${placeholder}`);
      continue;
    }
    if (!text.includes(placeholder)) throw new Error(`${name}.cypher has no ${placeholder} to fill`);
    const filled = Array.isArray(value) ? (value.length === 0 ? '' : `:${value.join('|')}`) : value;
    text = text.replaceAll(placeholder, filled);
  }
  return { text, from: name };
}

export const upsertNodesFor = (label: string) => queryWith('upsert-nodes', { label: cypherName('label', label) });
export const createNodesFor = (label: string) => queryWith('create-nodes', { label: cypherName('label', label) });
export const upsertRelationshipsFor = (type: string) =>
  queryWith('upsert-relationships', { type: cypherName('type', type) });
export const createRelationshipsFor = (type: string) =>
  queryWith('create-relationships', { type: cypherName('type', type) });
/** A query with `:__TYPES__` in its pattern (paths.cypher, path-*.cypher) over the given types, or any. */
export const overTypes = (
  name: 'paths' | 'path-neighbours' | 'path-links' | 'path-link-relationships',
  types: string[],
) => queryWith(name, { types: types.map((type) => cypherName('type', type)) });

/** paths.cypher over the given relationship types only, or over any. */
export const pathsFor = (types: string[]) => overTypes('paths', types);

/** neighborhood-type-counts.cypher with its __TYPE__ line once per type (at least one). */
export const neighborhoodTypeCountsFor = (types: string[]) => repeatTypeLine('neighborhood-type-counts', types);

/** node-type-degrees.cypher with its __TYPE__ line once per type (at least one). */
export const nodeTypeDegreesFor = (types: string[]) => repeatTypeLine('node-type-degrees', types);

/** A query's one line with __TYPE__ (a map entry), once per checked type, comma-separated. */
function repeatTypeLine(name: QueryName, types: string[]): { text: string; from: QueryName } {
  if (types.length === 0) throw new Error(`${name} needs at least one relationship type`);
  const names = types.map((type) => cypherName('type', type));
  const lines = queryText(name).split('\n');
  const at = lines.findIndex((line) => line.includes('__TYPE__') && !line.trimStart().startsWith('//'));
  const entries = names.map((type) => lines[at]!.replaceAll('__TYPE__', type)).join(',\n');
  return { text: [...lines.slice(0, at), entries, ...lines.slice(at + 1)].join('\n'), from: name };
}
