// Where months and days sit along the timeline's x axis, and back: a brush's pixels as the whole
// months they cover.
import { parseIsoDate } from '../../../common/dates/iso-date.ts';
import { monthLength, monthOf } from './months.ts';

export interface MonthScale {
  /** Left edge of the first month, in pixels. */
  readonly left: number;
  /** Width of all the months together, in pixels. */
  readonly width: number;
  readonly first: number;
  readonly last: number;
}

export const monthWidth = (scale: MonthScale): number => scale.width / (scale.last - scale.first + 1);

/** The left edge of a month. */
export const xOfMonth = (scale: MonthScale, month: number): number =>
  scale.left + (month - scale.first) * monthWidth(scale);

/** The start of a day (`edge` 'start') or its end ('end'), placed inside its month by its day number; clamped to the axis. */
export function xOfDay(scale: MonthScale, iso: string, edge: 'start' | 'end'): number {
  const month = monthOf(iso);
  const day = parseIsoDate(iso);
  if (month === undefined || !day) return edge === 'start' ? scale.left : scale.left + scale.width;
  const fraction = (day.day - (edge === 'start' ? 1 : 0)) / monthLength(month);
  const x = xOfMonth(scale, month) + fraction * monthWidth(scale);
  return Math.min(Math.max(x, scale.left), scale.left + scale.width);
}

/** The month under a pixel, clamped to the axis. */
export function monthAt(scale: MonthScale, x: number): number {
  const month = scale.first + Math.floor((x - scale.left) / monthWidth(scale));
  return Math.min(Math.max(month, scale.first), scale.last);
}

/**
 * The whole months a brushed span [x0, x1] covers: a month counts when the span takes in at least
 * half of it, and the span always keeps at least the month it started in.
 */
export function monthsIn(scale: MonthScale, x0: number, x1: number): { first: number; last: number } {
  const w = monthWidth(scale);
  const at = (x: number) => scale.first + (x - scale.left) / w;
  const clamp = (month: number) => Math.min(Math.max(month, scale.first), scale.last);
  const first = clamp(Math.round(at(Math.min(x0, x1))));
  const last = clamp(Math.round(at(Math.max(x0, x1))) - 1);
  if (last >= first) return { first, last };
  const only = monthAt(scale, Math.min(x0, x1));
  return { first: only, last: only };
}
