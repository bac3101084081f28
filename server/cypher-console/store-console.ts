import type { Params } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import { capRows } from './cap-rows.ts';
import { classifyError } from './classify-error.ts';
import { checkReadOnly } from './write-guard.ts';
import { QueryError, QueryTimeoutError, WriteRefusedError, type AdHocResult, type CypherConsole } from './types.ts';

export interface StoreConsoleOptions {
  allowWrites: boolean;
  timeoutMs: number;
  maxRows: number;
}

/**
 * Ad-hoc Cypher through the store itself: on Neo4j (reads in READ access-mode sessions, which the
 * server refuses to write in, and a transaction timeout the server enforces), and on an embedded
 * store opened for writing (ALLOW_WRITES). The embedded engine cannot be interrupted: past the
 * timeout the caller gets its error, but the query runs to its end on a pool thread.
 */
export class StoreConsole implements CypherConsole {
  constructor(
    private readonly store: GraphStore,
    private readonly options: StoreConsoleOptions,
  ) {}

  async run(query: string, params: Params = {}): Promise<AdHocResult> {
    const verdict = checkReadOnly(query);
    if (!verdict.ok && verdict.kind === 'invalid') throw new QueryError(verdict.reason);
    if (!verdict.ok && !this.options.allowWrites) throw new WriteRefusedError(verdict.reason);
    const { timeoutMs, maxRows } = this.options;
    const startedAt = performance.now();
    const running = verdict.ok
      ? this.store.read({ text: query }, params, { timeoutMs })
      : this.store.write({ text: query }, params, { timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueryTimeoutError(`the query ran longer than ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return capRows(await Promise.race([running, deadline]), maxRows, startedAt);
    } catch (error) {
      throw error instanceof QueryTimeoutError ? error : classifyError(error);
    } finally {
      clearTimeout(timer);
      running.catch(() => {}); // a query that lost the race may still fail later
    }
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}
