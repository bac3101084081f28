// Values and names as Cypher source text, for the scripts the exports write. Nothing in a value
// or a name may end its literal early, on Neo4j 5 or on the embedded engine; where the two would
// read a text differently, it is not written.

import { UnexportableError } from '../errors.ts';

const named = new Map([
  ['\\', '\\\\'],
  ['"', '\\"'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

/**
 * A string as a double-quoted Cypher literal. Backslash, quote, LF, CR and tab get their named
 * escapes; every other control character (C0, DEL, C1), the line and paragraph separators and
 * unpaired surrogates are written as \uXXXX, so a statement is one line of printable text. Other
 * characters (emoji included) are written as they are: the embedded engine does not join
 * \uD83D\uDE00 into one character.
 */
export function cypherString(text: string): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what it escapes
    /[\\"\n\r\t]|[\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => named.get(c) ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `"${escaped}"`;
}

// Neo4j decodes \uXXXX escapes inside backquoted names (so `a\u0060 ...` ends the name early)
// and the embedded engine does not; no single text writes a backslash in a name for both. Control
// characters have no escape inside backquotes at all.
const unwritable =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\\\u0000-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A label, relationship type or property key as a backquoted Cypher name, backquotes doubled
 * (Neo4j 5's only escape there). A name that cannot be written safely (empty, or holding a
 * backslash, a control character or an unpaired surrogate) is an UnexportableError naming it.
 */
export function cypherIdentifier(name: string, kind: 'label' | 'relationship type' | 'property key'): string {
  if (name.length === 0 || unwritable.test(name)) {
    throw new UnexportableError(
      `the ${kind} ${JSON.stringify(name)} cannot be written safely as a Cypher name ` +
        '(empty, or holding a backslash or a control character); export as JSON or GraphML instead',
    );
  }
  return `\`${name.replaceAll('`', '``')}\``;
}

/** A number as Cypher reads it: no "+" in exponents (1e21, not 1e+21). */
function cypherNumber(value: number): string {
  return String(value).replace('e+', 'e');
}

/**
 * A property value as a Cypher literal. Lists stay lists; maps and non-finite numbers, which a
 * property cannot hold in Neo4j, become their JSON text.
 */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? cypherNumber(value) : cypherString(String(value));
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  return cypherString(JSON.stringify(value));
}

/** A property map as a Cypher map literal, null values left out. */
export function cypherMap(properties: Record<string, unknown>): string {
  const entries = Object.entries(properties).filter(([, value]) => value !== null && value !== undefined);
  return `{${entries.map(([key, value]) => `${cypherIdentifier(key, 'property key')}: ${cypherLiteral(value)}`).join(', ')}}`;
}
