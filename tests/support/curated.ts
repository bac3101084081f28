// The curated data set, read once, to derive what the API should answer.
import { readCurated } from '../../server/loader/curated.ts';

export const curated = readCurated();

/** The curated relations touching a node, as the API should count them. */
export function relationsOf(id: string) {
  return curated.relations.filter((relation) => relation.source === id || relation.target === id);
}
