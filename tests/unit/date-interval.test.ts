import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { impliedInterval, inDateRange, overlapsRange } from '../../common/dates/date-interval.ts';

describe('impliedInterval', () => {
  it.each([
    ['a day', { date: '2024-05-16', datePrecision: 'day' }, ['2024-05-16', '2024-05-16']],
    ['a month', { date: '2024-05-16', datePrecision: 'month' }, ['2024-05-01', '2024-05-31']],
    ['a 30-day month', { date: '2024-04-02', datePrecision: 'month' }, ['2024-04-01', '2024-04-30']],
    ['February of a leap year', { date: '2024-02-10', datePrecision: 'month' }, ['2024-02-01', '2024-02-29']],
    ['February of a common year', { date: '2023-02-10', datePrecision: 'month' }, ['2023-02-01', '2023-02-28']],
    ['February of 1900', { date: '1900-02-10', datePrecision: 'month' }, ['1900-02-01', '1900-02-28']],
    ['February of 2000', { date: '2000-02-10', datePrecision: 'month' }, ['2000-02-01', '2000-02-29']],
    ['a year', { date: '2022-02-24', datePrecision: 'year' }, ['2022-01-01', '2022-12-31']],
    ['a day period', { date: '2025-07-11', dateEnd: '2025-07-13', datePrecision: 'day' }, ['2025-07-11', '2025-07-13']],
    [
      'a month period (ends at the end of dateEnd’s month)',
      { date: '2024-01-01', dateEnd: '2024-07-15', datePrecision: 'month' },
      ['2024-01-01', '2024-07-31'],
    ],
    [
      'a month period inside one month',
      { date: '2025-07-11', dateEnd: '2025-07-13', datePrecision: 'month' },
      ['2025-07-01', '2025-07-31'],
    ],
    [
      'a month period across a year end',
      { date: '2024-12-20', dateEnd: '2025-02-03', datePrecision: 'month' },
      ['2024-12-01', '2025-02-28'],
    ],
    [
      'a year period',
      { date: '2022-06-01', dateEnd: '2024-03-01', datePrecision: 'year' },
      ['2022-01-01', '2024-12-31'],
    ],
    ['no precision (taken as day)', { date: '2024-05-16' }, ['2024-05-16', '2024-05-16']],
    [
      'an unknown precision (taken as day)',
      { date: '2024-05-16', datePrecision: 'decade' },
      ['2024-05-16', '2024-05-16'],
    ],
    [
      'a null dateEnd (no period)',
      { date: '2024-05-16', dateEnd: null, datePrecision: 'month' },
      ['2024-05-01', '2024-05-31'],
    ],
    [
      'a dateEnd before date in the same month, at month precision',
      { date: '2024-05-20', dateEnd: '2024-05-02', datePrecision: 'month' },
      ['2024-05-01', '2024-05-31'],
    ],
  ])('when the date is %s, the interval is its first to last day', (_case, fields, [start, end]) => {
    expect(impliedInterval(fields)).toEqual({ start, end });
  });

  it.each([
    ['no date', {}],
    ['a date that is no real day', { date: '2023-02-29', datePrecision: 'month' }],
    ['a date of the wrong type', { date: 20240516 }],
    ['a dateEnd that is no real day', { date: '2024-05-01', dateEnd: '2024-05-32' }],
    ['a period that ends before it starts', { date: '2024-05-10', dateEnd: '2024-05-01', datePrecision: 'day' }],
    [
      'a year period that ends in an earlier year',
      { date: '2024-05-10', dateEnd: '2023-12-31', datePrecision: 'year' },
    ],
  ])('when the record has %s, there is no interval', (_case, fields) => {
    expect(impliedInterval(fields)).toBeUndefined();
  });
});

describe('overlapsRange', () => {
  const may = { start: '2024-05-01', end: '2024-05-31' };
  it.each([
    [{ from: '2024-05-31', to: '2024-06-30' }, true, 'the range starts on the last day'],
    [{ from: '2024-04-01', to: '2024-05-01' }, true, 'the range ends on the first day'],
    [{ from: '2024-06-01', to: '2024-06-30' }, false, 'the range starts the day after'],
    [{ from: '2024-04-01', to: '2024-04-30' }, false, 'the range ends the day before'],
    [{ from: '2024-05-10', to: '2024-05-12' }, true, 'the range lies inside'],
    [{ from: '2024-01-01', to: '2024-12-31' }, true, 'the range holds it'],
    [{ from: '2024-05-31' }, true, 'only from, on the last day'],
    [{ to: '2024-04-30' }, false, 'only to, the day before'],
    [{}, true, 'no bounds'],
  ])('when the range is %j, the answer is %s (%s)', (range, expected, _why) => {
    expect(overlapsRange(may, range)).toBe(expected);
  });
});

