// The read-only check on worker threads: a parse that runs past its budget is refused and its
// thread replaced, and one client's slow parses hold up other clients' checks for at most the
// bound guard-pool.ts states. The first part runs Neo4j's parser on real threads; the second,
// the pool's turns and refusals on threads of the test's, decided by the order of events.
import { EventEmitter } from 'node:events';
import { GuardPool, type GuardThreadHandle } from '../../server/cypher-console/guard-pool.ts';
import type { GuardReply, GuardRequest } from '../../server/cypher-console/guard-thread.ts';
import { QueryCancelledError, QueryTimeoutError, QueryTooComplexError } from '../../server/cypher-console/types.ts';
import { afterAll, beforeAll, describe, expect, it, test } from '../support/fixtures.ts';

/** Takes Neo4j's parser seconds to read (measured: 260 characters, 1.2 s; 510, 5.7 s; 1,010, 29 s). */
const pathological = `RETURN ${'(a)--'.repeat(400)}(b) AS p`;

describe('the guard pool', () => {
  const budgetMs = 1000;
  const pool = new GuardPool({ threads: 1, budgetMs });
  const check = (query: string, client = 'a', timeoutMs = 10_000, signal?: AbortSignal) =>
    pool.check(query, { client, deadline: performance.now() + timeoutMs, signal });

  beforeAll(() => pool.ready());
  afterAll(() => pool.close());

  it('when a parse runs past its budget, the query is refused as too complex at the budget', async () => {
    const started = performance.now();
    await expect(check(pathological)).rejects.toBeInstanceOf(QueryTooComplexError);
    // Well under the parse's own seconds; the margin is for a loaded machine, not the guard.
    expect(performance.now() - started).toBeLessThan(budgetMs + 3000);
  });

  it("when one client's parse is stuck, another client's query is checked once the budget has passed", async () => {
    const stuck = check(`${pathological.replace('(b)', '(b)--(c)')} // stuck`, 'evil').catch((e: unknown) => e);
    await new Promise((done) => setTimeout(done, 50));
    const started = performance.now();
    expect(await check('MATCH (n:Country) RETURN n.name AS name', 'analyst')).toEqual({ ok: true });
    // The budget, then a fresh thread loads the parser (a second or two; more on a loaded
    // machine): far from the minutes the stuck parse would take.
    expect(performance.now() - started).toBeLessThan(budgetMs + 15_000);
    expect(await stuck).toBeInstanceOf(QueryTooComplexError);
  });

  it('when the time from arrival runs out first, the check fails as a timeout', async () => {
    await expect(check(`${pathological.replace('(b)', '(b)<--(c)')} // short`, 'a', 300)).rejects.toBeInstanceOf(
      QueryTimeoutError,
    );
  });

  it('when a query was checked before, its verdict comes back without a parse', async () => {
    const query = 'MATCH (n) WHERE n.id = $id RETURN n';
    await check(query);
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) await check(query);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('when a query writes, the verdict says what it refused', async () => {
    expect(await check("CALL `apoc`.`load`.`json`('http://x') YIELD value RETURN value")).toMatchObject({
      ok: false,
      kind: 'write',
      reason: expect.stringContaining('apoc.load.json'),
    });
  });
});

/** A thread of the test's: ready at once; passes every query at once but those containing
 *  "stuck", which it never finishes, and "hungry", on which it runs out of memory. */
class FakeThread extends EventEmitter implements GuardThreadHandle {
  static started = 0;
  /** Threads started while this is set say they are ready only when `startHeld` is called. */
  static holdStarts = false;
  private static held: FakeThread[] = [];

  constructor(private readonly log: string[]) {
    super();
    FakeThread.started += 1;
    if (FakeThread.holdStarts) FakeThread.held.push(this);
    else queueMicrotask(() => this.announce());
  }

  static startHeld(): void {
    FakeThread.holdStarts = false;
    for (const thread of FakeThread.held.splice(0)) thread.announce();
  }

  private announce(): void {
    this.emit('message', { ready: true } satisfies GuardReply);
  }

  postMessage({ id, query }: GuardRequest): void {
    this.log.push(`start ${query}`);
    if (query.includes('hungry')) {
      const error = Object.assign(new Error('out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
      queueMicrotask(() => this.emit('error', error) && this.emit('exit'));
    } else if (!query.includes('stuck')) queueMicrotask(() => this.emit('message', { id, verdict: { ok: true } }));
  }

  async terminate(): Promise<number> {
    this.log.push('terminate');
    queueMicrotask(() => this.emit('exit'));
    return 1;
  }
}

interface Turns {
  /** What the threads were given and when they were terminated, in order. */
  log: string[];
  clock: { now: number };
  pool: (threads: number, budgetMs?: number) => GuardPool;
  /** Checks a query for a client; records "done <query>" (or "failed <query>: <error>") in the log. */
  send: (pool: GuardPool, client: string, query: string, timeoutMs?: number) => Promise<unknown>;
}

const turns = test.extend<Turns>({
  log: async ({}, use) => use([]),
  clock: async ({}, use) => use({ now: 0 }),
  pool: async ({ log, clock }, use) => {
    const pools: GuardPool[] = [];
    await use((threads, budgetMs = 20) => {
      const pool = new GuardPool({
        threads,
        budgetMs,
        penaltyMs: 60_000,
        startThread: () => new FakeThread(log),
        now: () => clock.now,
      });
      pools.push(pool);
      return pool;
    });
    await Promise.all(pools.map((pool) => pool.close()));
  },
  send: async ({ log, clock }, use) =>
    use((pool, client, query, timeoutMs = 60_000) =>
      pool.check(query, { client, deadline: clock.now + timeoutMs }).then(
        () => log.push(`done ${query}`),
        (error: Error) => log.push(`failed ${query}: ${error.name}`),
      ),
    ),
});

/** Queries a thread of the test's never finishes, each of another shape (so none is refused for
 *  being like one that overran before it). */
const stuck = ['', 'stuck MATCH', 'stuck WITH', 'stuck UNWIND', 'stuck CALL'] as const;

/** Lets the pool's threads answer: every reply of a thread of the test's is a microtask. */
const settle = () => new Promise((done) => setImmediate(done));

describe('the guard pool shared out between clients', () => {
  turns(
    'when a client that overran has checks waiting, another client is served before them',
    async ({ pool, send, log }) => {
      const guard = pool(1);
      await guard.ready();
      await send(guard, 'evil', stuck[1]);
      const waiting = [send(guard, 'evil', stuck[2]), send(guard, 'evil', stuck[3])];
      await settle();
      const analyst = send(guard, 'analyst', 'RETURN 1');
      await Promise.all([...waiting, analyst]);
      expect(log.filter((line) => line.startsWith('start'))).toEqual([
        `start ${stuck[1]}`,
        `start ${stuck[2]}`,
        'start RETURN 1',
        `start ${stuck[3]}`,
      ]);
    },
  );

  turns('when there are two threads, one client holds at most one of them', async ({ pool, send, log }) => {
    const guard = pool(2, 60_000);
    await guard.ready();
    const pending = [send(guard, 'evil', stuck[1]), send(guard, 'evil', stuck[2])];
    await send(guard, 'analyst', 'RETURN 1');
    expect(log).toEqual([`start ${stuck[1]}`, 'start RETURN 1', 'done RETURN 1']);
    await guard.close();
    await Promise.all(pending);
  });

  turns(
    'when there are two threads, clients that overran hold at most one between them',
    async ({ pool, send, log }) => {
      const guard = pool(2);
      await guard.ready();
      await Promise.all([send(guard, 'evil 1', stuck[1]), send(guard, 'evil 2', stuck[2])]);
      log.length = 0;
      const pending = [send(guard, 'evil 1', stuck[3]), send(guard, 'evil 2', stuck[4])];
      await send(guard, 'analyst', 'RETURN 1');
      expect(log.slice(0, 3)).toEqual([`start ${stuck[3]}`, 'start RETURN 1', 'done RETURN 1']);
      await Promise.all(pending);
    },
  );

  turns(
    'when a thread is being replaced, clients that overran do not take the one left for others',
    async ({ pool, send, log }) => {
      const guard = pool(2);
      await guard.ready();
      await Promise.all([send(guard, 'evil 1', stuck[1]), send(guard, 'evil 2', stuck[2])]);
      // evil 2's next check overruns; its thread's successor has not started when evil 1's arrives.
      FakeThread.holdStarts = true;
      await send(guard, 'evil 2', stuck[3]);
      log.length = 0;
      const waiting = send(guard, 'evil 1', stuck[4]);
      await send(guard, 'analyst', 'RETURN 1');
      FakeThread.startHeld();
      await waiting;
      expect(log.slice(0, 3)).toEqual(['start RETURN 1', 'done RETURN 1', `start ${stuck[4]}`]);
    },
  );

  turns(
    'when the penalty has passed, a client that overran is served in turn again',
    async ({ pool, send, log, clock }) => {
      const guard = pool(1);
      await guard.ready();
      await send(guard, 'evil', stuck[1]);
      clock.now += 60_000;
      const busy = send(guard, 'other', stuck[2]);
      await settle();
      const waiting = [send(guard, 'evil', stuck[3]), send(guard, 'analyst', 'RETURN 1')];
      await Promise.all([busy, ...waiting]);
      expect(log.filter((line) => line.startsWith('start')).slice(1)).toEqual([
        `start ${stuck[2]}`,
        `start ${stuck[3]}`,
        'start RETURN 1',
      ]);
    },
  );

  turns.for([
    ['the same query', true, 'stuck RETURN (a)--(a)--(a)--(a) AS p'],
    ['the same shape, longer', true, 'stuck RETURN (b)--(b)--(b)--(b)--(b)--(b) AS p'],
    ['the same shape, shorter', false, 'stuck RETURN (a)--(a)--(a) AS p'],
  ] as const)(
    'when %s is sent after a query overran, it is refused at once, without a thread: %s',
    async ([, refused, query], { pool, send, log }) => {
      const guard = pool(1);
      await guard.ready();
      await send(guard, 'a', 'stuck RETURN (a)--(a)--(a)--(a) AS p');
      log.length = 0;
      await send(guard, 'b', query);
      expect(log[0]).toBe(refused ? `failed ${query}: QueryTooComplexError` : `start ${query}`);
    },
  );

  turns(
    'when no check has had to wait, one thread is started; when one waits, the others start',
    async ({ pool, send }) => {
      const guard = pool(3, 60_000);
      await guard.ready();
      const before = FakeThread.started;
      for (const query of ['RETURN 1', 'RETURN 2', 'RETURN 3']) await send(guard, 'analyst', query);
      const quiet = FakeThread.started - before;
      const pending = [send(guard, 'evil', stuck[1]), send(guard, 'analyst', 'RETURN 4')];
      await pending[1];
      expect([quiet, FakeThread.started - before]).toEqual([0, 2]);
      await guard.close();
      await Promise.all(pending);
    },
  );

  turns('when one over-budget query is sent again and again, its thread is replaced once', async ({ pool, send }) => {
    const guard = pool(1);
    await guard.ready();
    const before = FakeThread.started;
    for (const client of ['a', 'b', 'c', 'd', 'e']) await send(guard, client, stuck[1]);
    expect(FakeThread.started - before).toBe(1);
  });

  turns(
    'when a parse runs out of memory, the query is refused as too complex, and so is the next like it',
    async ({ pool, send, log }) => {
      const guard = pool(1);
      await guard.ready();
      await send(guard, 'a', 'hungry RETURN 1');
      await send(guard, 'b', 'hungry RETURN 2');
      expect(log.filter((line) => !line.startsWith('terminate'))).toEqual([
        'start hungry RETURN 1',
        'failed hungry RETURN 1: QueryTooComplexError',
        'failed hungry RETURN 2: QueryTooComplexError',
      ]);
    },
  );

  turns(
    'when a check waits past its deadline, it fails as a timeout while the thread is still busy',
    async ({ pool, send, log }) => {
      const guard = pool(1, 60_000);
      await guard.ready();
      const pending = send(guard, 'evil', stuck[1]);
      // The wait's deadline is a real timer of 1 ms; the stuck check's budget is 60 s.
      await send(guard, 'analyst', 'RETURN 1', 1);
      expect(log).toEqual([`start ${stuck[1]}`, 'failed RETURN 1: QueryTimeoutError']);
      await guard.close();
      await pending;
    },
  );

  turns('when the caller leaves while its check waits, the check is dropped', async ({ pool, log, clock }) => {
    const guard = pool(1, 60_000);
    await guard.ready();
    const pending = guard.check(stuck[1], { client: 'a', deadline: clock.now + 60_000 }).catch(() => undefined);
    const caller = new AbortController();
    const waiting = guard.check('RETURN 1', { client: 'b', deadline: clock.now + 60_000, signal: caller.signal });
    caller.abort();
    await expect(waiting).rejects.toBeInstanceOf(QueryCancelledError);
    await guard.close();
    await pending;
    expect(log.filter((line) => line.startsWith('start'))).toEqual([`start ${stuck[1]}`]);
  });
});
