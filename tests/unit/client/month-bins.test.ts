import { describe, expect, it } from 'vitest';
import { binByMonth, type DatedData } from '../../../client/src/timeline/month-bins.ts';
import { monthOf } from '../../../client/src/timeline/months.ts';

const byName = (a: string, b: string) => a.localeCompare(b);
const rel = (id: string, type: string, dates: Partial<DatedData>): DatedData => ({ id, type, ...dates });
const month = (iso: string) => monthOf(iso)!;

describe('binning by month', () => {
  it('when a date is known to the day, it counts wholly in its month as "day"', () => {
    const histogram = binByMonth([rel('a', 'VISITED', { date: '2024-05-16', datePrecision: 'day' })], byName)!;
    expect(histogram.bins).toEqual([
      {
        month: month('2024-05-01'),
        total: 1,
        segments: [{ type: 'VISITED', exactness: 'day', weight: 1, ids: ['a'] }],
      },
    ]);
  });

  it('when a date is known to the month, it counts wholly in that month as "month"', () => {
    const histogram = binByMonth([rel('a', 'VISITED', { date: '2024-05-16', datePrecision: 'month' })], byName)!;
    expect(histogram.bins[0]!.segments[0]).toMatchObject({ exactness: 'month', weight: 1 });
  });

  it('when a date is known to the year, it is spread over its twelve months by their days', () => {
    const histogram = binByMonth([rel('a', 'SANCTIONS', { date: '2022-02-24', datePrecision: 'year' })], byName)!;
    expect(histogram.bins).toHaveLength(12);
    expect(histogram.bins.every((bin) => bin.segments[0]!.exactness === 'spread')).toBe(true);
    expect(histogram.bins[0]!.total).toBeCloseTo(31 / 365);
    expect(histogram.bins[1]!.total).toBeCloseTo(28 / 365);
    expect(histogram.bins.reduce((sum, bin) => sum + bin.total, 0)).toBeCloseTo(1);
  });

  it('when a period crosses months, each month gets its share of the days', () => {
    const histogram = binByMonth([rel('a', 'MET_WITH', { date: '2024-06-21', dateEnd: '2024-07-10' })], byName)!;
    expect(histogram.bins.map((bin) => bin.total)).toEqual([10 / 20, 10 / 20]);
    expect(histogram.bins[0]!.segments[0]!.exactness).toBe('spread');
  });

  it('when a period stays inside one month, it counts there at its precision', () => {
    const histogram = binByMonth([rel('a', 'MET_WITH', { date: '2025-07-11', dateEnd: '2025-07-13' })], byName)!;
    expect(histogram.bins).toHaveLength(1);
    expect(histogram.bins[0]!.segments[0]).toMatchObject({ exactness: 'day', weight: 1 });
  });

  it('when months between relationships are empty, they still have a bin', () => {
    const histogram = binByMonth(
      [rel('a', 'VISITED', { date: '2024-01-05' }), rel('b', 'VISITED', { date: '2024-04-05' })],
      byName,
    )!;
    expect(histogram.bins.map((bin) => bin.total)).toEqual([1, 0, 0, 1]);
    expect(histogram.dated).toEqual({ first: month('2024-01-01'), last: month('2024-04-01') });
  });

  it('when segments share a month, they are stacked by type order, then day, month, spread', () => {
    const histogram = binByMonth(
      [
        rel('z', 'ZEBRA', { date: '2024-05-02' }),
        rel('m', 'ALPHA', { date: '2024-05-02', datePrecision: 'month' }),
        rel('d', 'ALPHA', { date: '2024-05-02' }),
        rel('d2', 'ALPHA', { date: '2024-05-20' }),
      ],
      byName,
    )!;
    expect(histogram.bins[0]!.segments.map((s) => [s.type, s.exactness, s.weight, s.ids])).toEqual([
      ['ALPHA', 'day', 2, ['d', 'd2']],
      ['ALPHA', 'month', 1, ['m']],
      ['ZEBRA', 'day', 1, ['z']],
    ]);
    expect(histogram.max).toBe(4);
  });

  it('when relationships have no real date, they are counted as undated and not binned', () => {
    const histogram = binByMonth(
      [
        rel('a', 'VISITED', {}),
        rel('b', 'VISITED', { date: '2024-02-30' }),
        rel('c', 'VISITED', { date: '2024-02-03' }),
      ],
      byName,
    )!;
    expect(histogram.undated).toBe(2);
    expect(histogram.bins).toHaveLength(1);
  });

  it('when months are to be included, the span widens to them but the dated span does not', () => {
    const histogram = binByMonth([rel('a', 'VISITED', { date: '2024-05-16' })], byName, [month('2024-01-01')])!;
    expect(histogram.first).toBe(month('2024-01-01'));
    expect(histogram.bins).toHaveLength(5);
    expect(histogram.dated).toEqual({ first: month('2024-05-01'), last: month('2024-05-01') });
  });

  it('when nothing is dated and nothing is included, there is no histogram', () => {
    expect(binByMonth([rel('a', 'VISITED', {})], byName)).toBeNull();
  });
});
