// The spreadsheet CSV read back by csv-parse: every property of every element, undoing only the
// documented rules (a leading ' taken off, property.<name> renamed back, values as text).
import { parse } from 'csv-parse/sync';
import { propertyName } from '../../server/domain/export/property-names.ts';
import { seedAwkward } from '../support/awkward-graph.ts';
import type { ReadGraph } from '../support/export-files.ts';
import { asCellText, awkwardGraph, download, mapValues, unzip } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp({ seed: seedAwkward });
const ids = Object.keys(awkwardGraph().nodes);

/** The cells of a CSV: a string, or null for an empty unquoted cell (no value). */
function cells(text: string): (string | null)[][] {
  return parse(text, {
    bom: true,
    relax_column_count: false,
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
  }) as (string | null)[][];
}

/** The documented reversal of the formula defence: one leading ' off any cell that has one. */
const unquote = (cell: string | null) => (cell !== null && cell.startsWith("'") ? cell.slice(1) : cell);

function rowsOf(text: string): Record<string, string>[] {
  const [header, ...rows] = cells(text).map((row) => row.map(unquote));
  return rows.map((row) =>
    Object.fromEntries(header!.flatMap((name, i) => (row[i] === null ? [] : [[name!, row[i]!]]))),
  );
}

function properties(row: Record<string, string>, structural: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !structural.includes(key))
      .map(([key, value]) => [propertyName(key), value]),
  );
}

function fromCsv(files: Record<string, string>): ReadGraph {
  const graph: ReadGraph = { nodes: {}, relationships: {} };
  for (const row of rowsOf(files['nodes.csv']!)) {
    graph.nodes[row.Id!] = {
      labels: row.Labels!.split(';').sort(),
      properties: properties(row, ['Id', 'Label', 'Labels']),
    };
  }
  for (const row of rowsOf(files['relationships.csv']!)) {
    graph.relationships[row.Id!] = {
      type: row.Kind!,
      source: row.Source!,
      target: row.Target!,
      properties: properties(row, ['Id', 'Source', 'Target', 'Kind']),
    };
  }
  return graph;
}

describe('csv export (spreadsheets, Gephi)', () => {
  it('when read back by csv-parse, every property is the stored one as text', async () => {
    const files = await unzip((await download(h.app, { format: 'csv', ids })).body);
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'nodes.csv', 'relationships.csv']);
    expect(fromCsv(files)).toEqual(mapValues(awkwardGraph(), asCellText));
  });

  it('when a text cell looks like a formula, it starts with a quote; numbers stay numbers', async () => {
    const files = await unzip((await download(h.app, { format: 'csv', ids })).body);
    const all = [...cells(files['nodes.csv']!), ...cells(files['relationships.csv']!)].flat();
    const dangerous = all.filter((cell) => cell !== null && /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell));
    // Only the two negative numbers (-5, -0.125): numbers cannot hold a formula.
    expect(dangerous).toEqual(['-5', '-0.125']);
    const formulas = rowsOf(files['nodes.csv']!).find((row) => row.Id === 'awk:formulas')!;
    expect(cells(files['nodes.csv']!).flat()).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(formulas).toMatchObject({ negative: '-5', quote: "'already quoted", tabStart: '\t=1' });
  });

  it('when an empty string and a missing value meet, "" and an empty cell tell them apart', async () => {
    const files = await unzip((await download(h.app, { format: 'csv', ids })).body);
    const [header, ...rows] = cells(files['nodes.csv']!);
    const text = rows.find((row) => row[0] === 'awk:text')!;
    const lists = rows.find((row) => row[0] === 'awk:lists')!;
    const empty = header!.indexOf('empty');
    expect([text[empty], lists[empty]]).toEqual(['', null]);
  });

  it('when properties are named like Gephi columns, the header has each column once and the Kind is the type', async () => {
    const files = await unzip((await download(h.app, { format: 'csv', ids })).body);
    const header = cells(files['relationships.csv']!)[0]!.map((name) => name!.toLowerCase());
    expect(header.slice(0, 4)).toEqual(['id', 'source', 'target', 'kind']);
    expect(new Set(header).size).toBe(header.length);
    expect(header).toEqual(expect.arrayContaining(['property.type', 'property.label', 'property.weight']));
    expect(header).not.toContain('type');
  });
});
