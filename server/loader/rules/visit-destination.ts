import type { RelationRule } from './types.ts';

/** A visit's destination is its target, and a destination is a country: so a map can place it. */
export const visitDestination: RelationRule = (relation, context) =>
  relation.type === 'VISITED' && context.entity(relation.target)?.label !== 'Country'
    ? [`VISITED points at ${relation.target}: a visit's target is its destination, a Country`]
    : [];