describe('inDateRange', () => {
  it.each([
    [
      'a month date, range on the month’s last day',
      { date: '2024-05-16', datePrecision: 'month' },
      { from: '2024-05-31', to: '2024-05-31' },
      true,
    ],
    [
      'a month date, range from the next month',
      { date: '2024-05-16', datePrecision: 'month' },
      { from: '2024-06-01' },
      false,
    ],
    [
      'a month date, range up to its first day',
      { date: '2024-05-16', datePrecision: 'month' },
      { to: '2024-05-01' },
      true,
    ],
    [
      'a month date, range up to the day before',
      { date: '2024-05-16', datePrecision: 'month' },
      { to: '2024-04-30' },
      false,
    ],
    [
      'a year date, range on 31 Dec',
      { date: '2022-02-24', datePrecision: 'year' },
      { from: '2022-12-31', to: '2023-01-31' },
      true,
    ],
    [
      'a year date, range from 1 Jan after',
      { date: '2022-02-24', datePrecision: 'year' },
      { from: '2023-01-01' },
      false,
    ],
    ['a year date, range ending 1 Jan', { date: '2022-02-24', datePrecision: 'year' }, { to: '2022-01-01' }, true],
    ['a day date, range the day before', { date: '2024-05-16' }, { from: '2024-05-15', to: '2024-05-15' }, false],
    [
      'a day period, range inside it',
      { date: '2025-07-11', dateEnd: '2025-07-13' },
      { from: '2025-07-12', to: '2025-07-12' },
      true,
    ],
    ['a day period, range after it', { date: '2025-07-11', dateEnd: '2025-07-13' }, { from: '2025-07-14' }, false],
    [
      'a month period, range in dateEnd’s month after dateEnd',
      { date: '2024-01-01', dateEnd: '2024-07-15', datePrecision: 'month' },
      { from: '2024-07-31' },
      true,
    ],
    [
      'a leap-year month, range on 29 Feb',
      { date: '2024-02-03', datePrecision: 'month' },
      { from: '2024-02-29', to: '2024-03-10' },
      true,
    ],
    ['no date, no bounds', {}, {}, true],
    ['no date, a bound', {}, { from: '2000-01-01' }, false],
    ['an invalid date, a bound', { date: '2024-02-30' }, { to: '2030-01-01' }, false],
    ['empty bounds', { date: '2024-05-16' }, { from: '', to: null }, true],
  ])('when %s, the answer is %s', (_case, fields, range, expected) => {
    expect(inDateRange(fields, range)).toBe(expected);
  });
});

describe('inDateRange against the calendar', () => {
  // An independent oracle: the days a record covers, walked one by one with the platform's Date.
  const dayMs = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  function coveredDays(date: string, dateEnd: string | undefined, precision: 'day' | 'month' | 'year'): string[] {
    const cut = { day: 10, month: 7, year: 4 }[precision];
    const first = Date.parse(`${date.slice(0, cut)}${'-01-01'.slice(cut - 4)}`);
    const lastKey = (dateEnd ?? date).slice(0, cut);
    const days: string[] = [];
    for (let ms = first; iso(ms).slice(0, cut) <= lastKey; ms += dayMs) days.push(iso(ms));
    return days;
  }
  const day = fc
    .integer({ min: Date.UTC(1999, 0, 1) / dayMs, max: Date.UTC(2026, 11, 31) / dayMs })
    .map((n) => iso(n * dayMs));
  // A range bound relative to the record's date: some day within a year and a half, or the first
  // or last day of a month near it, where a precision's edges lie.
  const near = fc.oneof(
    fc.integer({ min: -400, max: 800 }).map((offset) => (date: string) => iso(Date.parse(date) + offset * dayMs)),
    fc
      .tuple(fc.integer({ min: -1, max: 2 }), fc.integer({ min: 0, max: 11 }), fc.boolean())
      .map(([years, month, last]) => (date: string) => {
        const year = Number(date.slice(0, 4)) + years;
        return iso(last ? Date.UTC(year, month + 1, 0) : Date.UTC(year, month, 1));
      }),
  );
  const precision = fc.constantFrom('day' as const, 'month' as const, 'year' as const);

  it('when a record and a range are drawn at random, the answer is whether any covered day lies in the range', () => {
    fc.assert(
      fc.property(day, fc.option(fc.integer({ min: 0, max: 400 })), precision, near, near, (date, length, p, a, b) => {
        const dateEnd = length === null ? undefined : iso(Date.parse(date) + length * dayMs);
        const [from, to] = [a(date), b(date)].sort() as [string, string];
        const expected = coveredDays(date, dateEnd, p).some((d) => d >= from && d <= to);
        expect(inDateRange({ date, dateEnd, datePrecision: p }, { from, to })).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
