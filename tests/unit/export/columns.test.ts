import { describe, expect, it } from 'vitest';
import { propertyColumns, valueText } from '../../../server/domain/export/columns.ts';

describe('propertyColumns', () => {
  it.each([
    ['booleans', [true, false], { type: 'boolean', list: false, mixed: false }],
    ['integers', [1, -2], { type: 'long', list: false, mixed: false }],
    ['integers and fractions', [1, 0.5], { type: 'double', list: false, mixed: false }],
    ['strings', ['a', ''], { type: 'string', list: false, mixed: false }],
    ['numbers and strings', [1, 'a'], { type: 'string', list: false, mixed: false }],
    ['lists of strings', [['a'], []], { type: 'string', list: true, mixed: false }],
    ['lists of integers and fractions', [[1], [2.5]], { type: 'double', list: true, mixed: false }],
    ['lists beside strings', [['a'], 'a'], { type: 'string', list: false, mixed: true }],
    ['maps', [{ k: 1 }], { type: 'string', list: false, mixed: true }],
    ['nested lists', [[[1]]], { type: 'string', list: false, mixed: true }],
  ])('when a key holds %s, its column is %j', (_shape, values, column) => {
    expect(propertyColumns(values.map((value) => ({ key: value as never })))).toEqual([{ name: 'key', ...column }]);
  });

  it('when keys are excluded or values null, they get no column; the rest are in code-point order', () => {
    expect(propertyColumns([{ b: 1, a: 2, B: 3, id: 'x', none: null }], ['id']).map((c) => c.name)).toEqual([
      'B',
      'a',
      'b',
    ]);
  });
});

describe('valueText', () => {
  it.each([
    ['text', 'text'],
    [-0.5, '-0.5'],
    [false, 'false'],
    [['a', 'b'], '["a","b"]'],
    [{ k: 'v' }, '{"k":"v"}'],
  ])('when the value is %j, its text is %j', (value, text) => {
    expect(valueText(value)).toBe(text);
  });
});
