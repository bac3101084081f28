// The curated data as raw JSON, and what the loader says about a changed copy of it.
import { readFileSync } from 'node:fs';
import { readArticle, SeedDataError, validateCurated } from '../../server/loader/curated.ts';

const dataDir = new URL('../../seed/data/', import.meta.url);
const readData = (file: string) => JSON.parse(readFileSync(new URL(file, dataDir), 'utf8'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw JSON, changed freely to make it invalid
type Raw = { sources: any[]; entities: any[]; relations: any[] };

export const raw: Raw = {
  sources: readData('sources.json'),
  entities: readData('entities.json'),
  relations: readData('relations.json'),
};

/** The loader's problems with a copy of the curated data changed by `mutate`; [] when it is valid. */
export function problemsOf(mutate: (copy: Raw) => void): string[] {
  const copy = structuredClone(raw);
  mutate(copy);
  try {
    validateCurated(copy, readArticle);
  } catch (error) {
    if (error instanceof SeedDataError) return error.problems;
    throw error;
  }
  return [];
}

/** The raw record with this id, in a copy (throws when there is none, so a renamed id fails loudly). */
export function recordIn<T extends { id: string }>(records: T[], id: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no record ${id} in the curated data`);
  return record;
}
