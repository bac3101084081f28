// The console's history and favourites as pure lists, kept in localStorage by the console. History
// holds the queries that ran (a failed one is not kept, so mistakes do not pile up), newest first,
// one entry per query whatever its spacing. Favourites are named queries, exported as a .cypher file.

export const historyMax = 50;

/** A query's text with its spacing made uniform (two queries that differ only there are one). */
export function normalised(query: string): string {
  return query.replace(/\s+/g, ' ').trim();
}

export function remember(history: readonly string[], query: string, max = historyMax): string[] {
  const key = normalised(query);
  if (!key) return [...history];
  return [query.trim(), ...history.filter((item) => normalised(item) !== key)].slice(0, max);
}

export interface Favourite {
  name: string;
  query: string;
}

/** Adds (or, under the same name, replaces) a favourite; the list stays sorted by name. */
export function saveFavourite(favourites: readonly Favourite[], favourite: Favourite): Favourite[] {
  const name = favourite.name.trim();
  return [...favourites.filter((item) => item.name !== name), { name, query: favourite.query.trim() }].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

export function removeFavourite(favourites: readonly Favourite[], name: string): Favourite[] {
  return favourites.filter((item) => item.name !== name);
}

/** The favourites as a .cypher file: each query after a `// name` line, ended by a semicolon. */
export function favouritesFile(favourites: readonly Favourite[]): string {
  return favourites
    .map(({ name, query }) => `// ${name.replace(/[\r\n]+/g, ' ')}\n${query.replace(/;\s*$/, '')};\n`)
    .join('\n');
}

/** Reads a list kept in storage; anything unreadable is an empty list. */
export function readList<T>(text: string | null, isItem: (value: unknown) => value is T): T[] {
  try {
    const parsed = JSON.parse(text ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

export const isQuery = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

export const isFavourite = (value: unknown): value is Favourite =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Favourite).name === 'string' &&
  typeof (value as Favourite).query === 'string';
