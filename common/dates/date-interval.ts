// The interval of days a date implies at its precision. A month-precision date stands for its
// whole month, a year-precision one for its whole year; a period (dateEnd) runs to the end of
// dateEnd's month or year at the same precision. Filters treat a relationship as this interval:
// it is in a range when any of its days is. The server's Cypher predicate
// (cypher/fragments/date-in-range.cypher) gives the same answers for real dates.
import { daysInMonth, parseIsoDate, precisionOf, toIsoDate } from './iso-date.ts';
import type { CalendarDate, DateFields, DatePrecision } from './iso-date.ts';

/** First and last day, both ISO `YYYY-MM-DD` and inclusive. */
export interface DateInterval {
  start: string;
  end: string;
}

/** A range of days as filters take it: ISO dates, inclusive; a missing bound is open. */
export interface DateRange {
  from?: string | null;
  to?: string | null;
}

function firstDay({ year, month, day }: CalendarDate, precision: DatePrecision): CalendarDate {
  if (precision === 'year') return { year, month: 1, day: 1 };
  if (precision === 'month') return { year, month, day: 1 };
  return { year, month, day };
}

function lastDay({ year, month, day }: CalendarDate, precision: DatePrecision): CalendarDate {
  if (precision === 'year') return { year, month: 12, day: 31 };
  if (precision === 'month') return { year, month, day: daysInMonth(year, month) };
  return { year, month, day };
}

/**
 * The days `date` (through `dateEnd`, if given) covers at `datePrecision`; undefined when `date`
 * is not a real ISO date, when `dateEnd` is given but is not one, or when the period ends before
 * it starts. A missing or unknown precision is taken as `day`.
 */
export function impliedInterval(fields: DateFields): DateInterval | undefined {
  const precision = precisionOf(fields.datePrecision);
  const start = parseIsoDate(fields.date);
  if (!start) return undefined;
  const hasEnd = fields.dateEnd !== undefined && fields.dateEnd !== null;
  const end = hasEnd ? parseIsoDate(fields.dateEnd) : start;
  if (!end) return undefined;
  const interval = { start: toIsoDate(firstDay(start, precision)), end: toIsoDate(lastDay(end, precision)) };
  return interval.end < interval.start ? undefined : interval;
}

/** Whether two intervals share a day; a missing bound of the range is open. */
export function overlapsRange(interval: DateInterval, { from, to }: DateRange): boolean {
  return (!from || interval.end >= from) && (!to || interval.start <= to);
}

/**
 * Whether a record passes a date filter: with no bound, everything does (undated records too);
 * with a bound, only records whose implied interval overlaps the range.
 */
export function inDateRange(fields: DateFields, range: DateRange): boolean {
  if (!range.from && !range.to) return true;
  const interval = impliedInterval(fields);
  return interval !== undefined && overlapsRange(interval, range);
}
