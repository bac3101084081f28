import type { Params } from '../store/graph-values.ts';
import { canonicalQuery } from './canonical-text.ts';
import { classifyError } from './classify-error.ts';
import { warningsFor } from './embedded-differences.ts';
import { FairQueue } from './fair-queue.ts';
import { noImports, type ImportRule } from './import-folder.ts';
import type { GuardVerdict } from './write-guard.ts';
import {
  ConsoleBusyError,
  QueryCancelledError,
  QueryError,
  QueryTimeoutError,
  WriteRefusedError,
  type AdHocResult,
  type ConsoleStatus,
  type CypherConsole,
  type RunOptions,
} from './types.ts';

/** A query that passed the guard, on its way to an executor. */
export interface Job {
  client: string;
  query: string;
  params: Params;
  /** It writes: only when the server allows writes. */
  write: boolean;
  /** performance.now() past which it has run out of time. */
  deadline: number;
}

/** A job an executor has started. */
export interface Execution {
  done: Promise<AdHocResult>;
  /** Stop it if the executor can (the scheduler has given up on it: time, or the caller left). */
  stop(): void;
}

/** Runs jobs: worker processes (worker-pool.ts) or the store in-process (store-executor.ts). */
export interface Executor {
  /** Jobs it can start right now. */
  readonly idle: number;
  /** Jobs it can run at once, when all is well. */
  readonly size: number;
  /** `executed` is called when the engine has answered and the result is being passed back. */
  start(job: Job, executed: () => void): Execution;
  /** Called when it can start more jobs (a job ended, a worker became ready). */
  onCapacity(listener: () => void): void;
  status(): Omit<ConsoleStatus, 'queued'>;
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Checks a query before it runs (guard-pool.ts). */
export interface Guard {
  check(query: string, options: { client: string; deadline: number; signal?: AbortSignal }): Promise<GuardVerdict>;
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface SchedulerOptions {
  /** From a query's arrival to its answer. */
  timeoutMs: number;
  /** Queries that may wait beyond those running. */
  queueMax: number;
  /** Queries one client may have checking, waiting and running at once. */
  perClient: number;
  allowWrites: boolean;
  /** The engine queries run on: on the embedded one, results warn of its known differences from Neo4j. */
  engine: 'embedded' | 'neo4j';
  /** Where LOAD CSV may read when writes are allowed (import-folder.ts); unset, it is refused. */
  imports?: ImportRule;
}

interface Waiting extends Job {
  resolve: (result: AdHocResult) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
  execution?: Execution;
  settled?: boolean;
}

/** Time a result gets to come back once the engine has answered (it is at most CYPHER_MAX_BYTES). */
const passBackMs = 2000;
/** A query with less time than this left is not started. */
const minimumRunMs = 10;

/**
 * The console: refuses a query whose text is not canonical (canonical-text.ts), admits it if
 * the queue and the client's share of it have room (else 503 with Retry-After), checks it (the
 * guard), queues it in turn between clients, and runs it on the executor. The timeout counts from arrival, through the check and the wait; past it, or when the
 * caller's connection closes, a waiting query is dropped and a running one stopped.
 */
export class Scheduler implements CypherConsole {
  private readonly queue = new FairQueue<Waiting>();
  private readonly inFlight = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly guard: Guard,
    private readonly executor: Executor,
    private readonly options: SchedulerOptions,
  ) {
    executor.onCapacity(() => this.dispatch());
  }

