import { Worker } from 'node:worker_threads';
import { FairQueue } from './fair-queue.ts';
import { GuardShares } from './guard-shares.ts';
import type { GuardReply, GuardRequest } from './guard-thread.ts';
import { OverrunRefusals } from './overrun-refusals.ts';
import { QueryCancelledError, QueryError, QueryTimeoutError, QueryTooComplexError } from './types.ts';
import type { GuardVerdict } from './write-guard.ts';

const threadScript = new URL('./guard-thread.ts', import.meta.url);

/** The part of a worker thread the pool uses; a test may give its own. */
export interface GuardThreadHandle {
  postMessage(request: GuardRequest): void;
  on(event: 'message', listener: (reply: GuardReply) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: () => void): unknown;
  terminate(): Promise<unknown>;
}

export interface GuardPoolOptions {
  /** Threads that check queries side by side. */
  threads: number;
  /** The longest one check may take; past it the thread is terminated and the query refused. */
  budgetMs: number;
  /** Verdicts kept by query text (queries up to 4,096 characters), and shapes of queries that overran. */
  cacheEntries?: number;
  /** How long a client that overran the budget waits behind clients that did not. */
  penaltyMs?: number;
  startThread?: () => GuardThreadHandle;
  now?: () => number;
}

export interface CheckOptions {
  client: string;
  /** The `now()` past which the query has run out of time (its timeout from arrival). */
  deadline: number;
  signal?: AbortSignal;
}

interface Check extends CheckOptions {
  id: number;
  query: string;
  resolve: (verdict: GuardVerdict) => void;
  reject: (error: Error) => void;
  /** Its deadline while it waits; its budget while it runs. */
  timer?: NodeJS.Timeout;
  settled?: boolean;
}

interface Thread {
  worker: GuardThreadHandle;
  ready: boolean;
  /** Resolves when it has loaded the parser (or ended). */
  started: Promise<void>;
  markStarted: () => void;
  running?: Check;
}

/** A parse that needs more (a typical query needs a few MB; the parser itself, with its caches, about 80) is refused
 *  as too complex: each thread's memory is bounded, however many are replaced. */
const threadHeapMb = 256;
/** The new-object space: V8's default for a thread is larger, and a parse does not need it. */
const threadYoungMb = 16;
const cacheableLength = 4096;
const defaultPenaltyMs = 60_000;

/**
 * Runs the read-only check on worker threads, each check bounded by the budget and by the query's
 * deadline, and shared out so that one client's slow parses hold up no one else for long.
 *
 * The bound: a check from a client with no other check on a thread, that has not overrun the
 * budget in the last `penaltyMs`, waits for a thread at most one budget for each check of another
 * such client ahead of it (one per client, in turn), and a thread's start where one of those
 * overran. With two threads or more it never waits for clients that overran lately; with one, for
 * at most one of their checks and a thread's start. The rules are in guard-shares.ts; a query that
 * overran, or one of its shape at least as long, is refused at once (overrun-refusals.ts).
 */
