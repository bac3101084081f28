// A lexical check that refuses writes with a clear message before a query reaches the store.
// It is the first of two locks: the store underneath is itself read-only (a read-only handle on
// the embedded store, a READ access-mode session on Neo4j), so a query this check misses still
// cannot change data. It errs on the side of refusing.

const WRITE_CLAUSES = ['CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'FOREACH', 'LOAD', 'INSERT'];
const ADMIN_COMMANDS = [
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'RENAME',
  'START',
  'STOP',
  'TERMINATE',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
  'USE',
  'FINISH',
];

/** Procedures that only read; every other CALL of a named procedure is refused. */
const READ_PROCEDURES = [
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
];
const READ_PROCEDURE_KEYS = new Set(READ_PROCEDURES.map((name) => name.toLowerCase()));

export type GuardVerdict = { ok: true } | { ok: false; kind: 'write' | 'invalid'; reason: string };

/** Replaces comments, string literals and `quoted` names with spaces, keeping offsets. */
function blankOutLiterals(query: string): { code: string; problem?: string } {
  let code = '';
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    const next = query[index + 1];
    if (char === '/' && next === '/') {
      const end = query.indexOf('\n', index);
      const stop = end === -1 ? query.length : end;
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

export function checkReadOnly(query: string): GuardVerdict {
  const { code, problem } = blankOutLiterals(query);
  if (problem) return { ok: false, kind: 'invalid', reason: `the query has an ${problem}` };
  if (code.includes('\\'))
    return { ok: false, kind: 'invalid', reason: 'escape sequences are only allowed inside strings' };

  const words = code.matchAll(/[\p{L}_][\p{L}\p{N}_.]*/gu);
  for (const match of words) {
    const word = match[0];
    const before = code.slice(0, match.index).trimEnd().at(-1);
    const after = code.slice(match.index + word.length).trimStart()[0];
    // A property (n.set), label (:Delete), parameter ($create) or map key ({set: 1}) is not a clause.
    if (before === '.' || before === ':' || before === '$' || after === ':') continue;
    const upper = word.toUpperCase();
    if (WRITE_CLAUSES.includes(upper)) {
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
      const procedure = code.slice(match.index + word.length).match(/^\s*([\p{L}_][\p{L}\p{N}_.]*)/u)?.[1];
      if (procedure && !READ_PROCEDURE_KEYS.has(procedure.toLowerCase())) {
        return {
          ok: false,
          kind: 'write',
          reason: `procedure ${procedure} is not on the read-only list (${READ_PROCEDURES.join(', ')})`,
        };
      }
    }
  }
  if (/;\s*\S/.test(code))
    return { ok: false, kind: 'invalid', reason: 'send one statement per request (found ";" followed by more)' };
  return { ok: true };
}
