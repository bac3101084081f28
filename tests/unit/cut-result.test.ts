import { describe, expect, it } from 'vitest';
import { cutResult, jsonSize } from '../../server/cypher-console/cut-result.ts';
import { GraphNode, type Value } from '../../server/store/graph-values.ts';

describe('jsonSize', () => {
  it.each<[string, Value]>([
    ['a number', 12345],
    ['a string with multi-byte characters', 'Ελλάδα'],
    ['a list', [1, 'two', null, true]],
    ['a map', { a: 1, b: [1, 2], c: { d: 'e' } }],
  ])('when the value is %s, it is within a few bytes of its JSON', (_case, value) => {
    const exact = Buffer.byteLength(JSON.stringify(value));
    expect(Math.abs(jsonSize(value, 1e9) - exact)).toBeLessThanOrEqual(value && typeof value === 'object' ? 8 : 0);
  });

  it('when the value is larger than the limit, it is Infinity', () => {
    expect(
      jsonSize(
        Array.from({ length: 10_000 }, (_, i) => i),
        1000,
      ),
    ).toBe(Infinity);
  });

  it('when the value is a node, its id, labels and properties count', () => {
    const node = new GraphNode('country:RUS', ['Country'], { name: 'x'.repeat(1000) });
    expect(jsonSize(node, 1e9)).toBeGreaterThan(1000);
  });
});

describe('cutResult', () => {
  const rows = Array.from({ length: 100 }, (_, i) => ({ x: i, pad: 'y'.repeat(90) }));

  it('when the result fits, nothing is cut', () => {
    expect(cutResult({ columns: ['x'], rows: rows.slice(0, 5) }, { maxRows: 10, maxBytes: 1e6 }, 0)).toMatchObject({
      capped: false,
      rows: rows.slice(0, 5),
    });
  });

  it('when there are more rows than the cap, it is cut by rows', () => {
    const cut = cutResult({ columns: ['x'], rows }, { maxRows: 10, maxBytes: 1e6 }, 0);
    expect(cut).toMatchObject({ capped: true, cappedBy: 'rows' });
    expect(cut.rows).toHaveLength(10);
  });

  it('when the store left rows out at the cap, it says it was cut by rows', () => {
    expect(
      cutResult({ columns: ['x'], rows: rows.slice(0, 10), more: true }, { maxRows: 10, maxBytes: 1e6 }, 0),
    ).toMatchObject({ capped: true, cappedBy: 'rows' });
  });

  it('when the rows are larger than the budget, it is cut by bytes and the rows kept fit it', () => {
    const cut = cutResult({ columns: ['x'], rows }, { maxRows: 1000, maxBytes: 2000 }, 0);
    expect(cut).toMatchObject({ capped: true, cappedBy: 'bytes' });
    expect(cut.rows.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(JSON.stringify(cut.rows))).toBeLessThanOrEqual(2000);
  });
});