export class GuardPool {
  private readonly queue = new FairQueue<Check>();
  private readonly threads: Thread[] = [];
  private readonly cache = new Map<string, GuardVerdict>();
  private readonly refusals: OverrunRefusals;
  private readonly shares: GuardShares;
  private readonly now: () => number;
  private readonly startThread: () => GuardThreadHandle;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: GuardPoolOptions) {
    this.now = options.now ?? (() => performance.now());
    this.startThread =
      options.startThread ??
      (() =>
        new Worker(threadScript, {
          resourceLimits: { maxOldGenerationSizeMb: threadHeapMb, maxYoungGenerationSizeMb: threadYoungMb },
        }));
    this.refusals = new OverrunRefusals(options.cacheEntries ?? 500);
    this.shares = new GuardShares({
      threads: options.threads,
      penaltyMs: options.penaltyMs ?? defaultPenaltyMs,
      now: this.now,
    });
    // One thread to begin with: most checks take milliseconds. The others start when a check has to wait.
    this.threads.push(this.spawn());
  }

  /** Resolves once every thread started so far has loaded the parser. */
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
    if (this.refusals.refuses(query)) {
      return Promise.reject(
        new QueryTooComplexError(
          `the query is too complex to check: Neo4j's parser did not finish a query of its shape, no longer than it, within ${this.options.budgetMs} ms; simplify it (for example, split long chains of patterns)`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const check: Check = { ...options, id: this.nextId++, query, resolve, reject };
      if (options.signal?.aborted) {
        reject(new QueryCancelledError('the request was closed'));
        return;
      }
      options.signal?.addEventListener('abort', () => this.abandon(check), { once: true });
      check.timer = setTimeout(() => this.expire(check), Math.max(0, check.deadline - this.now()));
      this.queue.push(check);
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
    const worker = this.startThread();
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
      const check = this.next();
      if (!check) break;
      clearTimeout(check.timer);
      thread.running = check;
      this.shares.started(check.client);
      const budget = Math.min(this.options.budgetMs, check.deadline - this.now());
      check.timer = setTimeout(() => this.overrun(thread, check, budget), budget);
      thread.worker.postMessage({ id: check.id, query: check.query });
    }
    if (this.queue.size > 0 && !this.closed) {
      while (this.threads.length < this.options.threads) this.threads.push(this.spawn());
    }
  }

  /** The check to start next: of clients that did not overrun lately first, in turn, within each one's share. */
  private next(): Check | undefined {
    const { shares } = this;
    const free = this.threads.filter((thread) => thread.ready && !thread.running).length;
    for (;;) {
      const check =
        this.queue.shift((client) => !shares.overranLately(client) && shares.mayStart(client, free)) ??
        this.queue.shift((client) => shares.mayStart(client, free));
      if (!check || check.deadline > this.now()) return check;
      this.expire(check);
    }
  }

  /** Its time from arrival ran out before a thread took it. */
  private expire(check: Check): void {
    this.queue.remove(check);
    this.settle(check, new QueryTimeoutError('the query ran out of time waiting for its read-only check'));
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
    this.shares.ended(check.client, false);
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
    const tooComplex = budget >= this.options.budgetMs;
    this.spent(thread, check, tooComplex);
    this.settle(
      check,
      tooComplex
        ? new QueryTooComplexError(
            `the query is too complex to check: Neo4j's parser did not finish it within ${this.options.budgetMs} ms; simplify it (for example, split long chains of patterns)`,
          )
        : new QueryTimeoutError('the query ran out of time during its read-only check'),
    );
  }

  private onEnd(thread: Thread, error?: Error): void {
    thread.markStarted();
    if (!this.threads.includes(thread)) return;
    const check = thread.running;
    if (!check) {
      this.replace(thread);
      return;
    }
    clearTimeout(check.timer);
    const outOfMemory = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.spent(thread, check, outOfMemory);
    this.settle(
      check,
      outOfMemory
        ? new QueryTooComplexError(
            `the query is too complex to check: Neo4j's parser needed more than ${threadHeapMb} MB for it; simplify it (for example, split long chains of patterns)`,
          )
        : new QueryError(`the query could not be checked${error ? `: ${error.message}` : ''}`),
    );
  }

  /** The check's thread was lost to it (stopped at the budget, or ended): replaced, and the client charged. */
  private spent(thread: Thread, check: Check, tooComplex: boolean): void {
    this.shares.ended(check.client, true);
    if (tooComplex) this.refusals.remember(check.query);
    this.replace(thread);
    this.dispatch();
  }

  /** Terminates the thread and starts another in its place, so the pool keeps its size. */
  private replace(thread: Thread): void {
    const index = this.threads.indexOf(thread);
    if (index >= 0) this.threads.splice(index, 1);
    thread.running = undefined;
    void thread.worker.terminate();
    if (!this.closed) this.threads.push(this.spawn());
  }

  /** The caller is gone: a waiting check is dropped; a running one finishes (within its budget)
   *  and its verdict is cached for the next asker. */
  private abandon(check: Check): void {
    if (this.queue.remove(check)) clearTimeout(check.timer);
    this.settle(check, new QueryCancelledError('the request was closed'));
  }

  private settle(check: Check, outcome: GuardVerdict | Error): void {
    if (check.settled) return;
    check.settled = true;
    if (outcome instanceof Error) check.reject(outcome);
    else check.resolve(outcome);
  }
}
