// Where a query's LOAD CSV clauses read from, as both of the guard's locks locate them: Neo4j's
// parse tree names each clause and the literal after FROM, and the lexical lock's reading must
// count as many LOAD keywords. Only a string literal (no escapes) can be checked against the
// import folder, so a FROM of anything else (a parameter, a variable, a concatenation) is refused.
import type { SimpleTree } from '@neo4j-cypher/language-support';
import { skipHidden } from './parsed-guard.ts';
import { blankOutLiterals } from './write-guard.ts';

/** A LOAD CSV source: the string literal after FROM (its quotes from `start` to `end`) and its text. */
export interface FileSource {
  start: number;
  end: number;
  url: string;
}

export type LoadCsvSources = { ok: true; sources: FileSource[] } | { ok: false; reason: string };

/** Rules that can match nothing and then show as a leaf bearing the rule's name. */
const EMPTY_RULES = new Set(['namespace', 'statementOrCommand']);

interface Positioned {
  token: string;
  at?: number;
}

/** Every leaf of the tree with its offset in `text` (as the parsed lock walks it). */
function positioned(text: string, tree: SimpleTree): Map<SimpleTree, Positioned> {
  const out = new Map<SimpleTree, Positioned>();
  let cursor = 0;
  const walk = (node: SimpleTree) => {
    if (node.children && node.children.length > 0) {
      node.children.forEach(walk);
      return;
    }
    if (node.name === '<EOF>') return;
    const at = skipHidden(text, cursor);
    if (text.startsWith(node.name, at)) {
      out.set(node, { token: node.name, at });
      cursor = at + node.name.length;
    } else if (!EMPTY_RULES.has(node.name)) out.set(node, { token: node.name });
  };
  walk(tree);
  return out;
}

function clauses(tree: SimpleTree, out: SimpleTree[] = []): SimpleTree[] {
  if (tree.name === 'loadCSVClause') out.push(tree);
  for (const child of tree.children ?? []) clauses(child, out);
  return out;
}

function leaves(tree: SimpleTree, out: SimpleTree[] = []): SimpleTree[] {
  if (!tree.children || tree.children.length === 0) out.push(tree);
  else for (const child of tree.children) leaves(child, out);
  return out;
}

/** LOAD keywords the lexical lock reads as clauses (not a property, label, parameter or map key). */
const lexicalLoads = (query: string) =>
  [...blankOutLiterals(query).code.matchAll(/(?<![.:$]\s*)\bLOAD\b(?!\s*:)/giu)].length;

/** The sources of the LOAD CSV clauses in `text` (the query as sent, parsed into `tree`). */
export function loadCsvSources(text: string, tree: SimpleTree): LoadCsvSources {
  const found = clauses(tree);
  if (found.length === 0) return { ok: true, sources: [] };
  if (lexicalLoads(text) !== found.length) {
    return { ok: false, reason: 'the LOAD CSV clauses cannot be located alike by both checks: write them plainly' };
  }
  const positions = positioned(text, tree);
  const sources: FileSource[] = [];
  for (const clause of found) {
    const children = clause.children ?? [];
    const from = children.findIndex((child) => child.name.toUpperCase() === 'FROM');
    const expression = from >= 0 ? leaves(children[from + 1]!) : [];
    const literal = expression.length === 1 ? positions.get(expression[0]!) : undefined;
    const quote = literal?.token[0];
    if (!literal || literal.at === undefined || (quote !== "'" && quote !== '"') || literal.token.includes('\\')) {
      return {
        ok: false,
        reason:
          "LOAD CSV FROM takes only a string literal, without escapes, naming a file in the import folder: e.g. FROM 'file:///people.csv'",
      };
    }
    sources.push({ start: literal.at, end: literal.at + literal.token.length, url: literal.token.slice(1, -1) });
  }
  return { ok: true, sources };
}
