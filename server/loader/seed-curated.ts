import { storeCounts, type StoreCounts } from '../domain/schema.ts';
import type { GraphStore } from '../store/port.ts';
import { readCurated, toGraphData } from './curated.ts';
import type { GraphData } from './graph-data.ts';
import { loadGraph } from './load.ts';

/** How the store differs from the curated set. */
export interface CuratedDrift {
  /** Curated nodes and relationships the store lacks: an empty store, a seed cut short, or new records. */
  missing: number;
  /** Relationships that cite a curated source but that the set no longer holds (removed or corrected). */
  stale: { id: string; from: string }[];
}

async function driftFrom(store: GraphStore, data: GraphData): Promise<CuratedDrift> {
  const sourceIds = data.nodes.filter((node) => node.label === 'Source').map((node) => node.id);
  const { rows } = await store.read('curated-claims', { nodeIds: data.nodes.map((node) => node.id), sourceIds });
  const claimed = new Set(data.relationships.map((relationship) => relationship.id));
  const present = new Set<string>();
  const stale: CuratedDrift['stale'] = [];
  for (const row of rows) {
    for (const id of row.relationshipIds as string[]) {
      if (claimed.has(id)) present.add(id);
      else stale.push({ id, from: row.nodeId as string });
    }
  }
  const missing = data.nodes.length - rows.length + (claimed.size - present.size);
  return { missing, stale };
}

/** How the store differs from the curated set (nothing differs after a complete seed of this set). */
export async function curatedDrift(store: GraphStore): Promise<CuratedDrift> {
  return driftFrom(store, toGraphData(readCurated()));
}

/**
 * Validates the curated data (nothing is written if it is invalid), loads it (MERGE on ids, so
 * records edited since are not reverted unless the set changed them), and deletes the curated
 * relationships the set no longer holds, so a data folder from an older set shows today's claims.
 */
export async function seedCurated(
  store: GraphStore,
): Promise<{ before: StoreCounts; after: StoreCounts; records: StoreCounts; removed: string[] }> {
  const data = toGraphData(readCurated());
  const before = await storeCounts(store);
  await loadGraph(store, data);
  const { stale } = await driftFrom(store, data);
  if (stale.length > 0) {
    await store.write('delete-relationships-from', {
      ids: stale.map((claim) => claim.id),
      fromIds: [...new Set(stale.map((claim) => claim.from))],
    });
  }
  const after = await storeCounts(store);
  const records = { nodes: data.nodes.length, relationships: data.relationships.length };
  return { before, after, records, removed: stale.map((claim) => claim.id) };
}
