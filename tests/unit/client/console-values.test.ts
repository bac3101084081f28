import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../common/api.ts';
import { caretExcerpt, errorOffset } from '../../../client/src/console/error-position.ts';
import {
  favouritesFile,
  normalised,
  remember,
  removeFavourite,
  saveFavourite,
} from '../../../client/src/console/query-history.ts';
import { cellText, classify, resultCsv, resultJson } from '../../../client/src/console/result-values.ts';

const node = { id: 'country:RUS', label: 'Russia', labels: ['Country', 'Entity'], name: 'Russia' };
const rel = { id: 'rel:1', type: 'VISITED', source: 'a', target: 'b', date: '2024-05-16' };

describe('result values', () => {
  it.each([
    [null, 'null'],
    [3, 'scalar'],
    ['x', 'scalar'],
    [node, 'node'],
    [rel, 'relationship'],
    [{ nodes: [node], edges: [] }, 'path'],
    [{ nodes: [1], edges: [] }, 'map'],
    [[node, 1], 'list'],
    [{ x: 1 }, 'map'],
  ])('when the value is %j, it is a %s', (value, kind) => {
    expect(classify(value as JsonValue).kind).toBe(kind);
  });

  it('when the rows go to CSV, a spreadsheet reads the same cells back, formulas neutralised', () => {
    const response = {
      columns: ['n', 'count', 'note', 'list'],
      rows: [
        { n: node, count: 2, note: '=HYPERLINK("x")', list: [1, 'a'] },
        { n: null, count: -1, note: 'plain, "quoted"', list: [] },
      ],
    };
    const read = parse(resultCsv(response)) as string[][];
    expect(read[0]).toEqual(response.columns);
    expect(JSON.parse(read[1]![0]!)).toEqual(node);
    expect(read[1]!.slice(1)).toEqual(['2', `'=HYPERLINK("x")`, '[1,"a"]']);
    expect(read[2]).toEqual(['', '-1', 'plain, "quoted"', '[]']);
  });

  it.each([
    ['a lone LF', 'one\n=1+1'],
    ['a lone CR', 'one\r=1+1'],
    ['a CRLF', 'one\r\n=1+1'],
  ])('when a text holds %s, it stays one cell of one row', (_case, text) => {
    const csv = resultCsv({ columns: ['a', 'b'], rows: [{ a: text, b: 'next' }] });
    // As a spreadsheet reads it: any line break outside quotes ends a row.
    const read = parse(csv, { record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true }) as string[][];
    expect(read).toEqual([
      ['a', 'b'],
      [text, 'next'],
    ]);
  });

  it.each([
    ['=1+1', `'=1+1`],
    ['＝1+1', `'＝1+1`],
    ['＋1', `'＋1`],
    ['－1', `'－1`],
    ['＠SUM(A1)', `'＠SUM(A1)`],
    ['\r=1', `'\r=1`],
    ["'quoted", "''quoted"],
  ])('when a text is %j, its cell is %j, as in the server’s CSV export', (text, cell) => {
    const read = parse(resultCsv({ columns: ['a'], rows: [{ a: text }] })) as string[][];
    expect(read[1]).toEqual([cell]);
  });

  it('when a column is named like a formula, its header is neutralised too', () => {
    expect(resultCsv({ columns: ['=cmd'], rows: [] })).toBe(`'=cmd\r\n`);
  });

  it('when the rows go to JSON, they read back as they came', () => {
    const rows = [{ n: node, c: 1 }];
    expect(JSON.parse(resultJson({ columns: ['n', 'c'], rows }))).toEqual(rows);
  });

  it.each([
    [null, ''],
    [true, 'true'],
    [rel, JSON.stringify(rel)],
  ])('when a cell is %j, its text is %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('error positions', () => {
  it.each([
    ['syntax error: Expected RParen\n  --> query:1:10\n', 'MATCH (n RETURN n', 9],
    ['Expected end of query\n  --> query:2:18', 'MATCH (n)\nWHERE n.x = 1 RETRN n', 27],
    ["Invalid input 'RETRN' (line 2, column 15 (offset: 24))", 'MATCH (n)\nWHERE n.x = 1 RETRN n', 24],
    ['Invalid input (line 1, column 3)', 'MATCH', 2],
    ['Timed out', 'MATCH (n) RETURN n', null],
    ['--> query:9:1', 'MATCH', null],
  ])('when the message is %j, the offset is %j', (message, query, offset) => {
    expect(errorOffset(message, query)).toBe(offset);
  });

  it('when an excerpt is made, the caret stands under the column', () => {
    expect(caretExcerpt('MATCH (n)\nWHERE n.x = 1 RETRN n', 24)).toEqual({
      line: 2,
      text: 'WHERE n.x = 1 RETRN n',
      caret: '              ^',
    });
  });
});

describe('history and favourites', () => {
  it('when a query runs again with other spacing, history keeps one entry, newest first', () => {
    const history = remember(remember(['MATCH (b) RETURN b'], 'MATCH (a)\nRETURN a'), '  MATCH (a) RETURN   a ');
    expect(history.map(normalised)).toEqual(['MATCH (a) RETURN a', 'MATCH (b) RETURN b']);
  });

  it('when history is full, the oldest entry goes', () => {
    expect(remember(['b', 'c'], 'a', 2)).toEqual(['a', 'b']);
  });

  it('when a favourite is saved under a name it has, it is replaced; removing it takes it out', () => {
    const saved = saveFavourite(saveFavourite([], { name: 'visits', query: 'A' }), { name: 'visits', query: 'B' });
    expect(saved).toEqual([{ name: 'visits', query: 'B' }]);
    expect(removeFavourite(saved, 'visits')).toEqual([]);
  });

  it('when favourites are exported, each query follows its name as a comment and ends with a semicolon', () => {
    const text = favouritesFile([
      { name: 'visits', query: 'MATCH (a)-[:VISITED]->(b)\nRETURN a;' },
      { name: 'two\nlines', query: 'RETURN 1' },
    ]);
    expect(text).toBe('// visits\nMATCH (a)-[:VISITED]->(b)\nRETURN a;\n\n// two lines\nRETURN 1;\n');
  });
});
