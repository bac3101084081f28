// Hub summaries: what a node with many relationships keeps so that its newest-first page and its
// counts per type are read without reading and sorting all of its relationships on every request.
// The loader writes them (server/loader/hub-summaries.ts) for every node past hubMinDegree after
// each load; each records the degree it was taken at, and one whose node's degree has changed
// since (a write around the loader) is not used.
import { GraphRelationship } from '../store/graph-values.ts';
import type { Properties } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';

/** Nodes with more relationships than this get a summary; smaller ones are read whole, fast. */
export const hubMinDegree = 1000;
/** How many of a hub's newest relationships its summary keeps: a longer page is read whole. */
export const hubRecentSize = 256;

/** One of a hub's newest relationships, and the node at its other end. */
export interface RecentRelationship {
  relationship: GraphRelationship;
  neighbourId: string;
}

export interface HubSummary {
  /** Relationships per type and direction. */
  degrees: Map<string, { out: number; in: number }>;
  /** Newest first: date descending (undated first, as Cypher orders nulls), then id. */
  recent: RecentRelationship[];
}

export interface NodeDegree {
  nodeId: string;
  /** All relationships, both directions, now. */
  degree: number;
  /** The node's summary, when it has one taken at this degree. */
  summary?: HubSummary;
}

/** The degree of each node of `ids`, with its summary; with its newest relationships when `recent`. */
export async function readHubSummaries(store: GraphStore, ids: string[], recent: boolean): Promise<NodeDegree[]> {
  if (ids.length === 0) return [];
  const { rows } = await store.read('hub-summaries', { ids, recent });
  return rows.map((row) => {
    const nodeId = String(row.nodeId);
    const degree = Number(row.degree);
    if (row.fresh !== true) return { nodeId, degree };
    const types = (row.types ?? []) as string[];
    const outCounts = (row.outCounts ?? []) as number[];
    const inCounts = (row.inCounts ?? []) as number[];
    const degrees = new Map(types.map((type, at) => [type, { out: Number(outCounts[at]), in: Number(inCounts[at]) }]));
    return {
      nodeId,
      degree,
      summary: { degrees, recent: parseRecent(typeof row.recent === 'string' ? row.recent : '[]') },
    };
  });
}

/** The form a summary keeps its relationships in: one JSON string, a property on every store. */
export function serialiseRecent(recent: RecentRelationship[]): string {
  return JSON.stringify(
    recent.map(({ relationship: { id, type, source, target, properties }, neighbourId }) => ({
      id,
      type,
      source,
      target,
      properties,
      neighbourId,
    })),
  );
}

export function parseRecent(text: string): RecentRelationship[] {
  const entries = JSON.parse(text) as {
    id: string;
    type: string;
    source: string;
    target: string;
    properties: Properties;
    neighbourId: string;
  }[];
  return entries.map(({ id, type, source, target, properties, neighbourId }) => ({
    relationship: new GraphRelationship(id, type, source, target, properties),
    neighbourId,
  }));
}

/**
 * neighborhood-step.cypher's order, ORDER BY r.date DESC, r.id: newest first, a relationship
 * without a date before all dated ones (Cypher's nulls sort last ascending, so first descending),
 * then by id; strings compare by code unit, as Cypher's do.
 */
export function newestFirst(a: GraphRelationship, b: GraphRelationship): number {
  const dateA = typeof a.properties.date === 'string' ? a.properties.date : null;
  const dateB = typeof b.properties.date === 'string' ? b.properties.date : null;
  if (dateA !== dateB) {
    if (dateA === null) return -1;
    if (dateB === null) return 1;
    return dateA > dateB ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
