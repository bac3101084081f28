// A JSON object read as a record keyed by names from the data. zod's z.record rebuilds the object
// by assignment, so a key "__proto__" sets the prototype of the result instead of becoming a key
// (a label, a type or a node id may be called that). This reads the entries and defines them.
import { z } from 'zod';

/** A JSON object whose keys and values pass the schemas, every key kept as an own property. */
export function ownRecord<V>(key: z.ZodType<string>, value: z.ZodType<V>): z.ZodType<Record<string, V>> {
  return z
    .custom<Record<string, unknown>>(
      (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
      'expected an object',
    )
    .transform((input): [unknown, unknown][] => Object.entries(input))
    .pipe(z.array(z.tuple([key, value])))
    .transform((entries) => Object.fromEntries(entries));
}
