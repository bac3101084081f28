// The timeline's histogram: the relationships in view counted per month, by type and by how
// exactly their date is known. A relationship counts once in all: a date known to the day or the
// month falls in its month; a year, or a period over several months, is spread over the months
// its implied interval covers, each month getting its share of the interval's days.
import { impliedInterval } from '../../../common/dates/date-interval.ts';
import { parseIsoDate, precisionOf, type DateFields } from '../../../common/dates/iso-date.ts';
import { monthLength } from './months.ts';

/** How a relationship sits in its month: pinned to a day, to the month, or spread over several months. */
export const exactnesses = ['day', 'month', 'spread'] as const;
export type Exactness = (typeof exactnesses)[number];

export interface BinSegment {
  readonly type: string;
  readonly exactness: Exactness;
  /** The share of relationships this segment stands for (a spread one adds a fraction). */
  readonly weight: number;
  /** The relationships with a share in this month. */
  readonly ids: readonly string[];
}

export interface MonthBin {
  readonly month: number;
  /** The sum of the segments' weights. */
  readonly total: number;
  /** In the order given by the type comparison, then day, month, spread. */
  readonly segments: readonly BinSegment[];
}

export interface Histogram {
  /** First and last month with a relationship (or the range asked to be included). */
  readonly first: number;
  readonly last: number;
  /** One bin per month, first to last, empty months included. */
  readonly bins: readonly MonthBin[];
  /** The largest bin total (the scale's top). */
  readonly max: number;
  /** Relationships without a real date (not drawn on the timeline). */
  readonly undated: number;
  /** First and last month with a relationship, whatever else was included; null when none is dated. */
  readonly dated: { readonly first: number; readonly last: number } | null;
}

export interface DatedData extends DateFields {
  readonly id: string;
  readonly type: string;
}

interface Placed {
  id: string;
  type: string;
  exactness: Exactness;
  /** type|exactness: the segment it belongs to. */
  key: string;
  /** [month, weight] */
  shares: [number, number][];
}

/**
 * Placements by relationship, so a view redrawn for another reason (a selection, a step of
 * playback) does not read every date again. Element data is never changed once loaded (a new
 * answer brings new objects), so an object's placement stays true.
 */
const placements = new WeakMap<DatedData, Placed | null>();

function placed(data: DatedData): Placed | null {
  let where = placements.get(data);
  if (where === undefined) {
    where = place(data);
    placements.set(data, where);
  }
  return where;
}

/** Which months a relationship's implied interval touches, and its share of days in each. */
function place(data: DatedData): Placed | null {
  const interval = impliedInterval(data);
  if (!interval) return null;
  const start = parseIsoDate(interval.start)!;
  const end = parseIsoDate(interval.end)!;
  const first = start.year * 12 + start.month - 1;
  const last = end.year * 12 + end.month - 1;
  const precision = precisionOf(data.datePrecision);
  const exactness: Exactness =
    first !== last || precision === 'year' ? 'spread' : precision === 'month' ? 'month' : 'day';
  const key = `${data.type}|${exactness}`;
  if (first === last) return { id: data.id, type: data.type, exactness, key, shares: [[first, 1]] };
  const days: [number, number][] = [];
  let total = 0;
  for (let month = first; month <= last; month++) {
    const from = month === first ? start.day : 1;
    const to = month === last ? end.day : monthLength(month);
    days.push([month, to - from + 1]);
    total += to - from + 1;
  }
  return { id: data.id, type: data.type, exactness, key, shares: days.map(([month, n]) => [month, n / total]) };
}

/**
 * The relationships binned by month. `include` widens the span to cover these months too (the
 * date range's bounds, so the brush can show them). Null when nothing is dated and nothing is to
 * be included.
 */
export function binByMonth(
  relationships: readonly DatedData[],
  compareTypes: (a: string, b: string) => number,
  include: readonly number[] = [],
): Histogram | null {
  const all: Placed[] = [];
  let undated = 0;
  for (const data of relationships) {
    const where = placed(data);
    if (where) all.push(where);
    else undated++;
  }
  let first = Infinity;
  let last = -Infinity;
  for (const p of all) {
    first = Math.min(first, p.shares[0]![0]);
    last = Math.max(last, p.shares.at(-1)![0]);
  }
  const dated = Number.isFinite(first) ? { first, last } : null;
  for (const month of include) {
    first = Math.min(first, month);
    last = Math.max(last, month);
  }
  if (!Number.isFinite(first)) return null;
  type Cell = { type: string; exactness: Exactness; weight: number; ids: string[] };
  const byMonth = new Map<number, Map<string, Cell>>();
  for (const p of all)
    for (const [month, weight] of p.shares) {
      const cells = byMonth.get(month) ?? new Map<string, Cell>();
      let cell = cells.get(p.key);
      if (!cell) {
        cell = { type: p.type, exactness: p.exactness, weight: 0, ids: [] };
        cells.set(p.key, cell);
      }
      cell.weight += weight;
      cell.ids.push(p.id);
      byMonth.set(month, cells);
    }
  const bins: MonthBin[] = [];
  let max = 0;
  for (let month = first; month <= last; month++) {
    const segments = [...(byMonth.get(month)?.values() ?? [])].sort(
      (a, b) => compareTypes(a.type, b.type) || exactnesses.indexOf(a.exactness) - exactnesses.indexOf(b.exactness),
    );
    const total = segments.reduce((sum, segment) => sum + segment.weight, 0);
    max = Math.max(max, total);
    bins.push({ month, total, segments });
  }
  return { first, last, bins, max, undated, dated };
}
