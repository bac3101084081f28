import type { EntityEntry, RelationEntry, SourceEntry } from '../curated-schema.ts';

/** What a rule may look up about the data set it checks. */
export interface RuleContext {
  entity(id: string): EntityEntry | undefined;
  source(id: string): SourceEntry | undefined;
  /** The cited article's text, whitespace collapsed; undefined when the file is missing. */
  article(sourceId: string): string | undefined;
}

/**
 * One curation rule over one relation whose ends and cited sources exist. Returns what is wrong,
 * each problem a phrase that follows "relations.json <id>: ".
 */
export type RelationRule = (relation: RelationEntry, context: RuleContext) => string[];

/** The quote and, when there is one, the context passage: the evidence a relation shows. */
export const evidenceOf = (relation: RelationEntry): string =>
  relation.context === undefined ? relation.quote : `${relation.quote} ${relation.context}`;
