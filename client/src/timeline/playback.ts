// Playback: a window of whole months that steps through the timeline one month at a time. Each
// step is a date range (set in the view state like any other), so the graph, the URL and the
// exports follow the window.
import type { DateRange } from '../view/date-range.ts';
import { firstDay, lastDay, monthOf } from './months.ts';

/** The window widths offered, in months. */
export const windowWidths = [1, 3, 6, 12] as const;

/** Seconds per step offered. */
export const stepSeconds = [2, 1, 0.5, 0.25] as const;

/** First and last month of the timeline, inclusive. */
export interface MonthSpan {
  readonly first: number;
  readonly last: number;
}

/** The range of `width` months starting at `start`. */
export function windowRange(start: number, width: number): Required<DateRange> {
  return { from: firstDay(start), to: lastDay(start + width - 1) };
}

/** When a range is whole months (first day of a month to last day of one): its first month and width. */
export function asWindow(range: DateRange): { start: number; width: number } | null {
  if (!range.from || !range.to) return null;
  const start = monthOf(range.from);
  const end = monthOf(range.to);
  if (start === undefined || end === undefined || end < start) return null;
  if (range.from !== firstDay(start) || range.to !== lastDay(end)) return null;
  return { start, width: end - start + 1 };
}

/** The last month a window of `width` may start at and still end inside the span (its first, when the span is shorter). */
const lastStart = (span: MonthSpan, width: number) => Math.max(span.first, span.last - width + 1);

/**
 * The window one step on from `range` (direction 1) or back (-1), `width` months wide; null when
 * there is no further step inside the span. A range that is not a window of this width is first
 * made one: forward from its start (or the span's first month), back to its end (or the span's last).
 */
export function stepWindow(
  range: DateRange,
  width: number,
  span: MonthSpan,
  direction: 1 | -1,
): Required<DateRange> | null {
  const latest = lastStart(span, width);
  const clamp = (month: number) => Math.min(Math.max(month, span.first), latest);
  const current = asWindow(range);
  if (current && current.width === width) {
    if (direction === 1 ? current.start >= latest : current.start <= span.first) return null;
    return windowRange(clamp(current.start + direction), width);
  }
  const from = range.from ? monthOf(range.from) : undefined;
  const to = range.to ? monthOf(range.to) : undefined;
  return windowRange(clamp(direction === 1 ? (from ?? span.first) : (to ?? span.last) - width + 1), width);
}

/**
 * Where playing starts: the next step from the range, or, when the range is already at the span's
 * end (or elsewhere altogether), the first window of the span.
 */
export function playStart(range: DateRange, width: number, span: MonthSpan): Required<DateRange> {
  const current = asWindow(range);
  if (current && current.width === width && current.start >= span.first && current.start < lastStart(span, width))
    return range as Required<DateRange>;
  return windowRange(span.first, width);
}

/**
 * The range with its last month moved one on (1) or back (-1): the brush's end, by keyboard. An
 * open side starts from the span's first or last month; null when the range would end before it
 * starts or after the span.
 */
export function moveEnd(range: DateRange, span: MonthSpan, direction: 1 | -1): Required<DateRange> | null {
  const from = (range.from ? monthOf(range.from) : undefined) ?? span.first;
  const to = ((range.to ? monthOf(range.to) : undefined) ?? span.last) + direction;
  if (to < from || to > span.last) return null;
  return { from: firstDay(from), to: lastDay(to) };
}
