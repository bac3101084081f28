// The lexical read-only check: refuses writes with a clear message before a query reaches the
// store, reading the text as words outside strings, comments and quoted names. It is the second
// of the guard's locks (read-only-check.ts runs it beside the parsed check, on the text as sent
// and as Neo4j reads it), and the store underneath is itself read-only (a read-only handle on the
// embedded store, a READ access-mode session on Neo4j). It errs on the side of refusing.
import type { FileSource } from './load-csv-sources.ts';
import { isReadProcedure, READ_PROCEDURES } from './read-procedures.ts';
import { ADMIN_KEYWORDS, WRITE_KEYWORDS } from './refused-keywords.ts';

// FINISH is refused by this lock alone (it errs on the side of refusing); the parsed lock's
// extras are in parsed-guard.ts.
const ADMIN_COMMANDS = [...ADMIN_KEYWORDS, 'FINISH'];

export type GuardVerdict =
  /** `differences`: ids of the embedded engine's known differences from Neo4j the query runs into. */
  | { ok: true; differences?: string[] }
  /** `files`: where its LOAD CSV clauses read, for the import folder's check when writes are enabled. */
  | { ok: false; kind: 'write'; reason: string; files?: FileSource[] }
  | { ok: false; kind: 'invalid'; reason: string };

/** Replaces comments, string literals and `quoted` names with spaces, keeping offsets. */
export function blankOutLiterals(query: string): { code: string; problem?: string } {
  let code = '';
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    const next = query[index + 1];
    if (char === '/' && next === '/') {
      // A line comment ends at either line break (Neo4j's lexer): `// x\rCREATE` is a CREATE.
      let stop = index + 2;
      while (stop < query.length && query[stop] !== '\n' && query[stop] !== '\r') stop += 1;
      code += ' '.repeat(stop - index);
      index = stop;
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', index + 2);
      if (end === -1) return { code, problem: 'unterminated /* comment' };
      code += ' '.repeat(end + 2 - index);
      index = end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      let end = index + 1;
      while (end < query.length && query[end] !== char) end += char !== '`' && query[end] === '\\' ? 2 : 1;
      if (end >= query.length) return { code, problem: `unterminated ${char === '`' ? 'quoted name' : 'string'}` };
      code += char + ' '.repeat(end - index - 1) + char;
      index = end + 1;
    } else {
      code += char;
      index += 1;
    }
  }
  return { code };
}

/** The index of the first non-space character from `index` in `direction` (may be out of range). */
function skipSpace(code: string, index: number, direction: 1 | -1): number {
  let at = index;
  while (at >= 0 && at < code.length && /\s/.test(code[at]!)) at += direction;
  return at;
}

export function checkReadOnly(query: string): GuardVerdict {
  const { code, problem } = blankOutLiterals(query);
  if (problem) return { ok: false, kind: 'invalid', reason: `the query has an ${problem}` };
  if (code.includes('\\'))
    return { ok: false, kind: 'invalid', reason: 'escape sequences are only allowed inside strings' };

  const words = code.matchAll(/[\p{L}_][\p{L}\p{N}_.]*/gu);
  for (const match of words) {
    const word = match[0];
    const before = code[skipSpace(code, match.index - 1, -1)];
    const after = code[skipSpace(code, match.index + word.length, 1)];
    // A property (n.set), label (:Delete), parameter ($create) or map key ({set: 1}) is not a clause.
    if (before === '.' || before === ':' || before === '$' || after === ':') continue;
    const upper = word.toUpperCase();
    if (WRITE_KEYWORDS.includes(upper)) {
      return {
        ok: false,
        kind: 'write',
        reason: `${upper === 'LOAD' ? 'LOAD CSV' : upper} changes data or reads files, and writes are not enabled on this server`,
      };
    }
    if (ADMIN_COMMANDS.includes(upper)) {
      return {
        ok: false,
        kind: 'write',
        reason: `${upper} is an administration command, and writes are not enabled on this server`,
      };
    }
    if (upper === 'CALL') {
      const start = skipSpace(code, match.index + word.length, 1);
      // A subquery: CALL { ... } or CALL (x) { ... }; anything else names a procedure.
      if (code[start] === '{' || code[start] === '(') continue;
      const procedure = /[\p{L}_][\p{L}\p{N}_.]*/uy.exec(code.slice(start, start + 200))?.[0] ?? '';
      const end = skipSpace(code, start + procedure.length, 1);
      // A quoted part (`apoc`.`load`) is blanked out here: the name cannot be read, so refuse.
      if (!isReadProcedure(procedure) || code[end] === '.' || code[end] === '`') {
        return {
          ok: false,
          kind: 'write',
          reason: `procedure ${procedure || '(a quoted name)'} is not on the read-only list (${READ_PROCEDURES.join(', ')})`,
        };
      }
    }
  }
  if (/;\s*\S/.test(code))
    return { ok: false, kind: 'invalid', reason: 'send one statement per request (found ";" followed by more)' };
  return { ok: true };
}
