import type { GraphStore } from '../store/port.ts';
import { queryText, statements, upsertNodesFor, upsertRelationshipsFor } from '../store/queries.ts';
import type { GraphData } from './graph-data.ts';
import { refreshHubSummaries } from './hub-summaries.ts';

export interface LoadOptions {
  batchSize?: number;
  /** Called after each batch with the running totals. */
  onProgress?: (progress: { nodes: number; relationships: number }) => void;
  /** 'create' writes relationships through the store's bulk path (bulkCreateRelationships)
   *  instead of MERGE: only for a store known to hold none of them yet, as a second run would
   *  duplicate them. */
  relationships?: 'merge' | 'create';
  /** The same for nodes (bulkCreateNodes): only for a store that holds none of these nodes. */
  nodes?: 'merge' | 'create';
  /** Run cypher/schema.cypher first (default). A caller loading in many chunks runs it once. */
  applySchema?: boolean;
  /** Refresh the hub summaries of the nodes the relationships touch (default). A caller loading
   *  in many chunks refreshes them once at the end (refreshHubSummaries). */
  hubSummaries?: boolean;
}

export async function applySchema(store: GraphStore): Promise<void> {
  for (const statement of statements(queryText('schema'))) await store.write({ text: statement });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

/**
 * Idempotent load by default: MERGE on ids, so a second run changes nothing (the 'create' modes
 * are the bulk path for a fresh store). Nodes first, grouped by label,
 * then relationships grouped by type; each batch is one transaction. Validate before calling.
 */
export async function loadGraph(store: GraphStore, data: GraphData, options: LoadOptions = {}): Promise<void> {
  const { batchSize = 5000, onProgress, relationships: mode = 'merge', nodes: nodeMode = 'merge' } = options;
  const progress = { nodes: 0, relationships: 0 };
  if (options.applySchema !== false) await applySchema(store);
  for (const [label, nodes] of groupBy(data.nodes, (node) => node.label)) {
    const upsert = upsertNodesFor(label);
    for (const batch of chunks(nodes, batchSize)) {
      const rows = batch.map(({ id, properties }) => ({ id, properties: { ...properties, id } }));
      if (nodeMode === 'create') await store.bulkCreateNodes(label, rows);
      else await store.write(upsert, { rows });
      progress.nodes += batch.length;
      onProgress?.({ ...progress });
    }
  }
  for (const [type, relationships] of groupBy(data.relationships, (relationship) => relationship.type)) {
    const upsert = upsertRelationshipsFor(type);
    for (const batch of chunks(relationships, batchSize)) {
      const rows = batch.map(({ id, source, target, properties }) => ({
        id,
        source,
        target,
        properties: { ...properties, id },
      }));
      if (mode === 'create') await store.bulkCreateRelationships(type, rows);
      else await store.write(upsert, { rows });
      progress.relationships += batch.length;
      onProgress?.({ ...progress });
    }
  }
  if (options.hubSummaries !== false && data.relationships.length > 0)
    await refreshHubSummaries(
      store,
      data.relationships.flatMap(({ source, target }) => [source, target]),
    );
}
