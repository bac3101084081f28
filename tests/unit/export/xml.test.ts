import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeAttribute, escapeText, xmlChars, xmlDocument } from '../../../server/domain/export/xml.ts';
import { xmllint, xmllintMissing } from '../../support/xmllint.ts';

describe('xmlChars', () => {
  it.each([
    ['NUL\u0000', 'NUL\u2400'],
    ['ESC\u001b', 'ESC\u241b'],
    ['US\u001f', 'US\u241f'],
    ['tab\t lf\n cr\r', 'tab\t lf\n cr\r'],
    ['x\uFFFEy\uFFFF', 'x\uFFFDy\uFFFD'],
    ['lone \uD800 high', 'lone \uFFFD high'],
    ['lone \uDC00 low', 'lone \uFFFD low'],
    ['pair 🦊', 'pair 🦊'],
    ['DEL\u007f NEL\u0085', 'DEL\u007f NEL\u0085'],
  ])('when the text is %j, XML holds %j', (text, held) => {
    expect(xmlChars(text)).toBe(held);
  });
});

describe('escapeText and escapeAttribute', () => {
  it.each([
    [escapeText, 'a<b>&c"', 'a&lt;b&gt;&amp;c"'],
    [escapeText, 'cr\r\nlf', 'cr&#13;\nlf'],
    [escapeAttribute, 'q"\t\n\r', 'q&quot;&#9;&#10;&#13;'],
    [escapeAttribute, 'NEL\u0085 LS\u2028', 'NEL&#133; LS&#8232;'],
  ])('when %o escapes %j, it writes %j', (escape, text, written) => {
    expect(escape(text)).toBe(written);
  });
});

describe('xmlDocument', () => {
  const document = (value: string) =>
    xmlDocument({ name: 'root', attributes: { value }, children: [{ name: 'text', text: value }] }, `note -- ${value}`);

  it.skipIf(xmllintMissing)('when values hold any characters, xmllint finds the document well-formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        expect(xmllint(document(value))).toBe('');
      }),
      { numRuns: 50 },
    );
  });

  it('when a parser reads it back, attribute and text hold exactly what XML can hold of the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
        const root = new DOMParser().parseFromString(document(value), 'text/xml').documentElement!;
        expect(root.getAttribute('value')).toBe(xmlChars(value));
        expect(root.getElementsByTagName('text')[0]!.textContent).toBe(xmlChars(value));
      }),
    );
  });
});
