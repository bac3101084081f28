import { describe, expect, it } from 'vitest';
import { monthAt, monthsIn, xOfDay, xOfMonth, type MonthScale } from '../../../client/src/timeline/month-scale.ts';
import { firstDay, lastDay, monthOf, monthsTitle } from '../../../client/src/timeline/months.ts';

const jan = monthOf('2024-01-01')!;
// Twelve months of 2024, 10 px each, from x = 5.
const scale: MonthScale = { left: 5, width: 120, first: jan, last: jan + 11 };

describe('months', () => {
  it.each([
    [jan + 1, '2024-02-01', '2024-02-29'],
    [jan + 11, '2024-12-01', '2024-12-31'],
    [jan + 12, '2025-01-01', '2025-01-31'],
  ])('when month %i is asked for, its days run from %s to %s', (month, first, last) => {
    expect([firstDay(month), lastDay(month)]).toEqual([first, last]);
  });

  it.each([
    [jan, jan, 'Jan 2024'],
    [jan + 2, jan + 4, 'Mar–May 2024'],
    [jan + 10, jan + 13, 'Nov 2024 – Feb 2025'],
  ])('when months %i to %i are named, they read "%s"', (first, last, title) => {
    expect(monthsTitle(first, last)).toBe(title);
  });
});

describe('the month scale', () => {
  it('when a month is placed, it starts at its share of the width', () => {
    expect(xOfMonth(scale, jan + 3)).toBe(35);
  });

  it.each([
    ['2024-04-01', 'start', 35],
    ['2024-04-30', 'end', 45],
    ['2024-04-16', 'start', 40],
    ['2019-04-16', 'start', 5],
    ['2030-04-16', 'end', 125],
  ] as const)('when %s is placed at its %s, it sits at x = %d', (iso, edge, x) => {
    expect(xOfDay(scale, iso, edge)).toBeCloseTo(x);
  });

  it.each([
    [4, jan],
    [36, jan + 3],
    [500, jan + 11],
  ])('when the pointer is at x = %d, it is over month %i', (x, month) => {
    expect(monthAt(scale, x)).toBe(month);
  });

  it.each([
    [35, 65, jan + 3, jan + 5],
    [33, 67, jan + 3, jan + 5],
    [29, 71, jan + 2, jan + 6],
    [36, 38, jan + 3, jan + 3],
    [0, 999, jan, jan + 11],
  ])('when the brush covers x = %d to %d, it covers months %i to %i', (x0, x1, first, last) => {
    expect(monthsIn(scale, x0, x1)).toEqual({ first, last });
  });
});
