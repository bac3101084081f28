import { z } from 'zod';

// The shapes of seed/data/*.json. What a shape cannot say (quotes verbatim, ends named, dates
// as precise as their evidence) is checked by the rules in ./rules/.

/** An article is named by a plain file name in seed/articles/: no folders, no way out of it. */
export const articleName = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

/** How exactly a date is known: the relation's own flag, and an Event's. */
export const datePrecision = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof datePrecision>;

/**
 * How well a source's publication date is known: `day` when the page states it; `week` when it
 * is inferred and the events the article dates by weekday are fixed by other evidence, so its
 * weekdays resolve to single days; `estimate` when even the week is uncertain.
 */
export const publishedPrecision = z.enum(['day', 'week', 'estimate']);
export type PublishedPrecision = z.infer<typeof publishedPrecision>;

export const SourceSchema = z
  .strictObject({
    id: z.string().regex(/^source:[a-z0-9-]+$/, 'must look like source:<kebab-case>'),
    file: z.string().regex(articleName, 'must be a file name in seed/articles/'),
    title: z.string().min(1),
    publisher: z.string().min(1),
    published: isoDate,
    publishedPrecision,
    publishedNote: z.string().optional(),
    url: z.string().url().optional(),
  })
  .refine((source) => source.publishedPrecision === 'day' || Boolean(source.publishedNote), {
    path: ['publishedNote'],
    message: 'must explain how a date the page does not state was inferred',
  });

const countryId = z.string().regex(/^country:[A-Z]{3}$/, 'must be a country id, country:<ISO3>');

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
    demonym: z.string().min(1).optional(),
    ...common,
  }),
  z.strictObject({
    id: z.string().regex(/^person:[a-z0-9-]+$/, 'must be person:<kebab-case>'),
    label: z.literal('Person'),
    role: z.string().min(1),
    roleAsOf: isoDate,
    ...common,
  }),
  z.strictObject({
    id: z.string().regex(/^org:[a-z0-9-]+$/, 'must be org:<kebab-case>'),
    label: z.literal('Organization'),
    kind: z.string().min(1),
    /** The country it is based in, where an article says so (see ./rules/place.ts). */
    seat: countryId.optional(),
    /** The passage saying so, verbatim from an article cited by one of its relations. */
    seatQuote: z.string().min(1).optional(),
    ...common,
  }),
  z.strictObject({
    id: z.string().regex(/^event:[a-z0-9-]+$/, 'must be event:<kebab-case>'),
    label: z.literal('Event'),
    date: isoDate,
    datePrecision,
    /** The country where it happened, where an article says so (see ./rules/place.ts). */
    country: countryId.optional(),
    /** The passage saying so, verbatim from an article cited by one of its relations. */
    countryQuote: z.string().min(1).optional(),
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
  datePrecision,
  summary: z.string().min(1),
  sources: z.array(z.string()).min(1, 'must cite at least one source'),
  quote: z.string().min(1, 'must quote the supporting sentence'),
  /** A second passage of the same article naming what the quote only refers to (an end, the day). */
  context: z.string().min(1).optional(),
});

export type SourceEntry = z.infer<typeof SourceSchema>;
export type EntityEntry = z.infer<typeof EntitySchema>;
export type RelationEntry = z.infer<typeof RelationSchema>;

export interface CuratedData {
  sources: SourceEntry[];
  entities: EntityEntry[];
  relations: RelationEntry[];
}
