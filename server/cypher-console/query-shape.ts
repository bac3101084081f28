// A query's shape: what is left of it once names, literals, comments and spacing are set aside and
// every run of a repeated group of tokens is written once. `RETURN (a)--(b)--(c) AS p` and the same
// chain a thousand links long with other names have one shape. It is a fingerprint for refusing a
// query like one that overran the parse budget (overrun-refusals.ts), not a reading of the query:
// where it misreads one, the worst outcome is a query parsed, or refused as too complex, anew.

/** Words kept as themselves: they tell clauses and operators apart where names do not. */
const KEYWORDS = new Set(
  (
    'MATCH OPTIONAL WHERE RETURN WITH UNWIND CALL YIELD ORDER BY SKIP LIMIT UNION ALL DISTINCT AS AND OR XOR NOT ' +
    'IN IS NULL CASE WHEN THEN ELSE END EXISTS COUNT COLLECT CREATE MERGE SET DELETE DETACH REMOVE FOREACH LOAD ' +
    'CSV FROM USE SHOW STARTS ENDS CONTAINS'
  ).split(' '),
);

/** Tokens in a repeated group that is written once; longer groups are taken as they come. */
const longestGroup = 8;
/** Marks "the group before this repeats". */
const repeated = '*';

function tokensOf(query: string): string[] {
  const tokens: string[] = [];
  let index = 0;
  const word = /[\p{L}\p{N}_]+/uy;
  while (index < query.length) {
    const char = query[index]!;
    const next = query[index + 1];
    if (/\s/u.test(char)) index += 1;
    else if (char === '/' && next === '/') {
      while (index < query.length && query[index] !== '\n' && query[index] !== '\r') index += 1;
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', index + 2);
      index = end === -1 ? query.length : end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      let end = index + 1;
      while (end < query.length && query[end] !== char) end += char !== '`' && query[end] === '\\' ? 2 : 1;
      tokens.push(char === '`' ? 'n' : 's');
      index = end + 1;
    } else {
      word.lastIndex = index;
      const match = word.exec(query)?.[0];
      if (match) {
        const upper = match.toUpperCase();
        tokens.push(KEYWORDS.has(upper) ? upper : /^\p{N}/u.test(match) ? '0' : 'n');
        index += match.length;
      } else {
        tokens.push(char);
        index += 1;
      }
    }
  }
  return tokens;
}

const sameGroup = (tokens: string[], first: number, second: number, size: number): boolean => {
  for (let offset = 0; offset < size; offset += 1) if (tokens[first + offset] !== tokens[second + offset]) return false;
  return true;
};

/** Writes each run of two or more copies of a `size`-token group once, followed by the marker. */
function collapse(tokens: string[], size: number): string[] {
  const out: string[] = [];
  let index = 0;
  while (index < tokens.length) {
    let end = index + size;
    while (end + size <= tokens.length && sameGroup(tokens, index, end, size)) end += size;
    if (end > index + size) {
      out.push(...tokens.slice(index, index + size), repeated);
      index = end;
    } else {
      out.push(tokens[index]!);
      index += 1;
    }
  }
  return out;
}

/** The query's shape (see the top of this file), in time linear in its length. */
export function shapeOf(query: string): string {
  let tokens = tokensOf(query);
  for (let size = 1; size <= longestGroup; size += 1) tokens = collapse(tokens, size);
  return tokens.join(' ');
}
