import { collapseWhitespace } from './evidence-text.ts';
import type { RelationRule } from './types.ts';

/** The quote appears verbatim in the first cited article. */
export const verbatim: RelationRule = (relation, context) => {
  const cited = relation.sources[0]!;
  const article = context.article(cited);
  if (article === undefined || article.includes(collapseWhitespace(relation.quote))) return [];
  return [`quote not found verbatim in ${cited}: "${relation.quote.slice(0, 80)}"`];
};
