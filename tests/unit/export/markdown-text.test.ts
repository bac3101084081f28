import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { httpAddress, markdownQuote, markdownText } from '../../../server/domain/export/markdown-text.ts';

// Raw HTML on, tables and strikethrough as GitHub reads them.
const reader = new MarkdownIt({ html: true });
const flat = (tokens: Token[]): Token[] => tokens.flatMap((token) => [token, ...flat(token.children ?? [])]);
const read = (markdown: string) => flat(reader.parse(markdown, {}));
const kinds = (tokens: Token[]) => [...new Set(tokens.map((token) => token.type))].sort();
const textOf = (tokens: Token[]) =>
  tokens.map((token) => (token.type === 'text' ? token.content : token.type === 'softbreak' ? '\n' : '')).join('');

const paragraph = ['inline', 'paragraph_close', 'paragraph_open', 'text'];
// Characters Markdown reads as markup, in any order, with words and spaces between them.
const markupy = fc
  .string({ unit: fc.constantFrom(...'ab1 <>&*_[]()#!`~|\\-+=.)"\':/'.split('')), minLength: 1, maxLength: 30 })
  .map((text) => text.trim())
  .filter((text) => text.length > 0);

describe('markdownText', () => {
  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['<script>alert(1)</script>'],
    ['[click](javascript:alert(1))'],
    ['![pixel](http://tracker.example/p.png)'],
    ['*bold* _em_ `code` ~~struck~~'],
    ['&lt; is an entity, &amp; too'],
    ['# a heading'],
    ['- a list item'],
    ['+ a list item'],
    ['1. an ordered item'],
    ['2) another'],
    ['> a quote'],
    ['a | table | row'],
    ['C:\\temp\\'],
  ])('when the text is %j, a Markdown reader shows it as that text', (text) => {
    const tokens = read(markdownText(text));
    expect(kinds(tokens)).toEqual(paragraph);
    expect(textOf(tokens)).toBe(text);
  });

  it.each([['line one\nline two'], ['one\rtwo'], ['one\r\ntwo'], ['one\u2028two']])(
    'when the text %j holds a line break, it is one line',
    (text) => {
      expect(markdownText(text)).not.toMatch(/[\r\n\u2028]/);
    },
  );

  it('when any text of markup characters is written as a paragraph or a heading, the reader shows only that text', () => {
    fc.assert(
      fc.property(markupy, (text) => {
        const asParagraph = read(markdownText(text));
        expect(kinds(asParagraph)).toEqual(paragraph);
        expect(textOf(asParagraph)).toBe(text);
        expect(textOf(read(`## ${markdownText(text)}`))).toBe(text);
      }),
    );
  });
});

describe('markdownQuote', () => {
  it.each([
    ['CR', 'one\rtwo'],
    ['LF', 'one\ntwo'],
    ['CRLF', 'one\r\ntwo'],
    ['a blank line', 'one\n\ntwo'],
    ['a line of markup', 'one\n- <b>two</b>'],
  ])('when the quote’s lines are parted by %s, every line stays inside one blockquote', (_case, quote) => {
    const tokens = read(markdownQuote(quote));
    expect(tokens.filter((token) => token.type === 'blockquote_open')).toHaveLength(1);
    expect(tokens.at(-1)?.type).toBe('blockquote_close');
    const lines = tokens
      .map((token) =>
        token.type === 'text' ? token.content : /softbreak|paragraph_close/.test(token.type) ? '\n' : '',
      )
      .join('')
      .split('\n');
    expect(lines.filter(Boolean)).toEqual(quote.split(/\r\n|\r|\n/).filter(Boolean));
  });
});

describe('httpAddress', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['http://example.org/a b<c>', 'http://example.org/a%20b%3Cc%3E'],
    ['javascript:alert(1)', undefined],
    ['JavaScript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['file:///etc/passwd', undefined],
    ['//example.org/a', undefined],
    ['not an address', undefined],
  ])('when the address is %j, it is %j', (text, address) => {
    expect(httpAddress(text)).toBe(address);
  });
});
