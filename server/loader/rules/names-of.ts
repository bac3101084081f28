import type { EntityEntry } from '../curated-schema.ts';

/** The words an article may use for an entity: its name, its aliases, a country's demonym. */
export function namesOf(entity: EntityEntry): string[] {
  return [
    entity.name,
    ...(entity.aliases ?? []),
    ...(entity.label === 'Country' && entity.demonym ? [entity.demonym] : []),
  ];
}
