import { describe, expect, it } from 'vitest';
import { daysInMonth, parseIsoDate, precisionOf, toIsoDate } from '../../common/dates/iso-date.ts';

describe('parseIsoDate', () => {
  it.each([
    ['2024-05-16', { year: 2024, month: 5, day: 16 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['0001-01-01', { year: 1, month: 1, day: 1 }],
    ['9999-12-31', { year: 9999, month: 12, day: 31 }],
  ])('when given a real day (%s), it returns its parts', (text, parts) => {
    expect(parseIsoDate(text)).toEqual(parts);
  });

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'a century not divisible by 400'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'no month 13'],
    ['2024-00-10', 'no month 0'],
    ['2024-05-00', 'no day 0'],
    ['2024-5-16', 'unpadded month'],
    ['24-05-16', 'two-digit year'],
    ['2024-05-16T00:00:00Z', 'a timestamp, not a date'],
    [' 2024-05-16', 'leading space'],
    ['2024', 'a year alone'],
    ['', 'empty'],
    [null, 'null'],
    [20240516, 'a number'],
    [undefined, 'missing'],
  ])('when given %j (%s), it returns undefined', (text, _why) => {
    expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('when the month is %i-%i, it has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('toIsoDate', () => {
  it('when a date has one-digit parts or a short year, it pads them', () => {
    expect(toIsoDate({ year: 33, month: 1, day: 9 })).toBe('0033-01-09');
  });
});

describe('precisionOf', () => {
  it.each([
    ['day', 'day'],
    ['month', 'month'],
    ['year', 'year'],
    [undefined, 'day'],
    [null, 'day'],
    ['Month', 'day'],
    ['decade', 'day'],
  ])('when the data says %j, the precision is %s', (value, precision) => {
    expect(precisionOf(value)).toBe(precision);
  });
});
