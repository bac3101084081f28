// Calendar dates as the data writes them: ISO `YYYY-MM-DD` strings, checked to be real days.

/** How exactly a source pins a date: the day, only the month, or only the year. */
export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** A day of the Gregorian calendar; month and day count from 1. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The date fields of a relationship (or any record): read from element data, so of any type. */
export interface DateFields {
  date?: unknown;
  dateEnd?: unknown;
  datePrecision?: unknown;
}

const isoShape = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The day an ISO `YYYY-MM-DD` string names, or undefined when it is not one (wrong shape, or no such day). */
export function parseIsoDate(text: unknown): CalendarDate | undefined {
  if (typeof text !== 'string') return undefined;
  const match = isoShape.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function toIsoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** A precision as the data gives it; anything else (missing, misspelt) is taken as `day`: the date as written. */
export function precisionOf(value: unknown): DatePrecision {
  return value === 'month' || value === 'year' ? value : 'day';
}
