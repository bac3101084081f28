import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, collapseWithOrigins, locateQuote } from '../../server/domain/quote-location.ts';

describe('locateQuote', () => {
  it.each([
    ['the quote as written', 'One. Two three. Four.', 'Two three.', 'Two three.'],
    ['a line break inside the quote', 'One.\nTwo\nthree. Four.', 'Two three.', 'Two\nthree.'],
    ['runs of spaces and tabs', 'One.  Two \t three.\n\nFour.', 'Two three.', 'Two \t three.'],
    ['whitespace around the quote given', 'One. Two three. Four.', '  Two\nthree.  ', 'Two three.'],
    ['curly quotes and dashes', 'He said “stop”—twice.', '“stop”—twice', '“stop”—twice'],
    ['a quote at the very start', '  Start here. Then.', 'Start here.', 'Start here.'],
    ['a quote at the very end', 'Then. End here.\n', 'End here.', 'End here.'],
    ['the first of two places', 'Same. Same.', 'Same.', 'Same.'],
    ['characters outside the BMP', 'A 𝕏 post\nsaid so.', '𝕏 post said', '𝕏 post\nsaid'],
  ])('when the article has %s, the span covers exactly the quote in the raw text', (_case, text, quote, raw) => {
    const span = locateQuote(text, quote);
    expect(span).toBeDefined();
    expect(text.slice(span!.start, span!.end)).toBe(raw);
  });

  it.each([
    ['not in the text', 'One. Two.', 'Three.'],
    ['blank', 'One. Two.', ' \n '],
    ['split by a word', 'Two big three.', 'Two three.'],
    ['in another case', 'Two three.', 'two three.'],
  ])('when the quote is %s, there is no span', (_case, text, quote) => {
    expect(locateQuote(text, quote)).toBeUndefined();
  });
});

describe('collapseWithOrigins', () => {
  const texts = fc.array(
    fc.oneof(fc.constantFrom(' ', '\n', '\t', '\u00a0', '\r\n', '  '), fc.string({ maxLength: 6 })),
    {
      maxLength: 30,
    },
  );

  it('when any text is collapsed, the result is collapseWhitespace’s and each character comes from its origin', () => {
    fc.assert(
      fc.property(texts, (parts) => {
        const text = parts.join('');
        const { collapsed, origins } = collapseWithOrigins(text);
        expect(collapsed).toBe(collapseWhitespace(text));
        expect(origins).toHaveLength(collapsed.length);
        [...collapsed].forEach((char, index) => {
          if (char !== ' ') expect(text[origins[index]!]).toBe(collapsed[index]);
        });
      }),
    );
  });

  it('when any stretch of the collapsed text is looked for, its span in the raw text collapses back to it', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('');
        const collapsed = collapseWhitespace(text);
        fc.pre(collapsed.length > 0);
        const [start, end] = [a % collapsed.length, b % collapsed.length].sort((x, y) => x - y) as [number, number];
        const quote = collapsed.slice(start, end + 1).trim();
        fc.pre(quote.length > 0);
        const span = locateQuote(text, quote)!;
        expect(collapseWhitespace(text.slice(span.start, span.end))).toBe(quote);
      }),
    );
  });
});
