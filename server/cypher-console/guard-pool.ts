import { Worker } from 'node:worker_threads';
import { FairQueue } from './fair-queue.ts';
import type { GuardReply, GuardRequest } from './guard-thread.ts';
import { QueryCancelledError, QueryError, QueryTimeoutError, QueryTooComplexError } from './types.ts';
import type { GuardVerdict } from './write-guard.ts';

const threadScript = new URL('./guard-thread.ts', import.meta.url);

export interface GuardPoolOptions {
  /** Threads that check queries side by side. */
  threads: number;
  /** The longest one check may take; past it the thread is terminated and the query refused. */
  budgetMs: number;
  /** Verdicts kept by query text (queries up to 4,096 characters). */
  cacheEntries?: number;
}

export interface CheckOptions {
  client: string;
  /** performance.now() past which the query has run out of time (its timeout from arrival). */
  deadline: number;
  signal?: AbortSignal;
}

interface Check extends CheckOptions {
  id: number;
  query: string;
  resolve: (verdict: GuardVerdict) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  settled?: boolean;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  /** Resolves when it has loaded the parser (or ended). */
  started: Promise<void>;
  markStarted: () => void;
  running?: Check;
}

const cacheableLength = 4096;

/**
 * Runs the read-only check on worker threads, in turn between clients (fair-queue.ts), each
 * check bounded by the budget and by the query's deadline.
 */
export class GuardPool {
  private readonly queue = new FairQueue<Check>();
  private readonly threads: Thread[] = [];
  private readonly cache = new Map<string, GuardVerdict>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: GuardPoolOptions) {
    for (let index = 0; index < options.threads; index += 1) this.threads.push(this.spawn());
  }

  /** Resolves once every thread has loaded the parser. */
  async ready(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.started));
  }

  check(query: string, options: CheckOptions): Promise<GuardVerdict> {
    const cached = this.cache.get(query);
    if (cached) {
      // Most recently used last: the oldest entry is the first the cache drops.
      this.cache.delete(query);
      this.cache.set(query, cached);
      return Promise.resolve(cached);
    }
    if (this.closed) return Promise.reject(new QueryError('the Cypher console is shutting down'));
    return new Promise((resolve, reject) => {
      const check: Check = { ...options, id: this.nextId++, query, resolve, reject };
      if (options.signal?.aborted) {
        reject(new QueryCancelledError('the request was closed'));
        return;
      }
      options.signal?.addEventListener('abort', () => this.abandon(check), { once: true });
      this.queue.push(check);
      while (this.threads.length < this.options.threads) this.threads.push(this.spawn());
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const check of [...this.queue.drain(), ...this.threads.map((thread) => thread.running)]) {
      if (!check) continue;
      clearTimeout(check.timer);
      this.settle(check, new QueryError('the Cypher console is shutting down'));
    }
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(threadScript);
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const thread: Thread = { worker, ready: false, started, markStarted };
    worker.on('message', (reply: GuardReply) => this.onReply(thread, reply));
    worker.on('error', (error) => this.onEnd(thread, error));
    worker.on('exit', () => this.onEnd(thread));
    return thread;
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (!thread.ready || thread.running) continue;
      let check = this.queue.shift();
      while (check && check.deadline <= performance.now()) {
        this.settle(check, new QueryTimeoutError('the query ran out of time waiting for its read-only check'));
        check = this.queue.shift();
      }
      if (!check) return;
      thread.running = check;
      const budget = Math.min(this.options.budgetMs, check.deadline - performance.now());
      check.timer = setTimeout(() => this.overrun(thread, check, budget), budget);
      thread.worker.postMessage({ id: check.id, query: check.query } satisfies GuardRequest);
    }
  }

  private onReply(thread: Thread, reply: GuardReply): void {
    if ('ready' in reply) {
      thread.ready = true;
      thread.markStarted();
      this.dispatch();
      return;
    }
    const check = thread.running;
    if (!check || check.id !== reply.id) return;
    thread.running = undefined;
    clearTimeout(check.timer);
    if (check.query.length <= cacheableLength) {
      this.cache.set(check.query, reply.verdict);
      if (this.cache.size > (this.options.cacheEntries ?? 500)) this.cache.delete(this.cache.keys().next().value!);
    }
    this.settle(check, reply.verdict);
    this.dispatch();
  }

  /** The check ran past its budget: the thread is stuck in the parser, so it is replaced. */
  private overrun(thread: Thread, check: Check, budget: number): void {
    if (thread.running !== check) return;
    this.replace(thread);
    this.settle(
      check,
      budget < this.options.budgetMs
        ? new QueryTimeoutError('the query ran out of time during its read-only check')
        : new QueryTooComplexError(
            `the query is too complex to check: Neo4j's parser did not finish it within ${this.options.budgetMs} ms; simplify it (for example, split long chains of patterns)`,
          ),
    );
  }

  private onEnd(thread: Thread, error?: Error): void {
    thread.markStarted();
    if (!this.threads.includes(thread)) return;
    const check = thread.running;
    this.replace(thread);
    if (check) this.settle(check, new QueryError(`the query could not be checked${error ? `: ${error.message}` : ''}`));
  }

  private replace(thread: Thread): void {
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
    thread.running = undefined;
    void thread.worker.terminate();
    if (!this.closed && (this.queue.size > 0 || this.threads.length === 0)) this.threads.push(this.spawn());
  }

  /** The caller is gone: a waiting check is dropped; a running one finishes (within its budget)
   *  and its verdict is cached for the next asker. */
  private abandon(check: Check): void {
    this.queue.remove(check);
    this.settle(check, new QueryCancelledError('the request was closed'));
  }

  private settle(check: Check, outcome: GuardVerdict | Error): void {
    if (check.settled) return;
    check.settled = true;
    if (outcome instanceof Error) check.reject(outcome);
    else check.resolve(outcome);
  }
}
