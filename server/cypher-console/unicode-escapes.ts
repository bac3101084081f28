// Neo4j reads a query through an input stream that replaces every `\uXXXX` escape before its lexer
// sees the text: in strings, in `quoted` names, in comments and in code alike. So `\u0060` inside
// backticks closes the name and `\u0027` inside a string ends the string. The read-only check
// looks at the query as Neo4j will read it, and this is that reading:
// - a backslash not itself escaped, followed by one or more `u` and four hex digits, is the
//   character they name (`\uuu0041` is `A`, as in Java);
// - a backslash escapes the next character, so in `\\u0041` the second backslash is a plain one
//   and no escape follows;
// - `\u` followed by anything but four hex digits is an error (Neo4j refuses the query).

export type DecodedQuery = { ok: true; text: string } | { ok: false; offset: number; reason: string };

const hex = /^[0-9a-fA-F]{4}$/;

export function decodeUnicodeEscapes(query: string): DecodedQuery {
  if (!query.includes('\\')) return { ok: true, text: query };
  let text = '';
  let escaped = false;
  let index = 0;
  while (index < query.length) {
    const char = query[index]!;
    if (char === '\\' && !escaped && query[index + 1] === 'u') {
      let digits = index + 1;
      while (query[digits] === 'u') digits += 1;
      const code = query.slice(digits, digits + 4);
      if (!hex.test(code)) {
        return { ok: false, offset: index, reason: `"\\u" at offset ${index} is not followed by four hex digits` };
      }
      text += String.fromCharCode(parseInt(code, 16));
      index = digits + 4;
      // A decoded backslash starts no escape of its own: Neo4j resets after an escape.
      escaped = false;
      continue;
    }
    escaped = char === '\\' && !escaped;
    text += char;
    index += 1;
  }
  return { ok: true, text };
}
