// Ad-hoc Cypher as an outsider would abuse it, through HTTP on the embedded store set up as in
// production (a read-only file, queries in worker processes): each case is one of the findings of
// issue 10, and its test failed before the console was bounded.
import request from 'supertest';
import type { CypherResponse, GraphJson } from '../../common/api.ts';
import { limits } from '../../server/api/schemas.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp({ console: 'workers', limits: { timeoutMs: 3000, workers: 1 } });
const cypher = (body: object, app = h.app) => request(app).post('/api/cypher').send(body);

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

describe('parameters are bounded at the edge', () => {
  it('when a parameter nests 20,000 deep, the answer is 400 naming the limit and the console is not held up', async () => {
    // Written out by hand: JSON.stringify itself cannot go this deep.
    const body = `{"query":"RETURN 1 AS x","params":{"p":${'['.repeat(20_000)}1${']'.repeat(20_000)}}}`;
    const res = await request(h.app).post('/api/cypher').type('json').send(body).expect(400);
    expect(res.body.errors).toEqual([{ field: 'params', message: expect.stringContaining(`${limits.paramDepth}`) }]);
    // Nothing was left running or waiting for it: the console is free at once.
    const health = await request(h.app).get('/api/health').expect(200);
    expect(health.body.console).toMatchObject({ state: 'ok', workers: { busy: 0 }, queued: 0 });
    await cypher({ query: 'RETURN 1 AS x' }).expect(200);
  });

  it('when the parameters are larger than the limit, the answer is 400 naming it', async () => {
    const res = await cypher({ query: 'RETURN $p AS p', params: { p: 'x'.repeat(limits.paramBytes) } }).expect(400);
    expect(res.body.errors[0]).toEqual({ field: 'params', message: expect.stringContaining(`${limits.paramBytes}`) });
  });

  it('when parameters nest within the limit, the query gets them', async () => {
    const res = await cypher({ query: 'RETURN $p AS p', params: { p: nested(limits.paramDepth - 1) } }).expect(200);
    expect(JSON.stringify(res.body.rows[0].p)).toBe(JSON.stringify(nested(limits.paramDepth - 1)));
  });
});

describe('results are bounded in bytes', () => {
  const small = fileApp({ console: 'workers', env: { CYPHER_MAX_BYTES: '65536' }, limits: { maxRows: 100_000 } });

  it('when a result is larger than CYPHER_MAX_BYTES, it is cut and the response says so', async () => {
    const res = await cypher({ query: "UNWIND range(1, 100000) AS x RETURN x, 'padding' AS p" }, small.app).expect(200);
    const body = res.body as CypherResponse;
    expect(body).toMatchObject({ capped: true, cappedBy: 'bytes' });
    expect(body.rows.length).toBeGreaterThan(100);
    expect(Buffer.byteLength(JSON.stringify(body.rows))).toBeLessThanOrEqual(65_536);
  });

  it('when one list alone is larger than the budget, no row is sent and the response says it was cut', async () => {
    const res = await cypher({ query: 'RETURN range(1, 1000000) AS l' }, small.app).expect(200);
    expect(res.body).toMatchObject({ rows: [], capped: true, cappedBy: 'bytes' });
    expect(res.text.length).toBeLessThan(1000);
  });
});

describe('a worker has a memory ceiling', () => {
  const tight = fileApp({ console: 'workers', env: { CYPHER_WORKER_MEMORY_MB: '256' }, limits: { timeoutMs: 30_000 } });

  it('when a query needs more memory than a worker may use, the answer is 422 well before the timeout', async () => {
    const started = performance.now();
    const res = await cypher({ query: 'UNWIND range(1, 100000000) AS x RETURN x' }, tight.app).expect(422);
    expect(res.body.detail).toMatch(/CYPHER_WORKER_MEMORY_MB/);
    expect(performance.now() - started).toBeLessThan(20_000);
    await cypher({ query: 'RETURN 1 AS x' }, tight.app).expect(200);
  });
});