  async run(sent: string, params: Params = {}, { client = 'local', signal }: RunOptions = {}): Promise<AdHocResult> {
    const deadline = performance.now() + this.options.timeoutMs;
    // Every path to the engine passes here: the guard and the engine read this text, and only it.
    const canonical = canonicalQuery(sent);
    if (!canonical.ok) throw new QueryError(canonical.reason);
    const query = canonical.text;
    this.admit(client);
    this.inFlight.set(client, (this.inFlight.get(client) ?? 0) + 1);
    this.total += 1;
    try {
      const verdict = await this.guard.check(query, { client, deadline, signal });
      if (!verdict.ok && (verdict.kind === 'invalid' || !this.options.allowWrites)) {
        throw verdict.kind === 'write' ? new WriteRefusedError(verdict.reason) : new QueryError(verdict.reason);
      }
      const files = verdict.ok || verdict.kind !== 'write' ? [] : (verdict.files ?? []);
      const text = files.length > 0 ? await (this.options.imports ?? noImports).confine(query, files) : query;
      const result = await this.enqueue({ client, query: text, params, write: !verdict.ok, deadline }, signal);
      const differences = verdict.ok ? (verdict.differences ?? []) : [];
      return this.options.engine === 'embedded' && differences.length > 0
        ? { ...result, warnings: warningsFor(differences) }
        : result;
    } finally {
      const left = this.inFlight.get(client)! - 1;
      if (left === 0) this.inFlight.delete(client);
      else this.inFlight.set(client, left);
      this.total -= 1;
    }
  }

  status(): ConsoleStatus {
    return { ...this.executor.status(), queued: this.queue.size };
  }

  async ready(): Promise<void> {
    await Promise.all([this.guard.ready(), this.executor.ready()]);
  }

  async close(): Promise<void> {
    for (const job of this.queue.drain()) this.settle(job, new QueryError('the Cypher console is shutting down'));
    await Promise.all([this.guard.close(), this.executor.close()]);
  }

  private admit(client: string): void {
    const retry = Math.ceil(this.options.timeoutMs / 1000);
    const mine = this.inFlight.get(client) ?? 0;
    if (mine >= this.options.perClient) {
      throw new ConsoleBusyError(
        `this client already has ${mine} ad-hoc queries running or waiting (at most ${this.options.perClient}, CYPHER_QUEUE_PER_CLIENT): wait for one to finish`,
        retry,
      );
    }
    if (this.total >= this.executor.size + this.options.queueMax) {
      throw new ConsoleBusyError(
        `the Cypher console is full: ${this.total} queries running or waiting (CYPHER_QUEUE is ${this.options.queueMax}); try again shortly`,
        retry,
      );
    }
    const status = this.executor.status();
    if (status.state === 'degraded') {
      throw new ConsoleBusyError(`the Cypher console cannot run queries now: ${status.reason}`, 5);
    }
  }

  private enqueue(job: Job, signal?: AbortSignal): Promise<AdHocResult> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { ...job, resolve, reject };
      if (signal?.aborted) {
        reject(new QueryCancelledError('the request was closed'));
        return;
      }
      signal?.addEventListener('abort', () => this.stop(waiting, new QueryCancelledError('the request was closed')), {
        once: true,
      });
      waiting.timer = setTimeout(
        () => this.stop(waiting, this.timeout(waiting)),
        Math.max(0, job.deadline - performance.now()),
      );
      this.queue.push(waiting);
      this.dispatch();
    });
  }

  private timeout(job: Waiting): QueryTimeoutError {
    const limit = `${this.options.timeoutMs} ms`;
    return new QueryTimeoutError(
      job.execution
        ? `the query ran longer than ${limit} (counted from its arrival) and was stopped`
        : `the query waited for a free worker until its ${limit} ran out (counted from its arrival)`,
    );
  }

  private dispatch(): void {
    while (this.executor.idle > 0 && this.queue.size > 0) {
      const job = this.queue.shift()!;
      // Its time is (all but) gone: starting it would only take a worker from the next one.
      if (job.deadline - performance.now() < minimumRunMs) {
        this.settle(job, this.timeout(job));
        continue;
      }
      const execution = this.executor.start(job, () => {
        // The engine has answered: passing the result back does not count against the timeout.
        clearTimeout(job.timer);
        job.timer = setTimeout(() => this.stop(job, this.timeout(job)), passBackMs);
      });
      job.execution = execution;
      execution.done.then(
        (result) => this.settle(job, result),
        (error: unknown) => this.settle(job, classifyError(error)),
      );
    }
  }

  /** Gives up on a job: out of the queue, or stopped where it runs. */
  private stop(job: Waiting, error: Error): void {
    if (job.settled) return;
    if (!this.queue.remove(job)) job.execution?.stop();
    this.settle(job, error);
  }

  private settle(job: Waiting, outcome: AdHocResult | Error): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
  }
}
