// The scheduler with a guard and an executor of the test's: admission, fairness, time counted from
// arrival, and cancellation, without processes or a parser.
import type { Execution, Executor, Guard, Job } from '../../server/cypher-console/scheduler.ts';
import { Scheduler } from '../../server/cypher-console/scheduler.ts';
import {
  ConsoleBusyError,
  QueryCancelledError,
  QueryError,
  QueryTimeoutError,
  WriteRefusedError,
  type AdHocResult,
  type ConsoleStatus,
} from '../../server/cypher-console/types.ts';
import type { GuardVerdict } from '../../server/cypher-console/write-guard.ts';
import { describe, expect, it } from '../support/fixtures.ts';

const answer = (query: string): AdHocResult => ({ columns: ['q'], rows: [{ q: query }], capped: false, elapsedMs: 0 });

/** Runs each job until the test finishes it; records the order jobs started and what was stopped. */
class FakeExecutor implements Executor {
  readonly size: number;
  readonly started: Job[] = [];
  readonly stopped: string[] = [];
  private readonly finishers = new Map<string, (result: AdHocResult) => void>();
  private readonly executedHooks = new Map<string, () => void>();
  private readonly listeners: (() => void)[] = [];
  state: ConsoleStatus['state'] = 'ok';

  constructor(size = 1) {
    this.size = size;
  }

  get idle(): number {
    return this.size - this.finishers.size;
  }

  start(job: Job, executed: () => void): Execution {
    this.started.push(job);
    this.executedHooks.set(job.query, executed);
    const done = new Promise<AdHocResult>((resolve) => this.finishers.set(job.query, resolve));
    return {
      done,
      stop: () => {
        this.stopped.push(job.query);
        this.finish(job.query);
      },
    };
  }

  /** The engine answers now; the result arrives `delayMs` later. */
  finishSlowly(query: string, delayMs: number): void {
    this.executedHooks.get(query)?.();
    setTimeout(() => this.finish(query), delayMs);
  }

  finish(query: string): void {
    const finisher = this.finishers.get(query);
    this.finishers.delete(query);
    finisher?.(answer(query));
    for (const listener of this.listeners) listener();
  }

  onCapacity(listener: () => void): void {
    this.listeners.push(listener);
  }

  status(): Omit<ConsoleStatus, 'queued'> {
    return { state: this.state, workers: { ready: this.size, busy: this.finishers.size, starting: 0 }, reason: 'test' };
  }

  async ready(): Promise<void> {}
  async close(): Promise<void> {}
}

const passing: Guard = { check: async () => ({ ok: true }), ready: async () => {}, close: async () => {} };
const verdictOf = (verdict: GuardVerdict): Guard => ({ ...passing, check: async () => verdict });

