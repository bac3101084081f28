import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLength } from '../../../server/domain/export/graph-size.ts';

describe('jsonLength', () => {
  // Text that JSON writes as it is: no quote, backslash or control character to escape.
  const plain = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', ':', ',') });
  const value = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      plain,
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(plain, tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  it("when a value needs no escapes, its length is JSON.stringify's", () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(jsonLength(v)).toBe(JSON.stringify(v).length);
      }),
    );
  });
});
