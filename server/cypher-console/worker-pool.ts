import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { getPriority, setPriority } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';
import { decodeValue, type Row } from '../store/graph-values.ts';
import type { Execution, Executor, Job } from './scheduler.ts';
import { MemoryLimitError, QueryError, type AdHocResult, type ConsoleStatus } from './types.ts';
import { memoryExitCode, type WorkerJob, type WorkerReply } from './worker-protocol.ts';
import type { WorkerSandbox } from './worker-sandbox.ts';

const workerScript = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface WorkerPoolOptions {
  databasePath: string;
  size: number;
  maxRows: number;
  maxBytes: number;
  /** The memory ceiling of each worker process, in MB (its heap and its resident size). */
  memoryMb: number;
  logger: Logger;
  /** Where workers start (worker-sandbox.ts); without it, as plain child processes. */
  sandbox?: WorkerSandbox;
}

interface Running {
  job: WorkerJob;
  resolve: (result: AdHocResult) => void;
  reject: (error: Error) => void;
  executed: () => void;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  /** Why it could not open the store, if it said so. */
  fatal?: string;
  exited: Promise<unknown>;
  running?: Running;
}

/** How much lower than the server's a worker's scheduling priority is (its nice value is higher). */
const workerNiceness = 5;
/** The longest wait before starting a worker again after workers kept failing to start. */
const maxBackoffMs = 5000;

/**
 * Runs ad-hoc Cypher on the embedded store in worker processes, each with a read-only handle on
 * the database file, so the engine itself refuses any write the guard missed. A query past its
 * time or abandoned by its caller has its process killed (the engine cannot cancel a query),
 * which frees its memory and CPU; a process over its memory ceiling ends itself. Every ended
 * worker is replaced, at once, or after a backoff (up to 5 s) while replacements keep failing to
 * start: the pool is never left empty. The server's event loop never waits on a query.
 */
export class WorkerPool implements Executor {
  private readonly workers: Worker[] = [];
  private readonly listeners: (() => void)[] = [];
  private nextId = 1;
  private closed = false;
  /** Workers in a row that ended before they were ready. */
  private failures = 0;
  private lastFailure = '';
  private respawn?: NodeJS.Timeout;
  private everReady = false;
  private readonly started: Promise<void>;
  private markStarted!: () => void;
  private markFailed!: (error: Error) => void;

  constructor(private readonly options: WorkerPoolOptions) {
    this.started = new Promise((resolve, reject) => {
      this.markStarted = resolve;
      this.markFailed = reject;
    });
    this.started.catch(() => {});
    for (let index = 0; index < options.size; index += 1) this.workers.push(this.spawn());
  }

  get size(): number {
    return this.options.size;
  }

  get idle(): number {
    return this.workers.filter((worker) => worker.ready && !worker.running).length;
  }

  /** The worker processes' ids (for tests and diagnostics). */
  pids(): number[] {
    return this.workers.map((worker) => worker.child.pid!);
  }

  /** Resolves once a worker has opened the store; rejects if the first ones cannot. */
  ready(): Promise<void> {
    return this.started;
  }

  onCapacity(listener: () => void): void {
    this.listeners.push(listener);
  }

  status(): Omit<ConsoleStatus, 'queued'> {
    const ready = this.workers.filter((worker) => worker.ready).length;
    const busy = this.workers.filter((worker) => worker.running).length;
    const workers = { ready, busy, starting: this.workers.length - ready };
    if (ready === 0 && this.failures > 0) {
      return {
        state: 'degraded',
        workers,
        reason: `no Cypher worker is running: ${this.failures} in a row failed to start (${this.lastFailure}); retrying`,
        ...this.sandboxStatus(),
      };
    }
    return { state: 'ok', workers, ...this.sandboxStatus() };
  }

  private sandboxStatus(): Pick<ConsoleStatus, 'sandbox'> {
    const { sandbox } = this.options;
    return { sandbox: sandbox?.status ?? { state: 'off', reason: 'workers start without a sandbox' } };
  }

