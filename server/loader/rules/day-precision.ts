import type { RelationEntry, SourceEntry } from '../curated-schema.ts';
import { asOfTypes } from './as-of.ts';
import { daysBetween, namedDates, namedWeekdays, weekdayName, weekdayOf } from './evidence-text.ts';
import { evidenceOf, type RelationRule } from './types.ts';

/** How far from the publication date a weekday the article names can resolve (a week, and a day of slack). */
const weekdayReach = 7;

const isAsOfOnStatedDate = (relation: RelationEntry, source: SourceEntry) =>
  asOfTypes.has(relation.type) && source.publishedPrecision === 'day' && relation.date === source.published;

/**
 * `day` precision needs a day the evidence names: a calendar date that is the relation's date, or
 * a weekday that the date falls on, within a week of a publication date known to the day or the
 * week. The one exception is an "as of" relation dated at a publication date the page states.
 */
export const dayPrecision: RelationRule = (relation, context) => {
  if (relation.datePrecision !== 'day') return [];
  const source = context.source(relation.sources[0]!)!;
  const evidence = evidenceOf(relation);
  const [year, month, day] = relation.date.split('-').map(Number);
  const dates = namedDates(evidence);
  if (dates.some((d) => d.month === month && d.day === day && (d.year === undefined || d.year === year))) return [];
  const weekdays = namedWeekdays(evidence);
  if (weekdays.length > 0) {
    const named = weekdays.map(weekdayName).join(' or ');
    if (source.publishedPrecision === 'estimate') {
      return [
        `datePrecision day rests on "${named}", but ${source.id}'s publication date is an estimate: a weekday resolves only against a date known to the day or the week`,
      ];
    }
    const actual = weekdayOf(relation.date);
    if (!weekdays.includes(actual)) {
      return [`datePrecision day: ${relation.date} is a ${weekdayName(actual)}, but the evidence names ${named}`];
    }
    const distance = Math.abs(daysBetween(source.published, relation.date));
    if (distance > weekdayReach) {
      return [
        `datePrecision day: ${relation.date} is ${distance} days from ${source.id}'s publication date (${source.published}); a named ${named} resolves within a week of it`,
      ];
    }
    return [];
  }
  if (dates.length > 0) return [`datePrecision day: ${relation.date} is not the date the evidence names`];
  if (isAsOfOnStatedDate(relation, source)) return [];
  return ['datePrecision day needs a day the quote or context names (a weekday or a date), and it names none'];
};
