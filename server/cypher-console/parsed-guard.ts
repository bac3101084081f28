// The read-only check that parses: the query goes through Neo4j's own Cypher grammar (the parser of
// @neo4j-cypher/language-support) and is allowed only when every clause in it, at any depth
// (subqueries, EXISTS/COUNT/COLLECT, conditional and chained queries), is a read, every procedure
// it calls is on the read-only list by its parsed name, and every namespaced function is a
// built-in one. The caller gives the text as Neo4j reads it (unicode escapes decoded: see
// unicode-escapes.ts), so a quoted name or a string that an escape closes is seen as Neo4j sees it.
//
// The parser recovers from syntax errors instead of stopping, so the check also refuses a query
// the parser did not read in full (a token it dropped or had to invent), and any write keyword
// that is not a name, wherever the recovery put it. What it lets through with an error left in it
// is a query Neo4j itself refuses to run.
import { getDebugTree, type SimpleTree } from '@neo4j-cypher/language-support';
import { isReadProcedure, READ_PROCEDURES } from './read-procedures.ts';
import type { GuardVerdict } from './write-guard.ts';
import { ADMIN_KEYWORDS, WRITE_KEYWORDS } from './refused-keywords.ts';

/** Clauses that only read. Every other clause (the grammar's list grows) is refused. */
const READ_CLAUSES = new Set([
  'matchClause',
  'withClause',
  'returnClause',
  'unwindClause',
  'filterClause',
  'letClause',
  'forListClause',
  'orderBySkipLimitClause',
  'finishClause',
  'callClause',
  'subqueryClause',
]);

/** Rules refused wherever they appear, with the reason given to the user. */
const REFUSED_RULES = new Map([
  ['createClause', 'CREATE changes data'],
  ['insertClause', 'INSERT changes data'],
  ['mergeClause', 'MERGE changes data'],
  ['setClause', 'SET changes data'],
  ['removeClause', 'REMOVE changes data'],
  ['deleteClause', 'DELETE changes data'],
  ['foreachClause', 'FOREACH runs writes'],
  ['loadCSVClause', 'LOAD CSV reads files and URLs from the database server'],
  ['useClause', 'USE switches to another database'],
  ['command', 'it is an administration command'],
  ['composableCommandClauses', 'SHOW and TERMINATE are administration commands'],
  ['subqueryInTransactionsParameters', 'CALL { ... } IN TRANSACTIONS commits writes in batches'],
  ['localDefinition', 'DEFINE declares procedures and functions'],
  ['consoleCommand', 'console commands (":use", ":param", ...) are not Cypher'],
]);

/** Namespaces of Neo4j's built-in functions; a function in any other namespace (apoc.*, a
 *  plugin's) may run Cypher or reach files and networks, so it is refused. */
const BUILT_IN_FUNCTION_NAMESPACES = new Set([
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
  'point',
  'vector.similarity',
]);
const BUILT_IN_NAMESPACED_FUNCTIONS = new Set(['db.namefromelementid']);

/** Keywords of refused constructs: a token with this text that is not a name is refused. */
const REFUSED_KEYWORDS = new Set([...WRITE_KEYWORDS, ...ADMIN_KEYWORDS, 'SHOW', 'DEFINE', 'TRANSACTIONS']);

/** Rules whose leaves are names (a keyword there is an identifier: `n.set`, `{create: 1}`). */
const NAME_RULES = new Set([
  'unescapedSymbolicNameString_',
  'unescapedSymbolicNameString',
  'escapedSymbolicNameString',
  'preparserKeyword',
]);

/** Rules that can match nothing and then show as a leaf bearing the rule's name. */
const EMPTY_RULES = new Set(['namespace', 'statementOrCommand']);

interface Leaf {
  text: string;
  parent: string;
}

const isLeaf = (tree: SimpleTree) => !tree.children || tree.children.length === 0;

function leavesOf(tree: SimpleTree, parent = '', out: Leaf[] = []): Leaf[] {
  if (isLeaf(tree)) out.push({ text: tree.name, parent });
  else for (const child of tree.children!) leavesOf(child, tree.name, out);
  return out;
}

/** The parts of a procedure or function name as Neo4j resolves them: quotes removed. */
function nameParts(tree: SimpleTree): string[] {
  return leavesOf(tree)
    .filter((leaf) => NAME_RULES.has(leaf.parent))
    .map(({ text }) => (text.startsWith('`') && text.endsWith('`') ? text.slice(1, -1).replaceAll('``', '`') : text));
}

