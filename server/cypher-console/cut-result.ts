import {
  GraphNode,
  GraphPath,
  GraphRelationship,
  type QueryResult,
  type Row,
  type Value,
} from '../store/graph-values.ts';
import type { AdHocResult } from './types.ts';

export interface ResultLimits {
  maxRows: number;
  /** The most bytes the rows may take as JSON (CYPHER_MAX_BYTES). */
  maxBytes: number;
}

/**
 * About how many bytes `value` takes as JSON, counting no further than `limit`: past it the
 * answer is Infinity, so a huge value (a list of ten million numbers) costs only `limit` to size.
 */
export function jsonSize(value: Value | undefined, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    if (size > limit) return Infinity;
    const item = stack.pop();
    if (item === null || item === undefined) size += 4;
    else if (typeof item === 'string') size += Buffer.byteLength(item) + 2;
    else if (typeof item === 'number' || typeof item === 'boolean' || typeof item === 'bigint')
      size += String(item).length;
    else if (Array.isArray(item)) {
      size += 2 + item.length;
      for (const element of item) stack.push(element);
    } else if (item instanceof GraphNode) {
      size += 40;
      stack.push(item.id, item.labels, item.properties);
    } else if (item instanceof GraphRelationship) {
      size += 60;
      stack.push(item.id, item.type, item.source, item.target, item.properties);
    } else if (item instanceof GraphPath) {
      size += 20;
      stack.push(item.nodes, item.relationships);
    } else if (typeof item === 'object') {
      const entries = Object.entries(item);
      size += 2 + entries.length * 2;
      for (const [key, element] of entries) {
        size += Buffer.byteLength(key) + 2;
        stack.push(element);
      }
    } else size += String(item).length;
  }
  return size > limit ? Infinity : size;
}

/** The rows that fit both the row cap and the byte budget, and whether (and by what) the result was cut. */
export function cutResult(
  result: QueryResult & { more?: boolean },
  limits: ResultLimits,
  startedAt: number,
): AdHocResult {
  const rows: Row[] = [];
  let bytes = 2;
  let cappedBy: AdHocResult['cappedBy'];
  for (const row of result.rows) {
    if (rows.length >= limits.maxRows) {
      cappedBy = 'rows';
      break;
    }
    const size = jsonSize(row, limits.maxBytes - bytes);
    if (bytes + size > limits.maxBytes) {
      cappedBy = 'bytes';
      break;
    }
    bytes += size + 1;
    rows.push(row);
  }
  if (!cappedBy && result.more) cappedBy = 'rows';
  return {
    columns: result.columns,
    rows,
    capped: cappedBy !== undefined,
    ...(cappedBy ? { cappedBy } : {}),
    elapsedMs: Math.round((performance.now() - startedAt) * 10) / 10,
  };
}
