import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  namedDates,
  namedWeekdays,
  namesAny,
  weekdayOf,
} from '../../server/loader/rules/evidence-text.ts';

describe('namesAny', () => {
  it.each([
    ['China’s Foreign Ministry said Monday', ["China's Foreign Ministry"]],
    ['The Kremlin has become increasingly reliant', ['the Kremlin']],
    ['Russia-China “large-scale joint plans”', ['Russia']],
    ['Speaking to Chinese\n  Premier Li Qiang', ['Chinese Premier Li Qiang']],
    ['accusing Western countries of prolonging', ['Western countries']],
    ['“Mr Xi wants to show America', ['Mr Xi']],
  ])('when "%s" contains one of %j as a word, is true', (text, names) => {
    expect(namesAny(text, names)).toBe(true);
  });

  it.each([
    ['Chinese exports', ['China']],
    ['a top Chinese official', ['Li']],
    ['despite Western opposition', ['West']],
    ['Ukrainian forces', ['Ukraine']],
    ['the trade is largely in roubles', ['US']],
    ['anything at all', ['']],
  ])('when "%s" holds %j only inside a longer word (or not at all), is false', (text, names) => {
    expect(namesAny(text, names)).toBe(false);
  });

  it('when a name differs in case beyond its first letter, is false', () => {
    expect(namesAny('the us and them', ['US'])).toBe(false);
  });
});

describe('namedWeekdays', () => {
  it.each([
    ['Putin said Thursday.', [4]],
    ['on Sunday, and again on Wednesday', [0, 3]],
    ['Wednesday’s meeting and Wednesday’s talks', [3]],
    ['last week', []],
    ['Sundays are quiet', []],
  ])('when the text is "%s", names %j', (text, expected) => {
    expect(namedWeekdays(text)).toEqual(expected);
  });
});

describe('namedDates', () => {
  it.each([
    ['Updated Aug 21, 2024, 3:06pm EDT', [{ month: 8, day: 21, year: 2024 }]],
    ['on 16 May 2024 in Beijing', [{ month: 5, day: 16, year: 2024 }]],
    ['by Sept. 3', [{ month: 9, day: 3 }]],
    ['dated 2025-07-13', [{ month: 7, day: 13, year: 2025 }]],
    ['due to arrive by July.', []],
    ['Kyiv may have to turn to China', []],
    ['in May 2024', []],
  ])('when the text is "%s", finds %j', (text, expected) => {
    expect(namedDates(text)).toEqual(expected);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2024-08-21', 3],
    ['2024-05-16', 4],
    ['2025-07-13', 0],
  ])('when the date is %s, its weekday is %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([
    ['2024-08-21', '2024-08-19', -2],
    ['2024-02-28', '2024-03-01', 2],
    ['2024-12-31', '2025-01-07', 7],
  ])('when counting from %s to %s, gives %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
