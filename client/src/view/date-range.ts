// The date filter on the page: the same rule as the server's (cypher/predicates/
// relationship-in-date-range.cypher), kept beside it in meaning: a relationship is in the range
// when its date, or its period date..dateEnd, overlaps it; with a range set, an undated one is not.

export interface DateRange {
  /** ISO date (YYYY-MM-DD): the first day in the range; none: open. */
  readonly from?: string;
  /** ISO date: the last day in the range; none: open. */
  readonly to?: string;
}

const isoDay = /^\d{4}-\d{2}-\d{2}/;

/** A relationship's span as ISO days [start, end], or null when it has no date. */
export function spanOf(data: Readonly<Record<string, unknown>>): [string, string] | null {
  if (typeof data.date !== 'string' || !isoDay.test(data.date)) return null;
  const start = data.date.slice(0, 10);
  const end = typeof data.dateEnd === 'string' && isoDay.test(data.dateEnd) ? data.dateEnd.slice(0, 10) : start;
  return [start, end];
}

export function isOpen(range: DateRange): boolean {
  return range.from === undefined && range.to === undefined;
}

export function inDateRange(data: Readonly<Record<string, unknown>>, range: DateRange): boolean {
  if (isOpen(range)) return true;
  const span = spanOf(data);
  if (!span) return false;
  return (range.from === undefined || span[1] >= range.from) && (range.to === undefined || span[0] <= range.to);
}
