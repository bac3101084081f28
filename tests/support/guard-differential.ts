// The differential check of the guard against the embedded engine: do they agree on what is a
// comment, a string and a name? Probes are `RETURN 0 AS m0` followed by columns, comments, string
// and quoted-name columns whose bodies mix quotes, comment marks, escapes, column-like text and
// every line terminator. The engine's tokenisation is observed through the columns it returns (a
// column the guard read as comment or string text shows up only if the engine read it as code);
// the guard's through the lexical lock's blanked text (write-guard.ts) and through Neo4j's parse
// tree as the parsed lock sees it (parsed-guard.ts), both on the text as sent, which is what the
// engine reads. Only canonical texts reach either (canonical-text.ts); the rest must be refused.
import { getDebugTree, type SimpleTree } from '@neo4j-cypher/language-support';
import fc from 'fast-check';
import { canonicalQuery } from '../../server/cypher-console/canonical-text.ts';
import { checkParsed } from '../../server/cypher-console/parsed-guard.ts';
import { blankOutLiterals } from '../../server/cypher-console/write-guard.ts';
import type { GraphStore } from '../../server/store/port.ts';

/** Line ends the canonical text keeps, and those it refuses. */
const kept = ['\n', '\r\n', '\u000b', '\u000c'];
const refused = ['\r', '\u0085', '\u2028', '\u2029'];
/** Mostly kept ones, so that most probes reach the engine. */
const terminator = fc.oneof(
  { arbitrary: fc.constantFrom(...kept), weight: 6 },
  { arbitrary: fc.constantFrom(...refused), weight: 1 },
);

const atoms = [
  'x',
  ' ',
  ',',
  "'",
  '"',
  '`',
  '``',
  '//',
  '/*',
  '*/',
  '\\',
  "\\'",
  '\\"',
  '\\\\',
  '\\n',
  '\\u0027',
  '\\u000a',
  '\\u0060',
  'MARKER',
];

type Item =
  | { kind: 'column' }
  | { kind: 'line-comment'; body: string[]; end: string }
  | { kind: 'block-comment'; body: string[] }
  | { kind: 'string'; quote: "'" | '"'; body: string[] }
  | { kind: 'name'; body: string[] }
  | { kind: 'space'; text: string };

const body = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...atoms), weight: 5 }, terminator), { maxLength: 6 });

const item: fc.Arbitrary<Item> = fc.oneof(
  fc.constant({ kind: 'column' as const }),
  fc.record({ kind: fc.constant('line-comment' as const), body, end: fc.oneof(terminator, fc.constant('')) }),
  fc.record({ kind: fc.constant('block-comment' as const), body }),
  fc.record({ kind: fc.constant('string' as const), quote: fc.constantFrom("'" as const, '"' as const), body }),
  fc.record({ kind: fc.constant('name' as const), body }),
  fc.record({ kind: fc.constant('space' as const), text: fc.oneof(fc.constant(' '), terminator) }),
);

/** Generated probes: `RETURN 0 AS m0` and then up to eight items; every column has its own name. */
export const probe: fc.Arbitrary<string> = fc.array(item, { maxLength: 8 }).map((items) => {
  let next = 1;
  const column = () => `m${next++}`;
  const text = (parts: string[]) => parts.map((part) => (part === 'MARKER' ? `, 9 AS ${column()}` : part)).join('');
  let query = 'RETURN 0 AS m0';
  for (const part of items) {
    if (part.kind === 'column') query += `, ${next} AS ${column()}`;
    else if (part.kind === 'line-comment') query += ` //${text(part.body)}${part.end}`;
    else if (part.kind === 'block-comment') query += ` /*${text(part.body)}*/`;
    else if (part.kind === 'string') query += `, ${part.quote}${text(part.body)}${part.quote} AS ${column()}`;
    else if (part.kind === 'name') query += `, ${next} AS \`${text(part.body)}\``;
    else query += part.text;
  }
  return query;
});

/** A returned column: its alias, or null when the query gives none (the engine then names it). */
type Column = string | null;

const alias = /\bAS\s+(?:([\p{L}_][\p{L}\p{N}_]*)|`( *)`)\s*$/u;

/** The columns as the lexical lock reads the text (it keeps offsets), or why it cannot read it. */
export function lexicalColumns(query: string): Column[] | string {
  const { code, problem } = blankOutLiterals(query);
  if (problem) return problem;
  const columns: Column[] = [];
  let depth = 0;
  let start = code.indexOf('RETURN') + 'RETURN'.length;
  const item = (end: number) => {
    const match = alias.exec(code.slice(start, end));
    if (!match) columns.push(null);
    else if (match[1] !== undefined) columns.push(match[1]);
    else {
      const from = start + match.index + match[0].trimEnd().length - match[2]!.length - 1;
      columns.push(query.slice(from, from + match[2]!.length));
    }
  };
  for (let at = start; at < code.length; at += 1) {
    if ('([{'.includes(code[at]!)) depth += 1;
    else if (')]}'.includes(code[at]!)) depth -= 1;
    else if (code[at] === ',' && depth === 0) {
      item(at);
      start = at + 1;
    }
  }
  item(code.length);
  return columns;
}

const isLeaf = (tree: SimpleTree) => !tree.children || tree.children.length === 0;

function leaves(tree: SimpleTree, parent = '', out: { text: string; parent: string }[] = []) {
  if (isLeaf(tree)) out.push({ text: tree.name, parent });
  else for (const child of tree.children!) leaves(child, tree.name, out);
  return out;
}

function returnItems(tree: SimpleTree, out: SimpleTree[] = []): SimpleTree[] {
  if (tree.name === 'returnItem') out.push(tree);
  else for (const child of tree.children ?? []) returnItems(child, out);
  return out;
}

/** The columns as Neo4j's parser reads the text, or undefined when the parsed lock refuses it. */
export function parsedColumns(query: string): Column[] | undefined {
  if (!checkParsed(query).ok) return undefined;
  return returnItems(getDebugTree(query)).map((item) => {
    const tokens = leaves(item);
    const as = tokens.findIndex(({ text, parent }) => parent === 'returnItem' && text.toUpperCase() === 'AS');
    if (as < 0) return null;
    const name = tokens[as + 1]!.text;
    return name.startsWith('`') ? name.slice(1, -1).replaceAll('``', '`') : name;
  });
}

export type Disagreement = { query: string; engine: string[]; lexical: Column[]; parsed?: Column[] };

export type Outcome =
  | { kind: 'refused as not canonical' }
  | { kind: 'engine refused' }
  /** The lexical lock cannot read it (an unterminated comment, string or name) and refuses it,
   *  where the engine runs it (it ends a `/*` comment at the end of the text). */
  | { kind: 'guard refused' }
  | { kind: 'agreed' }
  | ({ kind: 'disagreed' } & Disagreement);

/** Runs one probe through the canonical text, the engine and both of the guard's readings. */
export async function compare(store: GraphStore, query: string): Promise<Outcome> {
  if (!canonicalQuery(query).ok) return { kind: 'refused as not canonical' };
  let engine: string[];
  try {
    engine = (await store.read({ text: query })).columns;
  } catch {
    return { kind: 'engine refused' };
  }
  const lexical = lexicalColumns(query);
  if (typeof lexical === 'string') return { kind: 'guard refused' };
  const parsed = parsedColumns(query);
  const same = (view: Column[]) =>
    view.length === engine.length && view.every((name, index) => name === null || name === engine[index]);
  if (same(lexical) && (parsed === undefined || same(parsed))) return { kind: 'agreed' };
  return { kind: 'disagreed', query, engine, lexical, parsed };
}
