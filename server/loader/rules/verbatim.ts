import { collapseWhitespace } from '../../domain/quote-location.ts';
import type { RelationRule } from './types.ts';

/** The quote, and the context passage when there is one, appear verbatim in the first cited article. */
export const verbatim: RelationRule = (relation, context) => {
  const cited = relation.sources[0]!;
  const article = context.article(cited);
  if (article === undefined) return [];
  const passages = { quote: relation.quote, context: relation.context };
  return Object.entries(passages).flatMap(([field, text]) =>
    text === undefined || article.includes(collapseWhitespace(text))
      ? []
      : [`${field} not found verbatim in ${cited}: "${text.slice(0, 80)}"`],
  );
};
