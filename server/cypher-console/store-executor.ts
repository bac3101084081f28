import type { GraphStore } from '../store/port.ts';
import { cutResult, type ResultLimits } from './cut-result.ts';
import type { Execution, Executor, Job } from './scheduler.ts';
import type { ConsoleStatus } from './types.ts';

export interface StoreExecutorOptions extends ResultLimits {
  /** Queries run at once. */
  size: number;
}

/**
 * Runs ad-hoc Cypher through the store itself: on Neo4j (reads in READ access-mode transactions,
 * which the server refuses to write in, with a transaction timeout the server enforces: the time
 * left from the query's arrival), and on an embedded store opened for writing (ALLOW_WRITES). The
 * embedded engine cannot be interrupted: past the timeout the caller gets its error, but the query
 * runs to its end on a pool thread and keeps its slot until then.
 */
export class StoreExecutor implements Executor {
  private running = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly store: GraphStore,
    private readonly options: StoreExecutorOptions,
  ) {}

  get size(): number {
    return this.options.size;
  }

  get idle(): number {
    return this.options.size - this.running;
  }

  start(job: Job, executed: () => void): Execution {
    this.running += 1;
    const startedAt = performance.now();
    const run = job.write ? this.store.write.bind(this.store) : this.store.read.bind(this.store);
    const done = run({ text: job.query }, job.params, {
      timeoutMs: Math.max(1, Math.round(job.deadline - performance.now())),
      maxRows: this.options.maxRows,
    })
      .then((result) => {
        executed();
        return cutResult(result, this.options, startedAt);
      })
      .finally(() => {
        this.running -= 1;
        for (const listener of this.listeners) listener();
      });
    return { done, stop: () => {} };
  }

  onCapacity(listener: () => void): void {
    this.listeners.push(listener);
  }

  status(): Omit<ConsoleStatus, 'queued'> {
    return { state: 'ok', workers: { ready: this.options.size, busy: this.running, starting: 0 } };
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {}
}
