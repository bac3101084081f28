import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetText } from '../../common/csv/spreadsheet-cell.ts';

describe('spreadsheetText', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\u0000', "'\u0000"],
    ['＝1', "'＝1"],
    ["'quoted", "''quoted"],
    ['plain', 'plain'],
    [' =1', ' =1'],
    ['', ''],
  ])('when the text is %j, the cell is %j', (text, cell) => {
    expect(spreadsheetText(text)).toBe(cell);
  });

  it('when any text is written, no cell starts a formula and removing one leading quote gives the text back', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `=${s}`),
          fc.string().map((s) => `'${s}`),
        ),
        (text) => {
          const cell = spreadsheetText(text);
          expect(cell).not.toMatch(/^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/);
          expect(cell.startsWith("'") ? cell.slice(1) : cell).toBe(text);
        },
      ),
    );
  });
});