  start(job: Job, executed: () => void): Execution {
    const worker = this.workers.find((candidate) => candidate.ready && !candidate.running);
    if (!worker) return { done: Promise.reject(new QueryError('no Cypher worker is free')), stop: () => {} };
    const { maxRows, maxBytes } = this.options;
    const message: WorkerJob = { id: this.nextId++, query: job.query, params: job.params, maxRows, maxBytes };
    const done = new Promise<AdHocResult>((resolve, reject) => {
      worker.running = { job: message, resolve, reject, executed };
    });
    try {
      worker.child.send(message);
    } catch (error) {
      // The parameters could not be serialised: the worker stays free, the query fails.
      worker.running!.reject(
        new QueryError(`the parameters cannot be passed to the query: ${(error as Error).message}`),
      );
      worker.running = undefined;
      queueMicrotask(() => this.notify());
    }
    return { done, stop: () => this.kill(worker) };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.respawn);
    const workers = this.workers.splice(0);
    for (const worker of workers) {
      worker.running?.reject(new QueryError('the Cypher console is shutting down'));
      worker.child.kill('SIGKILL');
    }
    // The processes hold the database file: close() returns once they are gone.
    await Promise.all(workers.map((worker) => worker.exited));
  }

  private spawn(): Worker {
    const { databasePath, memoryMb, sandbox } = this.options;
    const nodeArgs = ['--import', 'tsx', `--max-old-space-size=${memoryMb}`];
    const { execPath, execArgv, env } = sandbox?.launch(nodeArgs) ?? { execArgv: nodeArgs };
    // Queries yield the CPU to the server's own work (health, the other endpoints, HTTP): the
    // worker lowers its own priority, as a sandbox puts a process of its own in between; the
    // process started here is lowered at once too, so that a worker loading its code and its
    // store after a kill does so behind the server (a child takes its parent's priority).
    const niceness = Math.min(19, getPriority() + workerNiceness);
    const child = fork(workerScript, [resolve(databasePath), String(memoryMb), String(niceness)], {
      ...(execPath ? { execPath } : {}),
      ...(env ? { env } : {}),
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    try {
      if (child.pid !== undefined) setPriority(child.pid, niceness);
    } catch {
      // It has already ended: onExit replaces it.
    }
    const worker: Worker = { child, ready: false, exited: once(child, 'exit').catch(() => {}) };
    child.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
    child.on('exit', (code, signal) => this.onExit(worker, code, signal));
    child.on('error', (error) => this.options.logger.error({ err: error }, 'a Cypher worker failed'));
    return worker;
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    if ('ready' in reply) {
      worker.ready = true;
      this.failures = 0;
      this.lastFailure = '';
      this.everReady = true;
      this.markStarted();
      this.notify();
      return;
    }
    if ('fatal' in reply) {
      worker.fatal = reply.fatal;
      this.options.logger.error({ error: reply.fatal }, 'a Cypher worker could not open the store');
      if (!this.everReady) this.markFailed(new Error(`the Cypher console could not open the store: ${reply.fatal}`));
      return;
    }
    const running = worker.running;
    if (!running || running.job.id !== reply.id) return;
    if ('executed' in reply) {
      running.executed();
      return;
    }
    worker.running = undefined;
    if (reply.ok) {
      running.resolve({
        columns: reply.columns,
        rows: reply.rows.map((row) => decodeValue(row) as Row),
        capped: reply.capped,
        ...(reply.cappedBy ? { cappedBy: reply.cappedBy } : {}),
        elapsedMs: reply.elapsedMs,
      });
    } else {
      running.reject(Object.assign(new Error(reply.message), { gqlStatus: reply.gqlStatus }));
    }
    this.notify();
  }

  /** Stops a worker's query: out of the pool first, so nothing else is sent to it. */
  private kill(worker: Worker): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    worker.child.kill('SIGKILL');
    worker.running = undefined;
    this.refill();
  }

  private onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    const index = this.workers.indexOf(worker);
    if (worker.running) {
      const { memoryMb } = this.options;
      const outOfMemory = code === memoryExitCode || code === 134 || signal === 'SIGABRT';
      worker.running.reject(
        outOfMemory
          ? new MemoryLimitError(
              `the query used more memory than a Cypher worker may (${memoryMb} MB, CYPHER_WORKER_MEMORY_MB) and was stopped; return less (LIMIT, fewer or smaller values)`,
            )
          : new QueryError(`the query's process ended unexpectedly (${signal ?? `exit code ${code}`})`),
      );
      worker.running = undefined;
    }
    if (index < 0) return; // killed on purpose, and already replaced
    this.workers.splice(index, 1);
    if (this.closed) return;
    if (!worker.ready) {
      this.failures += 1;
      this.lastFailure = worker.fatal ?? `it ended (${signal ?? `exit code ${code}`}) before it was ready`;
      this.options.logger.error({ code, signal, failures: this.failures }, 'a Cypher worker failed to start');
    } else {
      this.options.logger.warn({ code, signal }, 'a Cypher worker ended; starting another');
    }
    this.refill();
  }

  /** Brings the pool back to its size: at once, or after a backoff while workers fail to start. */
  private refill(): void {
    if (this.closed || this.respawn) return;
    const delay = this.failures === 0 ? 0 : Math.min(maxBackoffMs, 100 * 2 ** (this.failures - 1));
    const fill = () => {
      this.respawn = undefined;
      if (this.closed) return;
      while (this.workers.length < this.options.size) this.workers.push(this.spawn());
    };
    if (delay === 0) fill();
    else this.respawn = setTimeout(fill, delay);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
