// Writes hub summaries (server/domain/hub-summaries.ts) after a load: for the nodes it touched, or
// for every node when a load touched too many to list.
import {
  hubMinDegree,
  hubRecentSize,
  readHubSummaries,
  serialiseRecent,
  type NodeDegree,
} from '../domain/hub-summaries.ts';
import { GraphRelationship } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { nodeTypeDegreesFor } from '../store/queries.ts';

/** Nodes summarised per write transaction. */
const batchSize = 16;
/** Summaries read at once: each sorts one hub's relationships on a thread of the store's pool. */
const concurrency = 2;

/**
 * Takes a new summary for each node of `ids` (all nodes when omitted) with more than hubMinDegree
 * relationships, or with a summary already. Returns how many were written.
 */
export async function refreshHubSummaries(store: GraphStore, ids?: string[]): Promise<number> {
  const hubs = ids
    ? (await readDegrees(store, [...new Set(ids)])).filter(
        (node) => node.degree > hubMinDegree || node.summary !== undefined,
      )
    : (await store.read('hubs', { minDegree: hubMinDegree })).rows.map((row) => ({ nodeId: String(row.nodeId) }));
  if (hubs.length === 0) return 0;
  const types = (await store.read('db-relationship-types')).rows.map((row) => String(row.type));
  for (let start = 0; start < hubs.length; start += batchSize) {
    const batch = hubs.slice(start, start + batchSize).map((hub) => hub.nodeId);
    const degrees = await typeDegrees(store, batch, types);
    const rows = await mapInTurn(batch, concurrency, async (id) => {
      const perType = degrees.get(id) ?? new Map<string, [number, number]>();
      const present = types.filter((type) => (perType.get(type)?.[0] ?? 0) + (perType.get(type)?.[1] ?? 0) > 0);
      return {
        id,
        degree: present.reduce((sum, type) => sum + perType.get(type)![0] + perType.get(type)![1], 0),
        types: present,
        outCounts: present.map((type) => perType.get(type)![0]),
        inCounts: present.map((type) => perType.get(type)![1]),
        recent: await recent(store, id),
      };
    });
    await store.write('set-hub-summaries', { rows });
  }
  return hubs.length;
}

/** `work` over `items`, at most `limit` at a time, results in the items' order. */
async function mapInTurn<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Degrees of many nodes, in chunks the `IN` list keeps small. */
async function readDegrees(store: GraphStore, ids: string[]): Promise<NodeDegree[]> {
  const found: NodeDegree[] = [];
  for (let start = 0; start < ids.length; start += 10_000)
    found.push(...(await readHubSummaries(store, ids.slice(start, start + 10_000), false)));
  return found;
}

async function typeDegrees(
  store: GraphStore,
  ids: string[],
  types: string[],
): Promise<Map<string, Map<string, [number, number]>>> {
  const result = new Map<string, Map<string, [number, number]>>();
  if (types.length === 0) return result;
  const { rows } = await store.read(nodeTypeDegreesFor(types), { ids });
  for (const row of rows) {
    const perType = new Map<string, [number, number]>();
    for (const [type, pair] of Object.entries((row.degrees ?? {}) as Record<string, unknown>)) {
      const [out, incoming] = pair as [number, number];
      perType.set(type, [Number(out), Number(incoming)]);
    }
    result.set(String(row.nodeId), perType);
  }
  return result;
}

/** The node's newest relationships, as neighborhood-step.cypher orders them, serialised. */
async function recent(store: GraphStore, id: string): Promise<string> {
  const { rows } = await store.read('hub-recent', { id, limit: hubRecentSize });
  return serialiseRecent(
    rows.flatMap(({ r }) =>
      r instanceof GraphRelationship ? [{ relationship: r, neighbourId: r.source === id ? r.target : r.source }] : [],
    ),
  );
}