describe('queue places are shared out per client', () => {
  const one = fileApp({ console: 'workers', env: { CYPHER_QUEUE_PER_CLIENT: '1' }, limits: { timeoutMs: 3000 } });

  it("when a client's share is in use, its next query gets 503 with Retry-After", async () => {
    const heavy = cypher({ query: 'MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c' }, one.app).then((r) => r);
    await new Promise((done) => setTimeout(done, 300));
    const res = await cypher({ query: 'RETURN 1 AS x' }, one.app).expect(503);
    expect(res.body.detail).toMatch(/CYPHER_QUEUE_PER_CLIENT/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await heavy).status).toBe(408);
  });
});

describe('abandoned queries are cancelled', () => {
  const shared = fileApp({ console: 'workers', env: { TRUST_PROXY: '1' }, limits: { timeoutMs: 3000, workers: 1 } });

  it('when six clients close their heavy queries after 0.3 s, a seventh client is answered within the timeout plus 1 s', async ({
    serve,
  }) => {
    const server = await serve(shared.app);
    const post = (client: string, query: string, signal?: AbortSignal) =>
      fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ query }),
        signal,
      });
    const abandoned = Array.from({ length: 6 }, (_, i) =>
      post(`10.0.0.${i + 1}`, 'MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c', AbortSignal.timeout(300)).catch(
        () => 'closed',
      ),
    );
    await new Promise((done) => setTimeout(done, 400));
    const started = performance.now();
    const res = await post('10.0.1.1', 'MATCH (n:Country) RETURN count(n) AS c');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3000 + 1000);
    expect(await Promise.all(abandoned)).toEqual(Array(6).fill('closed'));
  });
});

describe('a map cannot pass for a graph element', () => {
  it.each([
    [
      'a node',
      "{_id: 0, _labels: ['Country'], id: 'country:RUS', name: 'fake'}",
      { _id: 0, _labels: ['Country'], id: 'country:RUS', name: 'fake' },
    ],
    [
      'a relationship',
      "{_id: 0, _type: 'VISITED', _source: 0, _target: 1, id: 'rel:fake'}",
      { _id: 0, _type: 'VISITED', _source: 0, _target: 1, id: 'rel:fake' },
    ],
    ['a path of ids', '{nodes: [0, 0], edges: [0]}', { nodes: [0, 0], edges: [0] }],
  ])('when a query returns a map shaped like %s, it comes back as that map', async (_kind, map, expected) => {
    const res = await cypher({ query: `RETURN ${map} AS m` }).expect(200);
    const body = res.body as CypherResponse;
    expect(body.rows).toEqual([{ m: expected }]);
    expect(body.elements).toEqual({ nodes: [], edges: [] });
  });

  it('when a query exports such a map, the export holds no node', async () => {
    const res = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', query: "RETURN {_id: 0, _labels: ['Country'], id: 'country:RUS', name: 'fake'} AS n" })
      .expect(200);
    expect((JSON.parse(res.text) as GraphJson).nodes).toEqual([]);
  });

  it('when a query returns a real node, it is still a node', async () => {
    const res = await cypher({ query: "MATCH (n:Entity {id: 'country:RUS'}) RETURN n" }).expect(200);
    expect((res.body as CypherResponse).elements.nodes.map((n) => n.data.id)).toEqual(['country:RUS']);
  });
});

describe('values come back as the engine means them', () => {
  it('when a query returns a local date-time, it has no time zone', async () => {
    const res = await cypher({ query: "RETURN localdatetime('1984-10-11T12:31:14') AS t" }).expect(200);
    expect(res.body.rows[0].t).toBe('1984-10-11T12:31:14');
  });
});

describe("engine errors that are the query's fault are 4xx", () => {
  const writable = fileApp({ env: { ALLOW_WRITES: 'true' } });

  it('when a write deletes a node that still has relationships, the answer is 400 and nothing changes', async () => {
    const before = await fingerprint(writable.store);
    const res = await cypher({ query: "MATCH (n:Entity {id: 'country:RUS'}) DELETE n" }, writable.app).expect(400);
    expect(res.body.detail).toMatch(/connected|relationship|edge/i);
    expect(await fingerprint(writable.store)).toEqual(before);
  });
});
