// Parses a request part with its zod schema; a failure names each field and why.
import type { z } from 'zod';
import { ValidationError } from './problems.ts';

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => {
      const field = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        return { field: issue.keys.join(', ') || field || '(request)', message: 'unknown field' };
      }
      return { field: field || '(request)', message: issue.message };
    }),
  );
}
