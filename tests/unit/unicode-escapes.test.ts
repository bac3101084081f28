import { describe, expect, it } from 'vitest';
import { decodeUnicodeEscapes } from '../../server/cypher-console/unicode-escapes.ts';

// The cases of Neo4j's own input stream (CypherInputStream), read the same way.
describe('decodeUnicodeEscapes', () => {
  it.each([
    ['no backslash', 'RETURN 1', 'RETURN 1'],
    ['an escape in code', '\\u0024 x', '$ x'],
    ['several u', '\\uuuuu0024', '$'],
    ['an escape in a quoted name', '`a\\u0060 b`', '`a` b`'],
    ['an escape in a string', "'a\\u0027'", "'a''"],
    ['upper-case hex digits', '\\u00C4', 'Ä'],
    ['an escaped backslash before u: no escape', '\\\\u0024', '\\\\u0024'],
    ['three backslashes: the third starts an escape', '\\\\\\u0024', '\\\\$'],
    ['four backslashes: no escape', '\\\\\\\\u0024', '\\\\\\\\u0024'],
    ['an escape followed by another', '\\uaa3a\\uaa3a', '\uaa3a\uaa3a'],
    ['a backslash escaping another character', "'\\a'", "'\\a'"],
    ['a decoded backslash starts no escape', '\\u005cu0041', '\\u0041'],
    ['a backslash at the end', 'x\\', 'x\\'],
  ])('when the text has %s, it reads as Neo4j reads it', (_case, text, decoded) => {
    expect(decodeUnicodeEscapes(text)).toEqual({ ok: true, text: decoded });
  });

  it.each([
    ['too few digits', '\\u12'],
    ['a non-hex digit', 'RETURN \\u00ZZ'],
    ['nothing after the u', 'x \\u'],
  ])('when an escape has %s, it is an error naming its offset', (_case, text) => {
    expect(decodeUnicodeEscapes(text)).toMatchObject({ ok: false, reason: expect.stringMatching(/offset \d+/) });
  });
});
