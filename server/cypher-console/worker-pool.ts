import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';
import { decodeValue, type Params, type Row } from '../store/graph-values.ts';
import { classifyError } from './classify-error.ts';
import { checkReadOnly } from './write-guard.ts';
import { QueryError, QueryTimeoutError, WriteRefusedError, type AdHocResult, type CypherConsole } from './types.ts';
import type { WorkerJob, WorkerReply } from './worker.ts';

const workerScript = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface Pending {
  job: WorkerJob;
  resolve: (result: AdHocResult) => void;
  reject: (error: Error) => void;
  /** Set when a worker takes the job: the timeout bounds the run, not the wait for a worker
   *  (which is itself bounded by the running jobs' timeouts). */
  timer?: NodeJS.Timeout;
}

interface Worker {
  child: ChildProcess;
  ready: boolean;
  running?: Pending;
}

export interface WorkerPoolOptions {
  databasePath: string;
  size: number;
  timeoutMs: number;
  maxRows: number;
  logger: Logger;
}

/**
 * Ad-hoc Cypher on the embedded store, read-only twice over: the write guard refuses writes with a
 * clear message, and the worker processes open the store read-only, so the engine refuses any
 * write the guard missed. A query past its timeout has its process killed (freeing its memory and
 * CPU) and a fresh one started; the server's event loop never waits on a query.
 */
export class WorkerPoolConsole implements CypherConsole {
  private readonly workers: Worker[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly started: Promise<void>;
  private markStarted!: () => void;
  private markFailed!: (error: Error) => void;

  constructor(private readonly options: WorkerPoolOptions) {
    this.started = new Promise((resolve, reject) => {
      this.markStarted = resolve;
      this.markFailed = reject;
    });
    for (let index = 0; index < options.size; index += 1) this.workers.push(this.spawn());
  }

  /** Resolves once a worker has opened the store (queries sent before then wait); rejects if none can. */
  ready(): Promise<void> {
    return this.started;
  }

  run(query: string, params: Params = {}): Promise<AdHocResult> {
    const verdict = checkReadOnly(query);
    if (!verdict.ok) {
      return Promise.reject(
        verdict.kind === 'write' ? new WriteRefusedError(verdict.reason) : new QueryError(verdict.reason),
      );
    }
    if (this.workers.length === 0) return Promise.reject(new QueryError('no Cypher worker could open the store'));
    return new Promise((resolve, reject) => {
      const job: WorkerJob = { id: this.nextId++, query, params, maxRows: this.options.maxRows };
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) {
      clearTimeout(pending.timer);
      pending.reject(new Error('the Cypher console is shutting down'));
    }
    for (const worker of this.workers) worker.child.kill('SIGKILL');
  }

  private spawn(): Worker {
    const child = fork(workerScript, [this.options.databasePath], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const worker: Worker = { child, ready: false };
    child.on('message', (reply: WorkerReply) => this.onReply(worker, reply));
    child.on('exit', (code, signal) => this.onExit(worker, code, signal));
    return worker;
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.queue.length === 0) return;
      if (!worker.ready || worker.running) continue;
      const pending = this.queue.shift()!;
      worker.running = pending;
      pending.timer = setTimeout(() => this.timeOut(worker, pending), this.options.timeoutMs);
      worker.child.send(pending.job);
    }
  }

  private onReply(worker: Worker, reply: WorkerReply): void {
    if ('ready' in reply) {
      worker.ready = true;
      this.markStarted();
      this.dispatch();
      return;
    }
    if ('fatal' in reply) {
      this.options.logger.error({ error: reply.fatal }, 'a Cypher worker could not open the store');
      this.markFailed(new Error(`the Cypher console could not open the store: ${reply.fatal}`));
      return;
    }
    const pending = worker.running;
    if (!pending || pending.job.id !== reply.id) return;
    worker.running = undefined;
    clearTimeout(pending.timer);
    if (reply.ok) {
      pending.resolve({
        columns: reply.columns,
        rows: reply.rows.map((row) => decodeValue(row) as Row),
        capped: reply.capped,
        elapsedMs: reply.elapsedMs,
      });
    } else {
      pending.reject(classifyError(Object.assign(new Error(reply.message), { gqlStatus: reply.gqlStatus })));
    }
    this.dispatch();
  }

  private timeOut(worker: Worker, pending: Pending): void {
    if (worker.running !== pending) return;
    // Out of the pool before it dies, so no other job is sent to it; a fresh one takes its place.
    this.workers.splice(this.workers.indexOf(worker), 1);
    worker.child.kill('SIGKILL');
    if (!this.closed) this.workers.push(this.spawn());
    pending.reject(new QueryTimeoutError(`the query ran longer than ${this.options.timeoutMs} ms and was stopped`));
  }

  private onExit(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return; // killed on a timeout and already replaced
    this.workers.splice(index, 1);
    if (worker.running) {
      clearTimeout(worker.running.timer);
      worker.running.reject(
        new QueryError(
          `the query's process ended (${signal ?? `exit code ${code}`}); it may have used too much memory`,
        ),
      );
    }
    if (this.closed) return;
    if (!worker.ready) {
      // It never opened the store: starting another would fail the same way.
      this.options.logger.error({ code, signal }, 'a Cypher worker failed to start');
      if (this.workers.length === 0) {
        for (const pending of this.queue.splice(0))
          pending.reject(new QueryError('no Cypher worker could open the store'));
      }
      return;
    }
    this.workers.push(this.spawn());
  }
}