function scheduler(options: { size?: number; timeoutMs?: number; queueMax?: number; perClient?: number } = {}) {
  const executor = new FakeExecutor(options.size);
  const console = new Scheduler(passing, executor, {
    timeoutMs: options.timeoutMs ?? 5000,
    queueMax: options.queueMax ?? 10,
    perClient: options.perClient ?? 10,
    allowWrites: false,
    engine: 'neo4j',
  });
  return { console, executor };
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('admission', () => {
  it("when a client has its share in flight, its next query is refused with Retry-After and another client's is not", async () => {
    const { console, executor } = scheduler({ perClient: 2, timeoutMs: 4000 });
    void console.run('a1', {}, { client: 'a' });
    void console.run('a2', {}, { client: 'a' });
    const refused = await console.run('a3', {}, { client: 'a' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConsoleBusyError);
    expect((refused as ConsoleBusyError).retryAfterSeconds).toBe(4);
    const other = console.run('b1', {}, { client: 'b' });
    await tick();
    ['a1', 'a2', 'b1'].forEach((query) => executor.finish(query));
    await expect(other).resolves.toMatchObject({ rows: [{ q: 'b1' }] });
  });

  it('when the queue is full, a query is refused with 503', async () => {
    const { console } = scheduler({ size: 1, queueMax: 1 });
    void console.run('1', {}, { client: 'a' });
    void console.run('2', {}, { client: 'b' });
    await expect(console.run('3', {}, { client: 'c' })).rejects.toThrow(/full/);
  });

  it('when the executor cannot run queries, a query is refused at once with its reason', async () => {
    const { console, executor } = scheduler();
    executor.state = 'degraded';
    await expect(console.run('1')).rejects.toBeInstanceOf(ConsoleBusyError);
  });

  it('when the guard refuses a write, it never reaches the executor', async () => {
    const executor = new FakeExecutor();
    const refusing = new Scheduler(verdictOf({ ok: false, kind: 'write', reason: 'CREATE changes data' }), executor, {
      timeoutMs: 1000,
      queueMax: 1,
      perClient: 1,
      allowWrites: false,
      engine: 'neo4j',
    });
    await expect(refusing.run('CREATE (n)')).rejects.toBeInstanceOf(WriteRefusedError);
    expect(executor.started).toEqual([]);
  });

  it('when the guard finds the query invalid, it fails as a query error', async () => {
    const invalid = new Scheduler(verdictOf({ ok: false, kind: 'invalid', reason: 'bad' }), new FakeExecutor(), {
      timeoutMs: 1000,
      queueMax: 1,
      perClient: 1,
      allowWrites: true,
      engine: 'neo4j',
    });
    await expect(invalid.run('x')).rejects.toBeInstanceOf(QueryError);
  });
});

describe('fairness', () => {
  it('when one client queued several queries before another, the worker alternates between them', async () => {
    const { console, executor } = scheduler({ size: 1 });
    const all = [
      console.run('a1', {}, { client: 'a' }),
      console.run('a2', {}, { client: 'a' }),
      console.run('a3', {}, { client: 'a' }),
      console.run('b1', {}, { client: 'b' }),
    ];
    for (let round = 0; round < all.length; round += 1) {
      await tick();
      executor.finish(executor.started.at(-1)!.query);
    }
    await Promise.all(all);
    expect(executor.started.map((job) => job.query)).toEqual(['a1', 'a2', 'b1', 'a3']);
  });
});

describe('time from arrival', () => {
  it('when a query waits for a worker past its timeout, it fails without running', async () => {
    const { console, executor } = scheduler({ size: 1, timeoutMs: 200 });
    const first = console.run('slow', {}, { client: 'a' }).catch((e: unknown) => e);
    const waiting = console.run('waits', {}, { client: 'b' });
    await expect(waiting).rejects.toThrow(/waited/);
    await expect(waiting).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(await first).toBeInstanceOf(QueryTimeoutError);
    expect(executor.started.map((job) => job.query)).toEqual(['slow']);
    expect(executor.stopped).toEqual(['slow']);
  });

  it('when the engine has answered, passing the result back does not count against the timeout', async () => {
    const executor = new FakeExecutor();
    const console = new Scheduler(passing, executor, {
      timeoutMs: 100,
      queueMax: 1,
      perClient: 1,
      allowWrites: false,
      engine: 'neo4j',
    });
    const result = console.run('q');
    await tick();
    // the engine answers at once; the result takes three times the timeout to come back
    executor.finishSlowly('q', 300);
    await expect(result).resolves.toMatchObject({ rows: [{ q: 'q' }] });
  });
});

describe('cancellation', () => {
  it('when the caller leaves while its query waits, it is dropped and never runs', async () => {
    const { console, executor } = scheduler({ size: 1 });
    void console.run('busy', {}, { client: 'a' });
    const caller = new AbortController();
    const waiting = console.run('left', {}, { client: 'b', signal: caller.signal });
    await tick();
    expect(console.status().queued).toBe(1);
    caller.abort();
    await expect(waiting).rejects.toBeInstanceOf(QueryCancelledError);
    expect(console.status().queued).toBe(0);
    executor.finish('busy');
    await tick();
    expect(executor.started.map((job) => job.query)).toEqual(['busy']);
  });

  it('when the caller leaves while its query runs, the executor is told to stop it', async () => {
    const { console, executor } = scheduler();
    const caller = new AbortController();
    const running = console.run('runs', {}, { signal: caller.signal });
    await tick();
    caller.abort();
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    expect(executor.stopped).toEqual(['runs']);
  });
});

describe('warnings', () => {
  const differing: Guard = { ...passing, check: async () => ({ ok: true, differences: ['power-associativity'] }) };
  const options = { timeoutMs: 1000, queueMax: 1, perClient: 1, allowWrites: false };

  it.each([
    ['embedded', 1],
    ['neo4j', 0],
  ] as const)(
    'when the query runs on %s and uses a known difference, the result carries %i warnings',
    async (engine, count) => {
      const executor = new FakeExecutor();
      const console = new Scheduler(differing, executor, { ...options, engine });
      const result = console.run('RETURN 2 ^ 3 ^ 2 AS r');
      await tick();
      executor.finish('RETURN 2 ^ 3 ^ 2 AS r');
      expect((await result).warnings ?? []).toHaveLength(count);
    },
  );
});