/** The characters Neo4j's lexer takes for whitespace (its SPACE token). */
const SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
  0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Skips what the lexer hides (whitespace, comments) from `position`. */
export function skipHidden(text: string, position: number): number {
  let at = position;
  for (;;) {
    if (at < text.length && SPACE.has(text.charCodeAt(at))) at += 1;
    else if (text.startsWith('//', at)) {
      while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at += 1;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      if (end < 0) return at;
      at = end + 2;
    } else return at;
  }
}

/** The offset where the parse tree stops matching the text, or undefined when it covers all of it. */
function uncoveredOffset(text: string, leaves: Leaf[]): number | undefined {
  let at = 0;
  for (const { text: token } of leaves) {
    if (token === '<EOF>') continue;
    at = skipHidden(text, at);
    if (text.startsWith(token, at)) at += token.length;
    else if (!EMPTY_RULES.has(token)) return at;
  }
  for (at = skipHidden(text, at); text[at] === ';'; at = skipHidden(text, at + 1));
  return at === text.length ? undefined : at;
}

const refuse = (reason: string): GuardVerdict => ({ ok: false, kind: 'write', reason });
const invalid = (reason: string): GuardVerdict => ({ ok: false, kind: 'invalid', reason });

function checkNode(tree: SimpleTree): GuardVerdict | undefined {
  const reason = REFUSED_RULES.get(tree.name);
  if (reason) return refuse(reason);
  const children = tree.children ?? [];
  if (tree.name === 'clause') {
    const clause = children[0]?.name ?? '';
    if (!READ_CLAUSES.has(clause)) return refuse(REFUSED_RULES.get(clause) ?? `${clause} is not on the read-only list`);
  }
  if (tree.name === 'procedureName') {
    const name = nameParts(tree).join('.');
    if (!isReadProcedure(name)) {
      return refuse(`procedure ${name} is not on the read-only list (${READ_PROCEDURES.join(', ')})`);
    }
  }
  if (tree.name === 'functionName') {
    const parts = nameParts(tree);
    const namespace = parts.slice(0, -1).join('.').toLowerCase();
    if (
      parts.length > 1 &&
      !BUILT_IN_FUNCTION_NAMESPACES.has(namespace) &&
      !BUILT_IN_NAMESPACED_FUNCTIONS.has(parts.join('.').toLowerCase())
    ) {
      return refuse(`function ${parts.join('.')} is not a built-in function`);
    }
  }
  for (const child of children) {
    if (isLeaf(child)) {
      const keyword = child.name.toUpperCase();
      if (REFUSED_KEYWORDS.has(keyword) && !NAME_RULES.has(tree.name)) return refuse(`${keyword} is not allowed`);
      if (keyword === 'CALL' && tree.name !== 'callClause' && tree.name !== 'subqueryClause') {
        return invalid('Neo4j cannot read this query: CALL out of place');
      }
    } else {
      const verdict = checkNode(child);
      if (verdict) return verdict;
    }
  }
  return undefined;
}

/** The parse tree of `text`, or why there is none. */
export function parseQuery(text: string): { tree: SimpleTree } | { verdict: GuardVerdict } {
  try {
    return { tree: getDebugTree(text) };
  } catch (error) {
    if (error instanceof RangeError) return { verdict: invalid('the query is nested too deeply to check') };
    throw error;
  }
}

/** The parsed check of `text`, the query as Neo4j reads it, on its parse tree. */
export function checkTree(text: string, tree: SimpleTree): GuardVerdict {
  const statements = (tree.children ?? []).filter((statement) =>
    leavesOf(statement).some((leaf) => leaf.text !== ';' && leaf.text !== '<EOF>' && !EMPTY_RULES.has(leaf.text)),
  );
  if (statements.length === 0) return invalid('the query is empty');
  if (statements.length > 1) return invalid('send one statement per request (found ";" followed by more)');
  const verdict = checkNode(tree);
  if (verdict) return verdict;
  const offset = uncoveredOffset(text, leavesOf(tree));
  if (offset !== undefined) {
    return invalid(`Neo4j's parser cannot read the query from offset ${offset}: "${text.slice(offset, offset + 30)}"`);
  }
  return { ok: true };
}

/** The parsed check of `text`, the query as Neo4j reads it. */
export function checkParsed(text: string): GuardVerdict {
  const parsed = parseQuery(text);
  return 'verdict' in parsed ? parsed.verdict : checkTree(text, parsed.tree);
}
