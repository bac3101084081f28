// The size of what an export holds, as JSON text of its elements (ids, labels, types, ends and
// properties): the measure of the per-export cap, taken before any byte is written. It is close
// to the JSON export's size and proportional to the memory the subgraph takes.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { elementsPerPause } from './chunks.ts';
import { withCitations } from './citations.ts';
import type { ExportGraph } from './types.ts';

/** The length of a value's JSON text, counted without writing it. */
export function jsonLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (value === null || value === undefined) return 4;
  // Brackets, and a comma after each item but the last; a key is quoted and followed by a colon.
  if (Array.isArray(value))
    return value.length === 0 ? 2 : value.reduce((sum: number, item) => sum + jsonLength(item) + 1, 1);
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0 ? 2 : entries.reduce((sum, [key, item]) => sum + key.length + 4 + jsonLength(item), 1);
  }
  return 0;
}

const nodeLength = (node: GraphNode) => jsonLength(node.id) + jsonLength(node.labels) + jsonLength(node.properties);
const relationshipLength = (r: GraphRelationship) =>
  jsonLength(r.id) + jsonLength(r.type) + jsonLength(r.source) + jsonLength(r.target) + jsonLength(r.properties);

/** The export's size in bytes of JSON text (about: characters, not UTF-8 bytes); lets other work run between elements. */
export async function graphBytes(graph: ExportGraph): Promise<number> {
  const { nodes, relationships } = withCitations(graph);
  let bytes = 0;
  let counted = 0;
  const pause = async () => {
    if (++counted % elementsPerPause === 0) await nextTurn();
  };
  for (const node of nodes) {
    bytes += nodeLength(node);
    await pause();
  }
  for (const r of relationships) {
    bytes += relationshipLength(r);
    await pause();
  }
  return bytes;
}
