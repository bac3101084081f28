// The guard in front of ad-hoc Cypher: a query runs only if both locks pass it, on the text as
// sent (as the embedded engine reads it: escapes only inside strings) and on the text as Neo4j
// reads it (every \uXXXX escape decoded first, see unicode-escapes.ts). The locks are the parsed
// check (Neo4j's own grammar, parsed-guard.ts) and the lexical one (write-guard.ts). A query that
// passes gets the embedded engine's known differences it runs into (embedded-differences.ts). The
// check is pure and can take long on a pathological query: guard-pool.ts runs it on worker threads.
import type { SimpleTree } from '@neo4j-cypher/language-support';
import { differencesIn } from './embedded-differences.ts';
import { loadCsvSources } from './load-csv-sources.ts';
import { checkParsed, checkTree, parseQuery } from './parsed-guard.ts';
import { decodeUnicodeEscapes } from './unicode-escapes.ts';
import { checkReadOnly, type GuardVerdict } from './write-guard.ts';

/** Queries up to this long get the parsed check's reason for a refusal the lexical check found. */
const preciseReasonLength = 2000;

type Refusal = Extract<GuardVerdict, { ok: false }>;

const asNeo4jReadsIt = (verdict: Refusal): Refusal => ({
  ...verdict,
  reason: `${verdict.reason} (as Neo4j reads the query, with its \\u escapes decoded)`,
});

/** A write refusal with where its LOAD CSV clauses read (writes may be enabled), or why they cannot be told. */
function withFiles(verdict: Refusal & { kind: 'write' }, query: string, escaped: boolean, tree: SimpleTree): Refusal {
  const found = loadCsvSources(query, tree);
  if (!found.ok) return { ok: false, kind: 'invalid', reason: found.reason };
  if (found.sources.length === 0) return verdict;
  if (escaped) {
    const reason = 'LOAD CSV cannot be checked in a query with \\u escapes: write the query without them';
    return { ok: false, kind: 'invalid', reason };
  }
  return { ...verdict, files: found.sources };
}

export function checkQuery(query: string): GuardVerdict {
  const decoded = decodeUnicodeEscapes(query);
  if (!decoded.ok) return { ok: false, kind: 'invalid', reason: decoded.reason };
  const escaped = decoded.text !== query;
  // The lexical check is linear and refuses most writes at once; for a short query the parsed
  // check's reason, which names the parsed procedure or clause, is given instead.
  const lexical = checkReadOnly(query);
  if (!lexical.ok && query.length > preciseReasonLength) return lexical;
  const parsed = parseQuery(decoded.text);
  const checks = [
    () => ('verdict' in parsed ? parsed.verdict : checkTree(decoded.text, parsed.tree)),
    () => lexical,
    ...(escaped ? [() => checkReadOnly(decoded.text), () => checkParsed(query)] : []),
  ];
  for (const [index, check] of checks.entries()) {
    const verdict = check();
    if (verdict.ok) continue;
    const refusal = escaped && index !== 1 ? asNeo4jReadsIt(verdict) : verdict;
    return refusal.kind === 'write' && 'tree' in parsed ? withFiles(refusal, query, escaped, parsed.tree) : refusal;
  }
  const differences = 'tree' in parsed ? differencesIn(parsed.tree) : [];
  return differences.length > 0 ? { ok: true, differences } : { ok: true };
}
