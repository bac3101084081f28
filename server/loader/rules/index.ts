import type { RelationEntry } from '../curated-schema.ts';
import { asOf } from './as-of.ts';
import { dayPrecision } from './day-precision.ts';
import { endsNamed } from './ends-named.ts';
import type { RelationRule, RuleContext } from './types.ts';
import { verbatim } from './verbatim.ts';
import { visitDestination } from './visit-destination.ts';

/** The rules over what the evidence says; they run once the evidence is known to be verbatim. */
const evidenceRules: readonly RelationRule[] = [endsNamed, dayPrecision, asOf, visitDestination];

/** What is wrong with one relation under the curation rules (documented in seed/data/README.md). */
export function relationProblems(relation: RelationEntry, context: RuleContext): string[] {
  const notVerbatim = verbatim(relation, context);
  if (notVerbatim.length > 0) return notVerbatim;
  return evidenceRules.flatMap((rule) => rule(relation, context));
}

export { placeProblems } from './place.ts';
export { roleAsOfProblems } from './role-as-of.ts';
export type { RuleContext, RelationRule } from './types.ts';
