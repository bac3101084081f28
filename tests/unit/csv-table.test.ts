import { describe, expect, it } from 'vitest';
import { csvTable } from '../../common/csv/csv-table.ts';

describe('csvTable', () => {
  it('when rows are written, lines end in CRLF', () => {
    expect(
      csvTable([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });

  it('when a cell is an empty string, it is written as ""', () => {
    expect(csvTable([['a', '', 'b']])).toBe('a,"",b\r\n');
  });

  it('when a cell has no value, nothing is written for it', () => {
    expect(csvTable([['a', null, 'b']])).toBe('a,,b\r\n');
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a CRLF line break', 'two\r\nlines', '"two\r\nlines"'],
    ['a lone LF', 'two\nlines', '"two\nlines"'],
    ['a lone CR', 'two\rlines', '"two\rlines"'],
  ])('when a cell holds %s, it is quoted', (_case, cell, written) => {
    expect(csvTable([[cell]])).toBe(`${written}\r\n`);
  });

  it('when a byte order mark is asked for, the text starts with one', () => {
    expect(csvTable([['a']], { bom: true })).toBe('\uFEFFa\r\n');
  });

  it('when no byte order mark is asked for, there is none', () => {
    expect(csvTable([['a']]).startsWith('\uFEFF')).toBe(false);
  });
});
