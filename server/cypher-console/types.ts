import type { Params, Row } from '../store/graph-values.ts';

export interface AdHocResult {
  columns: string[];
  rows: Row[];
  /** True when the result was cut: more rows than the row cap, or more bytes than the budget. */
  capped: boolean;
  /** What cut it, when it was cut. */
  cappedBy?: 'rows' | 'bytes';
  elapsedMs: number;
  /** Where the query uses a construct the embedded engine answers differently from Neo4j. */
  warnings?: string[];
}

export interface RunOptions {
  /** Who asks (the client's address): queue places are shared out per client. */
  client?: string;
  /** Aborted when the caller is gone (its connection closed): the query is dropped or stopped. */
  signal?: AbortSignal;
}

/** What the console can do right now, for /api/health. */
export interface ConsoleStatus {
  /** 'degraded' when no query could start now: no worker is ready and none is about to be. */
  state: 'ok' | 'degraded';
  /** Processes (embedded store) or slots (in-process) that run queries. */
  workers: { ready: number; busy: number; starting: number };
  /** Queries waiting for a worker. */
  queued: number;
  reason?: string;
  /** Whether worker processes run in a sandbox that cannot read files (worker-sandbox.ts);
   *  absent when queries run in the server process (Neo4j, or writes enabled). */
  sandbox?: { state: 'on' | 'off'; reason?: string };
}

/**
 * Runs analysts' ad-hoc Cypher: read-only unless writes were enabled, fair between clients and
 * bounded in parameters, queue places, time (counted from arrival), result bytes and memory.
 */
export interface CypherConsole {
  run(query: string, params?: Params, options?: RunOptions): Promise<AdHocResult>;
  status(): ConsoleStatus;
  /** Resolves when queries can start right away (worker processes have opened the store). */
  ready(): Promise<void>;
  /** Stops everything; resolves once every worker process has exited. */
  close(): Promise<void>;
}

/** The query would change data and writes are not enabled (HTTP 403). */
export class WriteRefusedError extends Error {
  override readonly name = 'WriteRefusedError';
}

/** The query ran past the timeout, counted from its arrival, and was stopped (HTTP 408). */
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

/** The query's process went over its memory ceiling and was stopped (HTTP 422). */
export class MemoryLimitError extends Error {
  override readonly name = 'MemoryLimitError';
}

/** The query's transaction was rolled back by the engine (a conflict): it may succeed if run again (HTTP 409). */
export class QueryConflictError extends Error {
  override readonly name = 'QueryConflictError';
}

/** The console cannot take the query now: the queue, or this client's share of it, is full, or
 *  no worker is running (HTTP 503 with Retry-After). */
export class ConsoleBusyError extends Error {
  override readonly name = 'ConsoleBusyError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The caller went away (its connection closed) before the query finished. */
export class QueryCancelledError extends Error {
  override readonly name = 'QueryCancelledError';
}
