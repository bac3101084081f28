import { TooManyIdsError } from './errors.ts';

/** The distinct ids, if there are at most `max` of them; else a TooManyIdsError naming the cap. */
export function cappedIds(ids: readonly string[], max: number, field = 'ids'): string[] {
  const unique = [...new Set(ids)];
  if (unique.length > max) throw new TooManyIdsError(field, unique.length, max);
  return unique;
}
