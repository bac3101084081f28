import type { QueryResult } from '../store/graph-values.ts';
import type { AdHocResult } from './types.ts';

export function capRows(result: QueryResult, maxRows: number, startedAt: number): AdHocResult {
  return {
    columns: result.columns,
    rows: result.rows.slice(0, maxRows),
    capped: result.rows.length > maxRows,
    elapsedMs: Math.round((performance.now() - startedAt) * 10) / 10,
  };
}
