// The date filter on the page: a relationship is treated as the interval its date implies at its
// precision (common/dates), the same rule as the server's cypher/fragments/date-in-range.cypher.
import { impliedInterval, inDateRange as inRange } from '../../../common/dates/date-interval.ts';

export interface DateRange {
  /** ISO date (YYYY-MM-DD): the first day in the range; none: open. */
  readonly from?: string;
  /** ISO date: the last day in the range; none: open. */
  readonly to?: string;
}

/** The days a relationship covers as ISO [first, last], or null when it has no (valid) date. */
export function spanOf(data: Readonly<Record<string, unknown>>): [string, string] | null {
  const interval = impliedInterval(data);
  return interval ? [interval.start, interval.end] : null;
}

export function isOpen(range: DateRange): boolean {
  return range.from === undefined && range.to === undefined;
}

export function inDateRange(data: Readonly<Record<string, unknown>>, range: DateRange): boolean {
  return inRange(data, range);
}
