// A date range in words, as exactly as its bounds are: "2024", "Mar–May 2024", "1–15 May 2024",
// "from May 2024", "up to 2023"; the open range is "all dates".
import { formatDate } from '../../../common/dates/format-date.ts';
import type { DateRange } from '../view/date-range.ts';
import { formatBound } from './typed-date.ts';

/** The precision both bounds are written at: whole years, whole months, or days. */
function precisionOf(from: string, to: string): 'year' | 'month' | 'day' {
  const shortest = (iso: string, side: 'from' | 'to') => formatBound(iso, side).split(' ').length;
  const words = Math.max(shortest(from, 'from'), shortest(to, 'to'));
  return words === 1 ? 'year' : words === 2 ? 'month' : 'day';
}

export function rangeText({ from, to }: DateRange): string {
  if (from && to) return formatDate({ date: from, dateEnd: to, datePrecision: precisionOf(from, to) });
  if (from) return `from ${formatBound(from, 'from')}`;
  if (to) return `up to ${formatBound(to, 'to')}`;
  return 'all dates';
}
