import type { Params, Row } from '../store/graph-values.ts';

export interface AdHocResult {
  columns: string[];
  rows: Row[];
  /** True when the result had more rows than the cap and was cut. */
  capped: boolean;
  elapsedMs: number;
}

/** Runs analysts' ad-hoc Cypher: read-only unless writes were enabled, with a timeout and a row cap. */
export interface CypherConsole {
  run(query: string, params?: Params): Promise<AdHocResult>;
  /** Resolves when queries can start right away (worker processes have opened the store). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The query would change data and writes are not enabled (HTTP 403). */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
}

/** The query ran past the timeout and was stopped (HTTP 408). */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
}

/** The query is not valid Cypher, or failed on its own terms, e.g. a missing parameter (HTTP 400). */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}

/** The read-only check could not finish parsing the query within its budget (HTTP 400). */
export class QueryTooComplexError extends Error {
  override readonly name = 'QueryTooComplexError';
}

/** The caller went away (its connection closed) before the query finished. */
export class QueryCancelledError extends Error {
  override readonly name = 'QueryCancelledError';
}
