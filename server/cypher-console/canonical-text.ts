// The one text the guard's lexers and the engine both read. They disagree on line terminators:
// Neo4j's lexer (which the guard follows) ends a `//` comment at a carriage return, the embedded
// engine only at a line feed, so after `// x\r` the engine runs as code what the guard read as a
// string or a comment. Neo4j also takes U+0085, U+2028 and U+2029 for spaces, the engine does not.
// A query holding any of them, except the CR of a CRLF pair, is refused rather than rewritten:
// rewriting a CR inside a string literal would change the user's data, and a string can always
// say it with an escape. CRLF is read alike by all of them (the comment ends before the LF in
// Neo4j's reading and at it in the engine's; both then skip the LF as a space), so Windows line
// ends keep working unchanged.

export type CanonicalQuery = { ok: true; text: string } | { ok: false; reason: string };

const terminators = /\r(?!\n)|[\u0085\u2028\u2029]/;

/** Each refused character: how the refusal names it, and the escape a string can say it with. */
const refused = new Map([
  ['\r', { name: 'a carriage return (CR) not followed by a line feed', escape: '\\r' }],
  ['\u0085', { name: 'a next-line character (U+0085)', escape: '\\u0085' }],
  ['\u2028', { name: 'a line separator (U+2028)', escape: '\\u2028' }],
  ['\u2029', { name: 'a paragraph separator (U+2029)', escape: '\\u2029' }],
]);

/** The query as both the guard and the engine will read it, or why it cannot be sent as it is. */
export function canonicalQuery(query: string): CanonicalQuery {
  const found = terminators.exec(query);
  if (!found) return { ok: true, text: query };
  const { name, escape } = refused.get(found[0])!;
  const before = query.slice(0, found.index);
  const line = before.split('\n').length;
  const column = found.index - before.lastIndexOf('\n');
  return {
    ok: false,
    reason:
      `the query has ${name} at line ${line}, column ${column}: end lines with LF or CRLF, ` +
      `and inside a string write it as the escape ${escape}`,
  };
}
