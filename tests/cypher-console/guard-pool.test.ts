// The read-only check on worker threads: a parse that runs past its budget is refused and its
// thread replaced, without holding up other clients for longer than that budget.
import { GuardPool } from '../../server/cypher-console/guard-pool.ts';
import { QueryCancelledError, QueryTimeoutError, QueryTooComplexError } from '../../server/cypher-console/types.ts';
import { afterAll, beforeAll, describe, expect, it } from '../support/fixtures.ts';

/** Takes Neo4j's parser seconds to read (measured: 260 characters, 1.2 s; 510, 5.7 s; 1,010, 29 s). */
const pathological = `RETURN ${'(a)--'.repeat(400)}(b) AS p`;
const budgetMs = 1000;
const pool = new GuardPool({ threads: 1, budgetMs });
const check = (query: string, client = 'a', timeoutMs = 10_000, signal?: AbortSignal) =>
  pool.check(query, { client, deadline: performance.now() + timeoutMs, signal });

beforeAll(() => pool.ready());
afterAll(() => pool.close());

describe('the guard pool', () => {
  it('when a parse runs past its budget, the query is refused as too complex at the budget', async () => {
    const started = performance.now();
    await expect(check(pathological)).rejects.toBeInstanceOf(QueryTooComplexError);
    // Well under the parse's own seconds; the margin is for a loaded machine, not the guard.
    expect(performance.now() - started).toBeLessThan(budgetMs + 3000);
  });

  it("when one client's parse is stuck, another client's query is checked once the budget has passed", async () => {
    const stuck = check(`${pathological} // stuck`, 'evil').catch((e: unknown) => e);
    await new Promise((done) => setTimeout(done, 50));
    const started = performance.now();
    expect(await check('MATCH (n:Country) RETURN n.name AS name', 'analyst')).toEqual({ ok: true });
    // The budget, then a fresh thread loads the parser (a second or two; more on a loaded
    // machine): far from the minutes the stuck parse would take.
    expect(performance.now() - started).toBeLessThan(budgetMs + 15_000);
    expect(await stuck).toBeInstanceOf(QueryTooComplexError);
  });

  it('when the time from arrival runs out first, the check fails as a timeout', async () => {
    await expect(check(`${pathological} // short`, 'a', 300)).rejects.toBeInstanceOf(QueryTimeoutError);
  });

  it('when a query was checked before, its verdict comes back without a parse', async () => {
    const query = 'MATCH (n) WHERE n.id = $id RETURN n';
    await check(query);
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) await check(query);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('when the caller leaves while its check waits, the check is dropped', async () => {
    const caller = new AbortController();
    const busy = check(`${pathological} // busy`).catch(() => undefined);
    const waiting = check('RETURN 1 AS x', 'b', 10_000, caller.signal);
    caller.abort();
    await expect(waiting).rejects.toBeInstanceOf(QueryCancelledError);
    await busy;
  });

  it('when a query writes, the verdict says what it refused', async () => {
    expect(await check("CALL `apoc`.`load`.`json`('http://x') YIELD value RETURN value")).toMatchObject({
      ok: false,
      kind: 'write',
      reason: expect.stringContaining('apoc.load.json'),
    });
  });
});
