// Between two nodes, the story: every relationship joining them, in either direction, in time
// order, with the sources they cite.
import type { BetweenResponse } from '../../common/api.ts';
import { GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { citedSources } from './cited-sources.ts';
import { toElements, toNodeElement } from './elements.ts';
import { nodesByIds } from './nodes.ts';

export interface BetweenOptions {
  a: string;
  b: string;
  /** Relationship types (checked against the schema by the caller); empty: all. */
  types: string[];
  /** ISO dates: relationships whose implied interval overlaps the range (common/dates). */
  from: string | null;
  to: string | null;
  /** The most relationships to return; the oldest are kept. */
  limit: number;
}

export async function relationshipsBetween(store: GraphStore, options: BetweenOptions): Promise<BetweenResponse> {
  const { a, b, types, from, to, limit } = options;
  const nodes = await nodesByIds(store, [a, b]);
  const filters = { a, b, types, from, to };
  // One row more than the limit: if it does not come, the rows are all there is and need no count.
  const { rows } = await store.read('between', { ...filters, limit: limit + 1 });
  const matched = rows.flatMap(({ r }) => (r instanceof GraphRelationship ? [r] : []));
  const relationships = matched.slice(0, limit);
  const total =
    matched.length <= limit ? matched.length : Number((await store.read('between-count', filters)).rows[0]?.total ?? 0);
  const sources = await citedSources(store, relationships);
  return {
    elements: toElements({ nodes, relationships }),
    sources: [...sources.values()].map(toNodeElement),
    meta: { total, truncated: total > relationships.length },
  };
}
