// The embedded store's Cypher console as the server runs it: a read-only file store, ad-hoc queries
// in killable worker processes behind the guard and the scheduler.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { limitsOf, type ConsoleLimits } from '../../server/cypher-console/create.ts';
import { GuardPool } from '../../server/cypher-console/guard-pool.ts';
import { Scheduler } from '../../server/cypher-console/scheduler.ts';
import {
  MemoryLimitError,
  QueryCancelledError,
  QueryError,
  QueryTimeoutError,
  WriteRefusedError,
} from '../../server/cypher-console/types.ts';
import { WorkerPool } from '../../server/cypher-console/worker-pool.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { GraphNode, GraphPath } from '../../server/store/graph-values.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { writeAttempts } from '../fixtures/write-attempts.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { afterAll, beforeAll, describe, expect, it } from '../support/fixtures.ts';
import { seededFile } from '../support/seeded-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'kg-console-'));
let path: string;
let store: GraphStore;

const defaults: ConsoleLimits = { ...limitsOf(loadConfig({})), timeoutMs: 1500, maxRows: 10, workers: 2 };

/** A console over the seeded file, and its pool (to look at the processes). */
function consoleOf(limits: Partial<ConsoleLimits> = {}, databasePath = path) {
  const all = { ...defaults, ...limits };
  const pool = new WorkerPool({
    databasePath,
    size: all.workers,
    maxRows: all.maxRows,
    maxBytes: all.maxBytes,
    memoryMb: all.memoryMb,
    logger: createLogger('silent'),
  });
  const guard = new GuardPool({ threads: 1, budgetMs: all.guardMs });
  const console = new Scheduler(guard, pool, { ...all, allowWrites: false, engine: 'embedded' });
  return { console, pool };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const until = async (condition: () => boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((done) => setTimeout(done, 10));
  }
};

const heavy = 'MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c';

beforeAll(async () => {
  path = await seededFile(dir);
  store = openEmbeddedStore({ path, readOnly: true });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the worker-pool console', () => {
  let shared: ReturnType<typeof consoleOf>;
  beforeAll(() => {
    shared = consoleOf();
    return shared.console.ready();
  });
  afterAll(() => shared.console.close());

  it('when a read returns nodes and paths, they come back as graph values', async () => {
    const result = await shared.console.run(
      "MATCH p = (a:Entity {id: 'person:li-qiang'})-[:VISITED]->(b) RETURN a, p LIMIT 1",
    );
    expect(result.columns).toEqual(['a', 'p']);
    expect(result.rows[0]!.a).toBeInstanceOf(GraphNode);
    expect(result.rows[0]!.p).toBeInstanceOf(GraphPath);
    expect((result.rows[0]!.p as GraphPath).nodes[0]!.id).toBe('person:li-qiang');
    expect(result.capped).toBe(false);
  });

  it('when there are more rows than the cap, the result is cut by rows and says so', async () => {
    const result = await shared.console.run('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id', {
      prefix: 'person:',
    });
    expect(result.rows).toHaveLength(10);
    expect(result).toMatchObject({ capped: true, cappedBy: 'rows' });
    result.rows.forEach((row) => expect(String(row.id)).toMatch(/^person:/));
  });

  it('refuses every write attempt and leaves the data identical', async () => {
    const before = await fingerprint(store);
    for (const attempt of writeAttempts) {
      const error = await shared.console.run(attempt.query, attempt.params).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(
        error instanceof WriteRefusedError || error instanceof QueryError,
        `${attempt.name}: ${String(error)}`,
      ).toBe(true);
    }
    expect(await fingerprint(store)).toEqual(before);
  });

  it('when the query is not valid Cypher, it fails as a query error', async () => {
    await expect(shared.console.run('MATCH (n RETURN n')).rejects.toBeInstanceOf(QueryError);
  });

  it('when a query runs away, it is stopped at its timeout without blocking the event loop', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    await expect(shared.console.run(heavy)).rejects.toBeInstanceOf(QueryTimeoutError);
    const elapsed = performance.now() - started;
    delay.disable();
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
    // Generous: the machine's other load alone delays timers; a blocked loop would take seconds.
    expect(delay.max / 1e6).toBeLessThan(1000);
    const after = await shared.console.run('MATCH (n:Country) RETURN count(n) AS c');
    expect(after.rows[0]!.c).toBeGreaterThanOrEqual(5);
  });

  it('when a parameter cannot be passed to a worker, the query fails at once and the worker stays free', async () => {
    // Deeper than JSON.stringify can go (the API refuses such parameters before they get here).
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    await expect(shared.console.run('RETURN 1 AS x', { p: deep })).rejects.toBeInstanceOf(QueryError);
    // Not left marked busy until the timeout kills it: no worker is running a query now.
    expect(shared.pool.status().workers.busy).toBe(0);
    await expect(shared.console.run('RETURN 1 AS x')).resolves.toMatchObject({ rows: [{ x: 1 }] });
  });
});

