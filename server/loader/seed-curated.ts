import { storeCounts, type StoreCounts } from '../domain/schema.ts';
import type { GraphStore } from '../store/port.ts';
import { readCurated, toGraphData } from './curated.ts';
import { loadGraph } from './load.ts';

/** True when the store holds less than the curated set: empty, or a first seed cut short. */
export async function holdsLessThanCurated(store: GraphStore): Promise<boolean> {
  const data = toGraphData(readCurated());
  const counts = await storeCounts(store);
  return counts.nodes < data.nodes.length || counts.relationships < data.relationships.length;
}

/** Validates the curated data (nothing is written if it is invalid), then loads it. */
export async function seedCurated(
  store: GraphStore,
): Promise<{ before: StoreCounts; after: StoreCounts; records: StoreCounts }> {
  const data = toGraphData(readCurated());
  const before = await storeCounts(store);
  await loadGraph(store, data);
  const after = await storeCounts(store);
  return { before, after, records: { nodes: data.nodes.length, relationships: data.relationships.length } };
}
