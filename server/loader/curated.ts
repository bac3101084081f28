import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { searchProperties } from '../domain/search-key.ts';
import type { GraphData, NodeRecord, RelationshipRecord } from './graph-data.ts';

// The curated data set: hand-extracted from the articles in seed/articles/ (copies of the
// project's source material), every relation citing an article and quoting it verbatim.

const dataDir = fileURLToPath(new URL('../../seed/data/', import.meta.url));
export const articlesDir = fileURLToPath(new URL('../../seed/articles/', import.meta.url));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');

const SourceSchema = z.strictObject({
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
const EntitySchema = z.discriminatedUnion('label', [
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

const RelationSchema = z.strictObject({
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

export class SeedDataError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `invalid seed data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`,
    );
  }
}

const collapseWhitespace = (text: string) => text.replace(/\s+/g, ' ').trim();

function parseArray<T>(file: string, schema: z.ZodType<T>, raw: unknown, problems: string[]): T[] {
  if (!Array.isArray(raw)) {
    problems.push(`${file}: must be a JSON array`);
    return [];
  }
  const parsed: T[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    const name = (item as { id?: unknown })?.id ?? `#${index}`;
    if (result.success) parsed.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push(`${file} ${String(name)}: ${issue.path.join('.') || '(record)'} ${issue.message}`);
  });
  return parsed;
}

/** Checks shapes, unique ids, that ends and cited sources exist, and that every quote is verbatim. */
export function validateCurated(
  raw: { sources: unknown; entities: unknown; relations: unknown },
  readArticle: (file: string) => string | undefined,
): CuratedData {
  const problems: string[] = [];
  const sources = parseArray('sources.json', SourceSchema, raw.sources, problems);
  const entities = parseArray('entities.json', EntitySchema, raw.entities, problems);
  const relations = parseArray('relations.json', RelationSchema, raw.relations, problems);

  const seen = new Set<string>();
  for (const { id } of [...sources, ...entities, ...relations]) {
    if (seen.has(id)) problems.push(`duplicate id ${id}`);
    seen.add(id);
  }

  const articleText = new Map<string, string>();
  for (const source of sources) {
    const text = readArticle(source.file);
    if (text === undefined) problems.push(`sources.json ${source.id}: article file ${source.file} not found`);
    else articleText.set(source.id, collapseWhitespace(text));
  }

  const entityIds = new Set(entities.map((entity) => entity.id));
  for (const relation of relations) {
    const where = `relations.json ${relation.id}`;
    if (!entityIds.has(relation.source)) problems.push(`${where}: source ${relation.source} is not a known entity`);
    if (!entityIds.has(relation.target)) problems.push(`${where}: target ${relation.target} is not a known entity`);
    if (relation.dateEnd && relation.dateEnd < relation.date) problems.push(`${where}: dateEnd is before date`);
    for (const cited of relation.sources) {
      if (!sources.some((source) => source.id === cited)) problems.push(`${where}: cites unknown source ${cited}`);
    }
    const article = articleText.get(relation.sources[0]!);
    if (article !== undefined && !article.includes(collapseWhitespace(relation.quote))) {
      problems.push(`${where}: quote not found verbatim in ${relation.sources[0]}: "${relation.quote.slice(0, 80)}"`);
    }
  }
  if (problems.length > 0) throw new SeedDataError(problems);
  return { sources, entities, relations };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(`${dataDir}${file}`, 'utf8'));
  } catch (error) {
    throw new SeedDataError([`${file}: ${(error as Error).message}`]);
  }
}

export function readArticle(file: string): string | undefined {
  const path = `${articlesDir}${file}`;
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function readCurated(): CuratedData {
  return validateCurated(
    { sources: readJson('sources.json'), entities: readJson('entities.json'), relations: readJson('relations.json') },
    readArticle,
  );
}

/** The curated data as nodes and relationships: entities, one Source node per article, relations. */
export function toGraphData({ sources, entities, relations }: CuratedData): GraphData {
  const sourceNodes: NodeRecord[] = sources.map(({ id, ...properties }) => ({
    id,
    label: 'Source',
    properties: {
      ...properties,
      name: properties.title,
      ...searchProperties(properties.title, [properties.publisher], id),
    },
  }));
  const entityNodes: NodeRecord[] = entities.map(({ id, label, ...properties }) => ({
    id,
    label,
    properties: { ...properties, ...searchProperties(properties.name, properties.aliases ?? [], id) },
  }));
  const relationships: RelationshipRecord[] = relations.map(({ id, type, source, target, ...properties }) => ({
    id,
    type,
    source,
    target,
    properties,
  }));
  return { nodes: [...sourceNodes, ...entityNodes], relationships };
}
