import { describe, expect, it } from 'vitest';
import { canonicalQuery } from '../../server/cypher-console/canonical-text.ts';

describe('the canonical text of a query', () => {
  it.each([
    ['lines end with LF', 'MATCH (n)\nRETURN n'],
    ['lines end with CRLF', 'MATCH (n) // all\r\nRETURN n'],
    ['a string holds CRLF', "RETURN 'a\r\nb' AS s"],
    ['a string says CR with an escape', "RETURN 'a\\rb' AS s"],
  ])('when %s, the text is unchanged', (_situation, query) => {
    expect(canonicalQuery(query)).toEqual({ ok: true, text: query });
  });

  it.each([
    ['a bare CR ends a comment', '// x\rRETURN 1', /carriage return .* line 1, column 5/],
    ['a CR ends the text', 'RETURN 1\r', /carriage return/],
    ['a CR is in a string on line 2', "MATCH (n)\nRETURN 'a\rb'", /line 2, column 10.*escape \\r/],
    ['a next-line character is there', 'RETURN 1 // x\u0085', /U\+0085.*\\u0085/],
    ['a line separator is there', 'RETURN 1 // x\u2028', /U\+2028/],
    ['a paragraph separator is there', 'RETURN 1 // x\u2029', /U\+2029/],
  ])('when %s, it is refused saying where and what to write', (_situation, query, reason) => {
    const canonical = canonicalQuery(query);
    expect(canonical.ok).toBe(false);
    if (!canonical.ok) expect(canonical.reason).toMatch(reason);
    if (!canonical.ok) expect(canonical.reason).toMatch(/end lines with LF or CRLF/);
  });
});
