// A date as the article gives it: only as exact as its precision ("2022", "May 2024",
// "24 Feb 2022"), periods as one span ("11–13 Jul 2025", "Jan–Jul 2024", "2022–2024").
// English month abbreviations, the same in every locale, so a date reads alike on screen and in
// exports.
import { parseIsoDate, precisionOf, type CalendarDate, type DateFields, type DatePrecision } from './iso-date.ts';

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** An en dash: tight between single words ("11–13"), spaced between phrases ("28 Jun – 3 Jul"). */
const span = (from: string, to: string) =>
  from.includes(' ') || to.includes(' ') ? `${from} – ${to}` : `${from}–${to}`;

const month = (date: CalendarDate) => monthNames[date.month - 1]!;

function single(date: CalendarDate, precision: DatePrecision): string {
  if (precision === 'year') return String(date.year);
  if (precision === 'month') return `${month(date)} ${date.year}`;
  return `${date.day} ${month(date)} ${date.year}`;
}

/** A period whose ends differ at its precision: the parts the ends share are written once. */
function period(start: CalendarDate, end: CalendarDate, precision: DatePrecision): string {
  if (precision === 'year' || start.year !== end.year) return span(single(start, precision), single(end, precision));
  if (precision === 'month') return `${span(month(start), month(end))} ${end.year}`;
  if (start.month !== end.month)
    return `${span(`${start.day} ${month(start)}`, `${end.day} ${month(end)}`)} ${end.year}`;
  return `${span(String(start.day), String(end.day))} ${month(end)} ${end.year}`;
}

const key = (date: CalendarDate, precision: DatePrecision) =>
  precision === 'year'
    ? date.year * 10000
    : precision === 'month'
      ? date.year * 10000 + date.month * 100
      : date.year * 10000 + date.month * 100 + date.day;

/**
 * `date` (through `dateEnd`) at `datePrecision`. A missing or unknown precision is taken as
 * `day`. A value that is not a real ISO date, or a period that ends before it starts, is shown
 * as the data writes it rather than guessed at; no date at all is the empty string.
 */
export function formatDate(fields: DateFields): string {
  const precision = precisionOf(fields.datePrecision);
  const hasEnd = fields.dateEnd !== undefined && fields.dateEnd !== null;
  const start = parseIsoDate(fields.date);
  const end = hasEnd ? parseIsoDate(fields.dateEnd) : start;
  if (!start || !end || key(end, precision) < key(start, precision)) {
    const written = [fields.date, hasEnd ? fields.dateEnd : undefined].filter(
      (part) => part !== undefined && part !== null,
    );
    return written.map(String).join(' – ');
  }
  return key(end, precision) === key(start, precision) ? single(start, precision) : period(start, end, precision);
}
