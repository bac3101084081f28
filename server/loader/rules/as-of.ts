import type { DatePrecision, PublishedPrecision } from '../curated-schema.ts';
import type { RelationRule } from './types.ts';

/** Relations that state how things stand when the article was written, not something that happened. */
export const asOfTypes: ReadonlySet<string> = new Set(['HOLDS_OFFICE', 'ALLIED_WITH', 'FRIENDS_WITH']);

/** The finest precision a date taken from a publication date of that certainty can claim. */
const finestFor: Record<PublishedPrecision, DatePrecision> = { day: 'day', week: 'month', estimate: 'month' };
const coarseness: Record<DatePrecision, number> = { day: 0, month: 1, year: 2 };

/**
 * An "as of" relation is dated at its (first) source's publication date, and is no more precise
 * than that date is known: a page that states its date gives `day`, an inferred one `month`.
 */
export const asOf: RelationRule = (relation, context) => {
  if (!asOfTypes.has(relation.type)) return [];
  const source = context.source(relation.sources[0]!)!;
  const problems: string[] = [];
  if (relation.date !== source.published) {
    problems.push(
      `a ${relation.type} relation holds as of its source's publication date: date must be ${source.published} (${source.id}), not ${relation.date}`,
    );
  }
  const finest = finestFor[source.publishedPrecision];
  if (coarseness[relation.datePrecision] < coarseness[finest]) {
    problems.push(
      `datePrecision ${relation.datePrecision} is finer than ${source.id}'s publication date allows (publishedPrecision ${source.publishedPrecision}): at most ${finest}`,
    );
  }
  return problems;
};
