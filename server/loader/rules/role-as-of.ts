import type { EntityEntry, RelationEntry, SourceEntry } from '../curated-schema.ts';

/**
 * A person's `role` is dated: `roleAsOf` is the publication date of an article that cites the
 * person (one of their relations cites it), so an office is never read as current past its source.
 */
export function roleAsOfProblems(
  entity: EntityEntry,
  relationsOf: (id: string) => RelationEntry[],
  source: (id: string) => SourceEntry | undefined,
): string[] {
  if (entity.label !== 'Person') return [];
  const dates = new Set(
    relationsOf(entity.id).flatMap((relation) => relation.sources.flatMap((id) => source(id)?.published ?? [])),
  );
  if (dates.has(entity.roleAsOf)) return [];
  const known = [...dates].sort().join(', ') || 'none';
  return [`roleAsOf ${entity.roleAsOf} is not the publication date of a source citing ${entity.id} (${known})`];
}
