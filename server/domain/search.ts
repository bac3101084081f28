// Ranked search over names, aliases and ids; case- and accent-insensitive.
//
// Candidates come from the full-text index over word starts (searchPrefixes), exact matches from
// the indexes on searchName and id; both are ranked alike: exact name or id, then a word of the
// name starting with the query, then contained, each by shorter name, then name. A query the
// index cannot answer (no word of minPrefixLength, or nothing found at a word start, e.g.
// "lenskyy") is answered by a scan.
import type { SearchHit, SearchResponse } from '../../common/api.ts';
import { GraphNode } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { caption } from './elements.ts';
import { searchKey, searchTerms } from './search-key.ts';

const matches = ['exact', 'prefix', 'substring'] as const;
/** search-index.cypher's rank for a candidate that does not contain the whole query. */
const noMatch = 3;

/** Index candidates asked for per hit wanted, at first; up to maxPool when too few of them match. */
const poolPerHit = 5;
const minPool = 100;
export const maxPool = 10_000;

interface Ranked {
  node: GraphNode;
  rank: number;
}

export async function search(
  store: GraphStore,
  options: { q: string; labels: string[]; limit: number },
): Promise<SearchResponse> {
  const q = searchKey(options.q);
  if (q.length === 0) return { hits: [] };
  const { labels, limit } = options;
  const terms = searchTerms(q);
  let ranked = terms.length > 0 ? await fromIndex(store, { q, raw: options.q.trim(), terms, labels, limit }) : [];
  if (ranked.length === 0) ranked = await fromScan(store, { q, labels, limit });
  return { hits: ranked.map(toHit) };
}

async function fromIndex(
  store: GraphStore,
  options: { q: string; raw: string; terms: string[]; labels: string[]; limit: number },
): Promise<Ranked[]> {
  const { q, labels, limit } = options;
  const [exact, found] = await Promise.all([
    store.read('search-exact', { q, ids: [...new Set([options.raw, q])], labels }),
    candidates(store, { q, terms: options.terms.join(' '), labels, limit }),
  ]);
  // Nothing at a word start (or a store loaded before searchPrefixes): the caller scans.
  if (found.length === 0) return [];
  const byId = new Map<string, Ranked>();
  for (const { n } of exact.rows) if (n instanceof GraphNode) byId.set(n.id, { node: n, rank: 0 });
  for (const hit of found) if (!byId.has(hit.node.id)) byId.set(hit.node.id, hit);
  return [...byId.values()].sort(compareRanked).slice(0, limit);
}

/** The index's candidates that match the whole query, ranked; more of them while too few match. */
async function candidates(
  store: GraphStore,
  options: { q: string; terms: string; labels: string[]; limit: number },
): Promise<Ranked[]> {
  for (let pool = Math.max(minPool, options.limit * poolPerHit); ; pool = Math.min(maxPool, pool * 4)) {
    const { rows } = await store.read('search-index', { ...options, pool });
    const found = ranked(rows).filter((hit) => hit.rank < noMatch);
    // Fewer candidates than asked for: the index gave every node with a term.
    if (found.length >= options.limit || Number(rows[0]?.pooled ?? 0) < pool || pool >= maxPool) return found;
  }
}

async function fromScan(store: GraphStore, options: { q: string; labels: string[]; limit: number }): Promise<Ranked[]> {
  const { rows } = await store.read('search', options);
  return ranked(rows);
}

function ranked(rows: Record<string, unknown>[]): Ranked[] {
  return rows.flatMap(({ n, rank }) => (n instanceof GraphNode ? [{ node: n, rank: Number(rank) }] : []));
}

const nameOf = (node: GraphNode) => (typeof node.properties.name === 'string' ? node.properties.name : '');

/** The queries' ORDER BY rank, size(n.name), n.name (names compare by code unit, as Cypher's do). */
export function compareRanked(a: Ranked, b: Ranked): number {
  const [nameA, nameB] = [nameOf(a.node), nameOf(b.node)];
  return a.rank - b.rank || nameA.length - nameB.length || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0);
}

function toHit({ node, rank }: Ranked): SearchHit {
  return { id: node.id, label: caption(node), labels: node.labels, rank, match: matches[rank] ?? 'substring' };
}
