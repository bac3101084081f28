// Months as whole numbers (year × 12 + month − 1), so a span of months is a range of integers:
// what the timeline bins by and what playback steps through.
import { daysInMonth, parseIsoDate, toIsoDate } from '../../../common/dates/iso-date.ts';
import { formatDate } from '../../../common/dates/format-date.ts';

/** The month an ISO day falls in; undefined when it is not a real day. */
export function monthOf(iso: string): number | undefined {
  const day = parseIsoDate(iso);
  return day ? day.year * 12 + day.month - 1 : undefined;
}

const yearOf = (month: number) => Math.floor(month / 12);
const calendarMonth = (month: number) => month - yearOf(month) * 12 + 1;

/** The first day of a month, ISO. */
export function firstDay(month: number): string {
  return toIsoDate({ year: yearOf(month), month: calendarMonth(month), day: 1 });
}

/** The last day of a month, ISO. */
export function lastDay(month: number): string {
  const year = yearOf(month);
  return toIsoDate({ year, month: calendarMonth(month), day: daysInMonth(year, calendarMonth(month)) });
}

/** How many days a month has. */
export function monthLength(month: number): number {
  return daysInMonth(yearOf(month), calendarMonth(month));
}

/** January of its year? (where the axis writes the year) */
export const isJanuary = (month: number): boolean => calendarMonth(month) === 1;

export const yearOfMonth = yearOf;

/** "May 2024"; a span of months "Mar–May 2024", "Nov 2024 – Jan 2025". */
export function monthsTitle(first: number, last = first): string {
  return formatDate({ date: firstDay(first), dateEnd: first === last ? null : firstDay(last), datePrecision: 'month' });
}
