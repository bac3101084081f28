import { z } from 'zod';

// The shapes of seed/data/*.json. What a shape cannot say (quotes verbatim) is checked by the
// rules in ./rules/.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

export const SourceSchema = z.strictObject({
  id: z.string().regex(/^source:[a-z0-9-]+$/, 'must look like source:<kebab-case>'),
  file: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  published: isoDate,
  publishedNote: z.string().optional(),
  url: z.string().url().optional(),
});

const common = {
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
};
export const EntitySchema = z.discriminatedUnion('label', [
  z.strictObject({
    id: z.string().regex(/^country:[A-Z]{3}$/, 'must be country:<ISO3>'),
    label: z.literal('Country'),
    iso3: z.string().regex(/^[A-Z]{3}$/),
    ...common,
  }),
  z.strictObject({
    id: z.string().regex(/^person:[a-z0-9-]+$/, 'must be person:<kebab-case>'),
    label: z.literal('Person'),
    role: z.string().min(1),
    ...common,
  }),
  z.strictObject({
    id: z.string().regex(/^org:[a-z0-9-]+$/, 'must be org:<kebab-case>'),
    label: z.literal('Organization'),
    kind: z.string().min(1),
    ...common,
  }),
  z.strictObject({
    id: z.string().regex(/^event:[a-z0-9-]+$/, 'must be event:<kebab-case>'),
    label: z.literal('Event'),
    date: isoDate,
    ...common,
  }),
]);

export const RelationSchema = z.strictObject({
  id: z.string().regex(/^rel:[a-z0-9-]+$/, 'must be rel:<kebab-case>'),
  type: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be UPPER_SNAKE_CASE'),
  source: z.string().min(1),
  target: z.string().min(1),
  date: isoDate,
  dateEnd: isoDate.optional(),
  datePrecision: z.enum(['day', 'month', 'year']),
  summary: z.string().min(1),
  sources: z.array(z.string()).min(1, 'must cite at least one source'),
  quote: z.string().min(1, 'must quote the supporting sentence'),
});

export type SourceEntry = z.infer<typeof SourceSchema>;
export type EntityEntry = z.infer<typeof EntitySchema>;
export type RelationEntry = z.infer<typeof RelationSchema>;

export interface CuratedData {
  sources: SourceEntry[];
  entities: EntityEntry[];
  relations: RelationEntry[];
}
