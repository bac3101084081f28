import type { RelationEntry } from '../curated-schema.ts';
import type { RuleContext } from './types.ts';
import { verbatim } from './verbatim.ts';

/** What is wrong with one relation under the curation rules (documented in seed/data/README.md). */
export function relationProblems(relation: RelationEntry, context: RuleContext): string[] {
  return verbatim(relation, context);
}

export type { RuleContext, RelationRule } from './types.ts';
