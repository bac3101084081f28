import { describe, expect, it } from 'vitest';
import { inDateRange, spanOf } from '../../../client/src/view/date-range.ts';

describe('date range', () => {
  it.each([
    [{ date: '2024-05-01' }, {}, true],
    [{}, {}, true],
    [{}, { from: '2024-01-01' }, false],
    [{ date: '2024-05-01' }, { from: '2024-05-01', to: '2024-05-01' }, true],
    [{ date: '2024-05-01' }, { from: '2024-05-02' }, false],
    [{ date: '2024-05-01' }, { to: '2024-04-30' }, false],
    [{ date: '2024-01-01', dateEnd: '2024-07-31' }, { from: '2024-06-01', to: '2024-06-30' }, true],
    [{ date: '2024-01-01', dateEnd: '2024-07-31' }, { from: '2024-08-01' }, false],
    [{ date: '2024-05-15', datePrecision: 'month' }, { from: '2024-05-31' }, true],
    [{ date: '2024-05-15', datePrecision: 'month' }, { from: '2024-06-01' }, false],
    [{ date: '2022-02-24', datePrecision: 'year' }, { to: '2022-01-01' }, true],
  ])('when the relationship is %j and the range %j, in range is %s', (data, range, expected) => {
    expect(inDateRange(data, range)).toBe(expected);
  });

  it('when the date has month precision, the span is its whole month', () => {
    expect(spanOf({ date: '2024-02-10', datePrecision: 'month' })).toEqual(['2024-02-01', '2024-02-29']);
  });

  it('when the date is not an ISO day, there is no span', () => {
    expect(spanOf({ date: '2024-05-01T10:00:00Z' })).toBeNull();
  });
});