describe('the result byte budget', () => {
  let small: ReturnType<typeof consoleOf>;
  beforeAll(() => {
    small = consoleOf({ maxBytes: 16_384, maxRows: 100_000, timeoutMs: 10_000 });
  });
  afterAll(() => small.console.close());

  it('when the rows are larger than CYPHER_MAX_BYTES, they are cut in the worker and the result says so', async () => {
    const result = await small.console.run(`UNWIND range(1, 10000) AS x RETURN x, '${'y'.repeat(100)}' AS pad`);
    expect(result).toMatchObject({ capped: true, cappedBy: 'bytes' });
    expect(result.rows.length).toBeGreaterThan(100);
    expect(Buffer.byteLength(JSON.stringify(result.rows))).toBeLessThanOrEqual(16_384);
  });

  it('when one value alone is larger than the budget, no row is sent and the result says it was cut', async () => {
    const result = await small.console.run('RETURN range(1, 1000000) AS l');
    expect(result).toMatchObject({ rows: [], capped: true, cappedBy: 'bytes' });
  });
});

describe('the memory ceiling', () => {
  let tight: ReturnType<typeof consoleOf>;
  beforeAll(() => {
    tight = consoleOf({ memoryMb: 256, timeoutMs: 20_000, workers: 1 });
  });
  afterAll(() => tight.console.close());

  it('when a query needs more memory than a worker may use, it ends with a memory error long before its timeout', async () => {
    const started = performance.now();
    await expect(tight.console.run('UNWIND range(1, 100000000) AS x RETURN x')).rejects.toBeInstanceOf(
      MemoryLimitError,
    );
    expect(performance.now() - started).toBeLessThan(15_000);
    const after = await tight.console.run('MATCH (n:Country) RETURN count(n) AS c');
    expect(after.rows[0]!.c).toBeGreaterThanOrEqual(5);
  });
  it('when the worker with its store already holds more than the ceiling, queries still run: the ceiling is on top', async ({
    onTestFinished,
  }) => {
    // A worker (Node, the engine, the store) holds more than 64 MB before any query; with a 10M store, 3.4 GB.
    const { console, pool } = consoleOf({ memoryMb: 64, workers: 1 });
    onTestFinished(() => console.close());
    // The query's timeout counts from its arrival: on a loaded machine the guard's parser and the
    // worker's store take longer than it to load, which is not what this test is about.
    await console.ready();
    await expect(console.run('MATCH (n:Country) RETURN count(n) AS c')).resolves.toMatchObject({
      rows: [{ c: expect.any(Number) }],
    });
    // And the worker stays: one that counted its store against the ceiling would end itself now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pool.status().workers).toEqual({ ready: 1, busy: 0, starting: 0 });
  });
});

describe('cancellation', () => {
  it('when the caller leaves during a running query, its worker is killed and replaced', async ({ onTestFinished }) => {
    const { console, pool } = consoleOf({ timeoutMs: 30_000, workers: 1 });
    onTestFinished(() => console.close());
    await console.ready();
    const [pid] = pool.pids();
    const caller = new AbortController();
    const running = console.run(heavy, {}, { signal: caller.signal });
    await until(() => console.status().workers.busy === 1);
    const started = performance.now();
    caller.abort();
    await expect(running).rejects.toBeInstanceOf(QueryCancelledError);
    await until(() => !isAlive(pid!), 5000);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(pool.pids()).not.toContain(pid);
    expect((await console.run('RETURN 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('when the caller leaves while its query waits, the query is dropped and never runs', async ({
    onTestFinished,
  }) => {
    const { console, pool } = consoleOf({ timeoutMs: 30_000, workers: 1 });
    onTestFinished(() => console.close());
    await console.ready();
    const blocker = new AbortController();
    const running = console.run(heavy, {}, { client: 'a', signal: blocker.signal }).catch((e: unknown) => e);
    await until(() => console.status().workers.busy === 1);
    const waiter = new AbortController();
    const waiting = console.run('RETURN 1 AS one', {}, { client: 'b', signal: waiter.signal });
    await until(() => console.status().queued === 1);
    const [pid] = pool.pids();
    waiter.abort();
    await expect(waiting).rejects.toBeInstanceOf(QueryCancelledError);
    expect(console.status().queued).toBe(0);
    // the running query was not touched
    expect(pool.pids()).toEqual([pid]);
    blocker.abort();
    await running;
  });
});

describe('refilling the pool', () => {
  it('when replacements die while starting, the pool keeps trying with a backoff, reports degraded, and serves again', async ({
    onTestFinished,
  }) => {
    const { console, pool } = consoleOf({ workers: 1, timeoutMs: 20_000 });
    onTestFinished(() => console.close());
    await console.ready();
    // kill -9 the worker, then each replacement moments after it is spawned, twice
    const killed: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      await until(() => pool.pids().length === 1 && !killed.includes(pool.pids()[0]!), 10_000);
      const pid = pool.pids()[0]!;
      if (round > 0) await new Promise((done) => setTimeout(done, 30));
      killed.push(pid);
      process.kill(pid, 'SIGKILL');
    }
    await until(() => console.status().state === 'degraded', 5000);
    expect(console.status().reason).toMatch(/failed to start/);
    await until(() => console.status().workers.ready === 1, 20_000);
    expect(console.status().state).toBe('ok');
    expect((await console.run('MATCH (n:Country) RETURN count(n) AS c')).rows[0]!.c).toBeGreaterThanOrEqual(5);
  });

  it('when close() resolves, every worker process has exited', async () => {
    const { console, pool } = consoleOf({ workers: 2 });
    await console.ready();
    const pids = pool.pids();
    expect(pids).toHaveLength(2);
    await console.close();
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('when its workers cannot open the store, ready() says so', async () => {
    const { console } = consoleOf({ workers: 1 }, join(dir, 'missing', 'graph.grafeo'));
    await expect(console.ready()).rejects.toThrow(/could not open the store/);
    await console.close();
  });
});
