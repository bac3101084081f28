// What a quote names: entities by name, alias or demonym; weekdays; calendar dates. Pure text
// functions, lenient where the articles' typography varies (whitespace, curly apostrophes, a
// capital at the start of a sentence) and strict on words (no match inside a longer word).

import { collapseWhitespace } from '../../domain/quote-location.ts';

const plain = (text: string) => collapseWhitespace(text).replace(/[‘’]/g, "'");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when the text contains one of the names as a whole word ("China’s" names China; "Chinese" does not). */
export function namesAny(text: string, names: readonly string[]): boolean {
  const haystack = plain(text);
  return names.some((name) => {
    const needle = plain(name);
    if (needle === '') return false;
    const first = needle[0]!;
    const head =
      first.toLowerCase() === first.toUpperCase()
        ? escapeRegExp(first)
        : `[${first.toLowerCase()}${first.toUpperCase()}]`;
    return new RegExp(`(?<![\\p{L}\\p{N}])${head}${escapeRegExp(needle.slice(1))}(?![\\p{L}\\p{N}])`, 'u').test(
      haystack,
    );
  });
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** The weekdays the text names, as 0 (Sunday) to 6 (Saturday), each once, in week order. */
export function namedWeekdays(text: string): number[] {
  const found = new Set<number>();
  for (const match of plain(text).matchAll(/\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/g)) {
    found.add(weekdays.indexOf(match[0] as (typeof weekdays)[number]));
  }
  return [...found].sort((a, b) => a - b);
}

export function weekdayName(day: number): string {
  return weekdays[day]!;
}

export interface NamedDate {
  month: number;
  day: number;
  year?: number;
}

const monthPattern =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const monthIndex = (name: string) =>
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(
    name.slice(0, 3).toLowerCase(),
  ) + 1;

/** Calendar dates the text states: "Aug 21, 2024", "21 August", "2024-08-21". */
export function namedDates(text: string): NamedDate[] {
  const source = plain(text);
  const dates: NamedDate[] = [];
  const year = (value: string | undefined) => (value === undefined ? {} : { year: Number(value) });
  for (const m of source.matchAll(
    new RegExp(`\\b${monthPattern} (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4})\\b)?`, 'g'),
  ))
    dates.push({ month: monthIndex(m[1]!), day: Number(m[2]), ...year(m[3]) });
  for (const m of source.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${monthPattern}(?:,? (\\d{4})\\b)?`, 'g')))
    dates.push({ month: monthIndex(m[2]!), day: Number(m[1]), ...year(m[3]) });
  for (const m of source.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g))
    dates.push({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
  return dates.filter((date) => date.day >= 1 && date.day <= 31);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 0 (Sunday) to 6 (Saturday). */
export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}
