import request from 'supertest';
import type { CypherResponse } from '../../common/api.ts';
import {
  ConsoleBusyError,
  MemoryLimitError,
  QueryConflictError,
  QueryError,
  QueryTimeoutError,
  QueryTooComplexError,
  WriteRefusedError,
  type ConsoleStatus,
  type CypherConsole,
} from '../../server/cypher-console/types.ts';
import { writeAttempts } from '../fixtures/write-attempts.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';
import { fingerprint } from '../support/fingerprint.ts';

const h = fileApp({ console: 'workers', limits: { timeoutMs: 1500, maxRows: 20 } });

const cypher = (body: unknown) =>
  request(h.app)
    .post('/api/cypher')
    .send(body as object);

describe('POST /api/cypher', () => {
  const visitsToRussia = async () =>
    (
      await cypher({
        query: 'MATCH (p:Person)-[v:VISITED]->(c:Country {id: $country}) RETURN p.name AS name, v, c ORDER BY name',
        params: { country: 'country:RUS' },
      }).expect(200)
    ).body as CypherResponse;

  it('when a read with parameters runs, the answer holds its columns and JSON rows', async () => {
    const body = await visitsToRussia();
    expect(body.columns).toEqual(['name', 'v', 'c']);
    expect(body.rows.map((row) => row.name)).toContain('Li Qiang');
  });

  it('when a row holds a relationship, it is a plain object with its type, ends and properties', async () => {
    const body = await visitsToRussia();
    const visit = body.rows.find((row) => row.name === 'Li Qiang')!.v as Record<string, unknown>;
    expect(visit).toMatchObject({
      type: 'VISITED',
      source: 'person:li-qiang',
      target: 'country:RUS',
      date: '2024-08-21',
    });
  });

  it('when a relationship is returned, its edge and both its ends are among the elements', async () => {
    const body = await visitsToRussia();
    // the visitor was not returned as a node, but the edge's ends are always in the elements
    const nodeIds = body.elements.nodes.map((n) => n.data.id);
    expect(nodeIds).toEqual(expect.arrayContaining(['country:RUS', 'person:li-qiang']));
    expect(body.elements.edges.map((e) => e.data.id)).toContain('rel:li-qiang-visited-rus-2024-08-21');
  });

  it('when the rows are under the cap, the answer says not capped and how long it took', async () => {
    const body = await visitsToRussia();
    expect(body.capped).toBe(false);
    expect(typeof body.elapsedMs).toBe('number');
  });

  it('when paths are returned, their relationships are among the elements', async () => {
    const paths = (
      await cypher({ query: "MATCH p = (:Entity {id: 'person:li-qiang'})-[:VISITED]->() RETURN p" }).expect(200)
    ).body as CypherResponse;
    expect(paths.rows).toHaveLength(2);
    expect(paths.elements.edges).toHaveLength(2);
  });

  it('when a query returns more rows than the cap, the rows are cut to it and the answer says capped', async () => {
    const capped = (await cypher({ query: 'UNWIND range(1, 100) AS x RETURN x' }).expect(200)).body as CypherResponse;
    expect(capped.rows).toHaveLength(20);
    expect(capped.capped).toBe(true);
  });

  it.each(writeAttempts)(
    'when a write attempt ($name) is sent, the answer is 403 (or 400 when unparsable) problem+json with a detail',
    async (attempt) => {
      const res = await cypher({ query: attempt.query, params: attempt.params });
      expect([400, 403], `${attempt.name}: ${res.status} ${res.text}`).toContain(res.status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail.length).toBeGreaterThan(5);
    },
  );

  it.each(writeAttempts)('when a write attempt ($name) is sent, the data stays as it was', async (attempt) => {
    const before = await fingerprint(h.store);
    await cypher({ query: attempt.query, params: attempt.params });
    expect(await fingerprint(h.store)).toEqual(before);
  });

  it('when a CREATE is sent, the problem is titled Write refused', async () => {
    const create = await cypher({ query: "CREATE (:Entity {id: 'evil'})" }).expect(403);
    expect(create.body.title).toBe('Write refused');
  });

  describe('a runaway query', () => {
    const runaway = () => cypher({ query: 'MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c' }).then((res) => res);

    it('when it runs past the timeout, it is stopped with 408 within 5 s', async () => {
      const started = Date.now();
      const res = await runaway();
      expect(res.status).toBe(408);
      expect(res.body.title).toBe('Query timed out');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('when it runs, health keeps answering: the event loop never waits on the store', async () => {
      const running = runaway();
      const healthDuringRunaway: number[] = [];
      let finished = false;
      void running.then(() => (finished = true));
      while (!finished) {
        healthDuringRunaway.push((await request(h.app).get('/api/health')).status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(healthDuringRunaway.length).toBeGreaterThanOrEqual(5);
      expect(new Set(healthDuringRunaway)).toEqual(new Set([200]));
    });

    it('when it has been stopped, the next query runs', async () => {
      await runaway();
      const after = (await cypher({ query: 'MATCH (n:Country) RETURN count(n) AS c' }).expect(200))
        .body as CypherResponse;
      expect(after.rows[0]!.c).toBeGreaterThan(0);
    });
  });

  it('when a query uses a construct the embedded engine answers differently, the result warns of it', async () => {
    const res = await cypher({ query: 'RETURN 2 ^ 3 ^ 2 AS r' }).expect(200);
    expect(res.body.warnings).toEqual([expect.stringContaining('from the right')]);
  });

  it('when a query avoids such constructs, the result has no warnings', async () => {
    const plain = await cypher({ query: 'RETURN (2 ^ 3) ^ 2 AS r' }).expect(200);
    expect(plain.body.warnings).toBeUndefined();
  });

  it('when the Cypher is invalid, the answer is 400 naming the query', async () => {
    const syntax = await cypher({ query: 'MATCH (n RETURN n' }).expect(400);
    expect(syntax.body.errors[0].field).toBe('query');
  });

  it.each([
    [{}, 'query'],
    [{ query: '' }, 'query'],
    [{ query: 42 }, 'query'],
    [{ query: 'RETURN 1', params: [] }, 'params'],
    [{ query: 'RETURN 1', extra: 1 }, 'extra'],
  ])('when the body is %j, the answer is 400 naming %s', async (body, field) => {
    const res = await cypher(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

const ok: ConsoleStatus = { state: 'ok', workers: { ready: 1, busy: 0, starting: 0 }, queued: 0 };
const failingWith = (error: Error, status = ok): CypherConsole => ({
  run: () => Promise.reject(error),
  status: () => status,
  ready: async () => {},
  close: async () => {},
});

describe('console errors map to statuses', () => {
  it.for([
    [new WriteRefusedError('no writes'), 403],
    [new QueryTimeoutError('too slow'), 408],
    [new QueryError('bad'), 400],
    [new QueryTooComplexError('too complex to check'), 400],
    [new QueryConflictError('rolled back'), 409],
    [new MemoryLimitError('too much memory'), 422],
    [new ConsoleBusyError('queue full', 5), 503],
  ] as const)(
    'when the console fails with %s, the answer is %i with its message and no stack',
    async ([error, status], { makeApp }) => {
      const failing = failingWith(error);
      const app = await makeApp({ console: failing });
      const res = await request(app.app).post('/api/cypher').send({ query: 'RETURN 1' }).expect(status);
      expect(res.body.detail).toBe(error.message);
      expect(res.text).not.toContain('at ');
    },
  );

  it('when the console is busy, the 503 says when to try again', async ({ makeApp }) => {
    const app = await makeApp({ console: failingWith(new ConsoleBusyError('queue full', 7)) });
    const res = await request(app.app).post('/api/cypher').send({ query: 'RETURN 1' }).expect(503);
    expect(res.headers['retry-after']).toBe('7');
  });

  it('when the console cannot run queries, /api/health says degraded and why', async ({ makeApp }) => {
    const degraded: ConsoleStatus = {
      state: 'degraded',
      workers: { ready: 0, busy: 0, starting: 1 },
      queued: 0,
      reason: 'no Cypher worker is running',
    };
    const app = await makeApp({ console: failingWith(new QueryError('x'), degraded) });
    const res = await request(app.app).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'degraded', console: degraded });
  });

  it('when no console is configured, answers 503', async ({ makeApp }) => {
    const app = await makeApp({ console: 'none' });
    await request(app.app).post('/api/cypher').send({ query: 'RETURN 1' }).expect(503);
  });
});
