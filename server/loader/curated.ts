import { readFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { searchProperties } from '../domain/search-key.ts';
import {
  articleName,
  EntitySchema,
  RelationSchema,
  SourceSchema,
  type CuratedData,
  type EntityEntry,
  type RelationEntry,
  type SourceEntry,
} from './curated-schema.ts';
import type { GraphData, NodeRecord, RelationshipRecord } from './graph-data.ts';
import { collapseWhitespace } from '../domain/quote-location.ts';
import { namesOf } from './rules/names-of.ts';
import { placeProblems, relationProblems, roleAsOfProblems, type RuleContext } from './rules/index.ts';

export type { CuratedData, EntityEntry, RelationEntry, SourceEntry };

// The curated data set: hand-extracted from the articles in seed/articles/ (copies of the
// project's source material), every relation citing an article and quoting it verbatim.

const dataDir = fileURLToPath(new URL('../../seed/data/', import.meta.url));
export const articlesDir = fileURLToPath(new URL('../../seed/articles/', import.meta.url));

export class SeedDataError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `invalid seed data (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`,
    );
  }
}

/**
 * The records of one file that pass its schema. The ids of those that do not go into `invalid`:
 * they exist, so a reference to them is not reported again as a reference to nothing.
 */
function parseArray<T>(
  file: string,
  schema: z.ZodType<T>,
  raw: unknown,
  problems: string[],
  invalid: Set<string>,
): T[] {
  if (!Array.isArray(raw)) {
    problems.push(`${file}: must be a JSON array`);
    return [];
  }
  const parsed: T[] = [];
  raw.forEach((item, index) => {
    const result = schema.safeParse(item);
    const id = (item as { id?: unknown })?.id;
    if (result.success) {
      parsed.push(result.data);
      return;
    }
    if (typeof id === 'string') invalid.add(id);
    for (const issue of result.error.issues)
      problems.push(`${file} ${String(id ?? `#${index}`)}: ${issue.path.join('.') || '(record)'} ${issue.message}`);
  });
  return parsed;
}

/**
 * Checks shapes, unique ids, that ends and cited sources exist, then the curation rules (quotes
 * verbatim, ends named, dates no more precise than their evidence: see ./rules/).
 */
export function validateCurated(
  raw: { sources: unknown; entities: unknown; relations: unknown },
  readArticle: (file: string) => string | undefined,
): CuratedData {
  const problems: string[] = [];
  const invalid = new Set<string>();
  const sources = parseArray('sources.json', SourceSchema, raw.sources, problems, invalid);
  const entities = parseArray('entities.json', EntitySchema, raw.entities, problems, invalid);
  const relations = parseArray('relations.json', RelationSchema, raw.relations, problems, invalid);

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

  const entityById = new Map(entities.map((entity) => [entity.id, entity]));
  const sourceById = new Map(sources.map((source) => [source.id, source]));
  const context: RuleContext = {
    entity: (id) => entityById.get(id),
    source: (id) => sourceById.get(id),
    article: (id) => articleText.get(id),
  };
  const citesInvalid = (relation: RelationEntry) =>
    [relation.source, relation.target, ...relation.sources].some((id) => invalid.has(id));
  for (const relation of relations) {
    const where = `relations.json ${relation.id}`;
    // A reference to a record that failed its schema was reported with that record.
    if (citesInvalid(relation)) continue;
    const before = problems.length;
    if (!entityById.has(relation.source)) problems.push(`${where}: source ${relation.source} is not a known entity`);
    if (!entityById.has(relation.target)) problems.push(`${where}: target ${relation.target} is not a known entity`);
    if (relation.dateEnd && relation.dateEnd < relation.date) problems.push(`${where}: dateEnd is before date`);
    for (const cited of relation.sources) {
      if (!sourceById.has(cited)) problems.push(`${where}: cites unknown source ${cited}`);
    }
    // The rules read both ends and every cited source: only a relation whose references hold.
    if (problems.length > before) continue;
    problems.push(...relationProblems(relation, context).map((problem) => `${where}: ${problem}`));
  }

  const relationsOf = (id: string) => relations.filter((relation) => relation.source === id || relation.target === id);
  for (const entity of entities) {
    if (relationsOf(entity.id).some(citesInvalid)) continue;
    problems.push(
      ...[...roleAsOfProblems(entity, relationsOf, context.source), ...placeProblems(entity, relationsOf, context)].map(
        (problem) => `entities.json ${entity.id}: ${problem}`,
      ),
    );
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
  if (!articleName.test(file)) return undefined;
  const path = `${articlesDir}${file}`;
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** The text of an article in seed/articles/, or undefined when no such file is there. */
export async function readArticleText(file: string): Promise<string | undefined> {
  if (!articleName.test(file)) return undefined;
  try {
    return await readFile(`${articlesDir}${file}`, 'utf8');
  } catch (error) {
    if (['ENOENT', 'EISDIR', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
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
  const entityNodes: NodeRecord[] = entities.map((entity) => {
    const { id, label, ...properties } = entity;
    return { id, label, properties: { ...properties, ...searchProperties(entity.name, namesOf(entity).slice(1), id) } };
  });
  const relationships: RelationshipRecord[] = relations.map(({ id, type, source, target, ...properties }) => ({
    id,
    type,
    source,
    target,
    properties,
  }));
  return { nodes: [...sourceNodes, ...entityNodes], relationships };
}
