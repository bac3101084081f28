import { collapseWhitespace } from '../../domain/quote-location.ts';
import type { EntityEntry, RelationEntry } from '../curated-schema.ts';
import { namesAny } from './evidence-text.ts';
import { namesOf } from './names-of.ts';
import type { RuleContext } from './types.ts';

/** The place fields each label may carry: the country id and the passage that supports it. */
const placeFields = {
  Event: { place: 'country', quote: 'countryQuote' },
  Organization: { place: 'seat', quote: 'seatQuote' },
} as const;

/**
 * Where an Event happened (`country`) or where an Organization is based (`seat`) is data only when
 * an article says so: the place is a Country of the data set, and its passage is verbatim in an
 * article cited by one of the entity's relations and names that country (by name, alias or
 * demonym); an organisation's passage names the organisation too (an event's cannot: articles
 * describe a meeting, they do not name it).
 */
export function placeProblems(
  entity: EntityEntry,
  relationsOf: (id: string) => RelationEntry[],
  context: RuleContext,
): string[] {
  if (entity.label !== 'Event' && entity.label !== 'Organization') return [];
  const fields = placeFields[entity.label];
  const record = entity as Record<string, unknown>;
  const place = record[fields.place] as string | undefined;
  const quote = record[fields.quote] as string | undefined;
  if (place === undefined && quote === undefined) return [];
  if (place === undefined) return [`${fields.quote} given without ${fields.place}`];
  if (quote === undefined) return [`${fields.place} ${place} needs ${fields.quote}, the passage that says so`];
  const country = context.entity(place);
  if (country?.label !== 'Country') return [`${fields.place} ${place} is not a known country`];
  const cited = [...new Set(relationsOf(entity.id).flatMap((relation) => relation.sources))];
  const passage = collapseWhitespace(quote);
  if (!cited.some((id) => context.article(id)?.includes(passage)))
    return [
      `${fields.quote} not found verbatim in an article cited by its relations (${cited.join(', ') || 'none'}): "${quote.slice(0, 80)}"`,
    ];
  const problems: string[] = [];
  if (!namesAny(quote, namesOf(country)))
    problems.push(`${fields.quote} does not name ${place} (by name, alias or demonym)`);
  if (entity.label === 'Organization' && !namesAny(quote, namesOf(entity)))
    problems.push(`${fields.quote} does not name ${entity.id} (by name or alias)`);
  return problems;
}
