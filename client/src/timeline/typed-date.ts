// Dates typed into the timeline's from/to fields, at whatever precision the user writes them:
// "2024", "May 2024", "2024-05", "16 May 2024", "May 16, 2024", "2024-05-16". A bound is the first day of what
// is written (from) or the last (to), so "2024" to "2024" is the whole year. Bounds are shown back
// the same way: as short as the day they name allows.
import { daysInMonth, parseIsoDate, toIsoDate } from '../../../common/dates/iso-date.ts';

export type Side = 'from' | 'to';

export type Typed = { ok: true; iso: string | undefined } | { ok: false; message: string };

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const shortNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month by its English name or any start of it of three letters or more ("Sep", "Sept", "September"). */
function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return undefined;
  const index = monthNames.findIndex((name) => name.startsWith(lower));
  return index < 0 ? undefined : index + 1;
}

function bound(year: number, month: number | undefined, day: number | undefined, side: Side): Typed {
  if (year < 1 || year > 9999) return { ok: false, message: 'the year must have four digits' };
  if (month !== undefined && (month < 1 || month > 12)) return { ok: false, message: `no month ${month}` };
  const m = month ?? (side === 'from' ? 1 : 12);
  const last = daysInMonth(year, m);
  if (day !== undefined && (day < 1 || day > last))
    return { ok: false, message: `${shortNames[m - 1]} ${year} has no day ${day}` };
  const d = day ?? (side === 'from' ? 1 : last);
  return { ok: true, iso: toIsoDate({ year, month: m, day: d }) };
}

/** A typed bound as an ISO day, or why it cannot be read; empty text is an open bound. */
export function parseTyped(text: string, side: Side): Typed {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: true, iso: undefined };
  let match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
  if (match) {
    const [, year, month, day] = match;
    return bound(Number(year), month ? Number(month) : undefined, day ? Number(day) : undefined, side);
  }
  match = /^(?:(\d{1,2}) )?([A-Za-z]+\.?),? (\d{4})$/.exec(value);
  if (match) {
    const [, day, name, year] = match;
    const month = monthNumber(name!);
    if (month === undefined) return { ok: false, message: `"${name}" is not a month` };
    return bound(Number(year), month, day ? Number(day) : undefined, side);
  }
  match = /^([A-Za-z]+\.?) (\d{1,2}),? (\d{4})$/.exec(value);
  if (match) {
    const [, name, day, year] = match;
    const month = monthNumber(name!);
    if (month === undefined) return { ok: false, message: `"${name}" is not a month` };
    return bound(Number(year), month, Number(day), side);
  }
  return { ok: false, message: 'write a date such as 2024, May 2024, 16 May 2024 or 2024-05-16' };
}

/** A bound as short as it can be written and still read back as the same day. */
export function formatBound(iso: string | undefined, side: Side): string {
  const date = iso === undefined ? undefined : parseIsoDate(iso);
  if (!date) return iso ?? '';
  const { year, month, day } = date;
  const edgeDay = side === 'from' ? 1 : daysInMonth(year, month);
  const edgeMonth = side === 'from' ? 1 : 12;
  if (day === edgeDay && month === edgeMonth) return String(year);
  if (day === edgeDay) return `${shortNames[month - 1]} ${year}`;
  return `${day} ${shortNames[month - 1]} ${year}`;
}
