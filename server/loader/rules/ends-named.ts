import { namesAny } from './evidence-text.ts';
import { namesOf } from './names-of.ts';
import { evidenceOf, type RelationRule } from './types.ts';

/**
 * The evidence names both ends, so a reader sees the relation in it rather than in the curator's
 * reading of "he", "the two officials" or "his Russian counterpart". Events are exempt: articles
 * describe a meeting or an offensive, they do not name it.
 */
export const endsNamed: RelationRule = (relation, context) => {
  const evidence = evidenceOf(relation);
  return (['source', 'target'] as const).flatMap((end) => {
    const entity = context.entity(relation[end])!;
    if (entity.label === 'Event' || namesAny(evidence, namesOf(entity))) return [];
    const missing =
      relation.context === undefined ? 'the quote does not name' : 'neither the quote nor the context names';
    return [`${missing} the ${end} ${entity.id} (by name, alias or demonym)`];
  });
};
