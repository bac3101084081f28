// Warnings for names the database does not have: labels, relationship types and property keys in a
// query that the schema (GET /api/schema) does not list, each with the nearest name it does list.
// The query is parsed with Neo4j's editor parser (the one the console's editor runs), so names in
// strings and comments are not read, and keys of map literals that are not a pattern's properties
// (`RETURN {count: 1}`) are not taken for property keys.
import { CypherTypes, parse, type NameContext } from '@neo4j-cypher/editor-support';
import { closest, distance } from 'fastest-levenshtein';
import type { SchemaResponse } from '../../../common/api.ts';

export type NameKind = 'label' | 'relationship type' | 'property key';

export interface SchemaWarning {
  kind: NameKind;
  name: string;
  /** [from, to) in the query. */
  from: number;
  to: number;
  /** The nearest name of that kind the database has, when one is near. */
  suggestion?: string;
  message: string;
}

/** The nearest known name, if it is near enough to be a likely misspelling (a third of its length). */
export function nearest(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = name.toLowerCase();
  const exactButCase = known.find((other) => other.toLowerCase() === lower);
  if (exactButCase) return exactButCase;
  const best = closest(
    lower,
    known.map((other) => other.toLowerCase()),
  );
  const found = known.find((other) => other.toLowerCase() === best)!;
  return distance(lower, best) <= Math.max(2, Math.floor(name.length / 3)) ? found : undefined;
}

/** A property key stands where a property is read or matched, not as a key of a map built in an expression. */
function isPropertyUse(context: NameContext): boolean {
  for (let parent = context.parentCtx; parent; parent = parent.parentCtx) {
    if (parent instanceof CypherTypes.PROPERTY_LOOKUP_CONTEXT) return true;
    if (parent instanceof CypherTypes.PROPERTIES_CONTEXT) return true;
    if (parent instanceof CypherTypes.MAP_LITERAL_CONTEXT)
      return parent.parentCtx instanceof CypherTypes.PROPERTIES_CONTEXT;
  }
  return true;
}

const unquote = (name: string) =>
  name.startsWith('`') && name.endsWith('`') ? name.slice(1, -1).replace(/``/g, '`') : name;

export function schemaWarnings(query: string, schema: SchemaResponse): SchemaWarning[] {
  let providers: Map<unknown, { getNames(): string[]; getReferences(name: string): NameContext[] | undefined }>;
  try {
    providers = parse(query).referencesProviders;
  } catch {
    return [];
  }
  const kinds: [NameKind, unknown, string[]][] = [
    ['label', CypherTypes.LABEL_NAME_CONTEXT, schema.labels.map((entry) => entry.label)],
    [
      'relationship type',
      CypherTypes.RELATIONSHIP_TYPE_NAME_CONTEXT,
      schema.relationshipTypes.map((entry) => entry.type),
    ],
    ['property key', CypherTypes.PROPERTY_KEY_NAME_CONTEXT, schema.propertyKeys],
  ];
  const warnings: SchemaWarning[] = [];
  for (const [kind, context, known] of kinds) {
    const provider = providers.get(context);
    if (!provider) continue;
    const knownSet = new Set(known);
    for (const written of provider.getNames()) {
      const name = unquote(written);
      if (!name || knownSet.has(name)) continue;
      const uses = (provider.getReferences(written) ?? []).filter(
        (use) => kind !== 'property key' || isPropertyUse(use),
      );
      const suggestion = nearest(name, known);
      for (const use of uses) {
        const from = use.start.start;
        const to = (use.stop?.stop ?? from + written.length - 1) + 1;
        warnings.push({
          kind,
          name,
          from,
          to,
          ...(suggestion ? { suggestion } : {}),
          message: `The database has no ${kind} ${name}${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
        });
      }
    }
  }
  return warnings.sort((a, b) => a.from - b.from);
}
