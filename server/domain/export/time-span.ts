// The days a relationship covers, for formats with a timeline (GEXF's start/end): from `date` to
// `dateEnd`, each widened to what its precision allows, so a month-precision date covers its
// whole month and a year-precision one its year.
import type { JsonValue } from '../../../common/api.ts';

export interface TimeSpan {
  start: string;
  end: string;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !isoDate.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function lastDay(day: string, precision: unknown): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  if (precision === 'year') return `${year}-12-31`;
  if (precision === 'month') {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${day.slice(0, 7)}-${String(last).padStart(2, '0')}`;
  }
  return day;
}

function firstDay(day: string, precision: unknown): string {
  if (precision === 'year') return `${day.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${day.slice(0, 7)}-01`;
  return day;
}

/** The span of a relationship's `date`/`dateEnd`/`datePrecision`, or undefined when it has no valid date. */
export function timeSpan(properties: Record<string, JsonValue>): TimeSpan | undefined {
  const { date, dateEnd, datePrecision } = properties;
  if (!isDay(date)) return undefined;
  const end = isDay(dateEnd) && dateEnd >= date ? dateEnd : date;
  return { start: firstDay(date, datePrecision), end: lastDay(end, datePrecision) };
}
