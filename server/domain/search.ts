// Ranked search over names, aliases and ids; case- and accent-insensitive.
import type { SearchResponse } from '../../common/api.ts';
import { GraphNode } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { caption } from './elements.ts';
import { searchKey } from './search-key.ts';

const matches = ['exact', 'prefix', 'substring'] as const;

export async function search(
  store: GraphStore,
  options: { q: string; labels: string[]; limit: number },
): Promise<SearchResponse> {
  const q = searchKey(options.q);
  if (q.length === 0) return { hits: [] };
  const { rows } = await store.read('search', { q, labels: options.labels, limit: options.limit });
  const hits = rows.flatMap(({ n, rank }) => {
    if (!(n instanceof GraphNode)) return [];
    const r = Number(rank);
    return [{ id: n.id, label: caption(n), labels: n.labels, rank: r, match: matches[r] ?? 'substring' }];
  });
  return { hits };
}
