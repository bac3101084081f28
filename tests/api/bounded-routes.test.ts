// The expensive reads are bounded per client and in time (issue 23, findings 3 and 4): each test
// failed before they were. A store stub stands in where the store must be slow or time out.
import request from 'supertest';
import type { GraphStore } from '../../server/store/port.ts';
import { recording } from '../store/recording-store.ts';
import type { AppOptions, AppUnderTest } from '../support/app.ts';
import { describe, expect, it } from '../support/fixtures.ts';

const ids = ['country:RUS', 'country:CHN', 'country:UKR', 'country:BLR'];
type Send = (agent: request.Agent, client?: string) => request.Test;
const from = (test: request.Test, client: string) => test.set('x-forwarded-for', client);

/** A request of each bounded kind that the curated data answers 200. */
const reads: [kind: string, send: Send][] = [
  ['subgraph', (agent, client = '10.0.0.1') => from(agent.post('/api/graph/subgraph').send({ ids }), client)],
  ['export (GET)', (agent, client = '10.0.0.1') => from(agent.get(`/api/export?format=json&ids=${ids}`), client)],
  [
    'export (POST)',
    (agent, client = '10.0.0.1') => from(agent.post('/api/export').send({ format: 'json', ids }), client),
  ],
  [
    'claims',
    (agent, client = '10.0.0.1') =>
      from(agent.get('/api/sources/source:semafor-2024-08-21-li-qiang-moscow/claims'), client),
  ],
  ['schema', (agent, client = '10.0.0.1') => from(agent.get('/api/schema'), client)],
  ['search', (agent, client = '10.0.0.1') => from(agent.get('/api/search?q=russia'), client)],
  [
    'neighborhood',
    (agent, client = '10.0.0.1') => from(agent.get('/api/graph/neighborhood?ids=country:RUS&depth=2'), client),
  ],
];
const [subgraphRead, getExport, postExport] = reads;

/** A store whose reads wait until `release()`, as a slow store's would; after it, they run. */
function heldStore(inner: GraphStore): GraphStore & { release(): void; waiting(): number } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  return {
    ...inner,
    kind: inner.kind,
    read: async (statement, params, options) => {
      waiting += 1;
      await released;
      return inner.read(statement, params, options);
    },
    release,
    waiting: () => waiting,
  };
}

/** A store whose reads fail with `error`. */
const failingStore = (inner: GraphStore, error: () => Error): GraphStore => ({
  ...inner,
  kind: inner.kind,
  read: async () => {
    throw error();
  },
});

/** Polls until `ready()` holds; the test's own timeout bounds the wait. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the ids a subgraph or an export by ids takes are capped', () => {
  it.for([subgraphRead!, getExport!, postExport!])(
    'when a %s request names more ids than MAX_VIEW_IDS, the answer is 413 naming the cap',
    async ([, send], { makeApp }) => {
      const { app } = await makeApp({ console: 'none', env: { MAX_VIEW_IDS: '3', TRUST_PROXY: '1' } });
      const res = await send(request.agent(app)).expect(413);
      expect(res.type).toBe('application/problem+json');
      expect(res.body).toMatchObject({ maxIds: 3, errors: [{ field: 'ids', message: 'at most 3 ids' }] });
      expect(res.body.detail).toContain('at most 3 per request (MAX_VIEW_IDS)');
    },
  );

  it('when a subgraph names as many distinct ids as MAX_VIEW_IDS, an id given twice counting once, it is answered', async ({
    makeApp,
  }) => {
    const { app } = await makeApp({ console: 'none', env: { MAX_VIEW_IDS: '4' } });
    await request(app)
      .post('/api/graph/subgraph')
      .send({ ids: [...ids, ids[0]] })
      .expect(200);
  });
});

describe('per-client limits', () => {
  it.for(reads)(
    'when a client already has CONCURRENT_READS_PER_CLIENT %s requests running, its next one is 429 with Retry-After',
    async ([, send], { makeApp }) => {
      const { app, store } = await heldApp(makeApp);
      const agent = request.agent(app);
      const first = send(agent).then((res) => res);
      await until(() => store.waiting() > 0);
      const refused = await send(agent).expect(429);
      expect(refused.type).toBe('application/problem+json');
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.detail).toContain('CONCURRENT_READS_PER_CLIENT');
      store.release();
      expect((await first).status).toBe(200);
    },
  );

  it.for(reads)(
    'when one client has its %s requests running, another client is still answered',
    async ([, send], { makeApp }) => {
      const { app, store } = await heldApp(makeApp);
      const agent = request.agent(app);
      const first = send(agent, '10.0.0.1').then((res) => res);
      await until(() => store.waiting() > 0);
      const other = send(agent, '10.0.0.2').then((res) => res);
      await until(() => store.waiting() > 1);
      store.release();
      expect([(await first).status, (await other).status]).toEqual([200, 200]);
    },
  );

  it.for(reads)(
    'when a client sends more %s requests than RATE_LIMIT_READS in the window, the next is 429 with Retry-After',
    async ([, send], { makeApp }) => {
      const { app } = await makeApp({ console: 'none', env: { RATE_LIMIT_READS: '2', TRUST_PROXY: '1' } });
      const agent = request.agent(app);
      await send(agent).expect(200);
      await send(agent).expect(200);
      const refused = await send(agent).expect(429);
      expect(refused.type).toBe('application/problem+json');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.detail).toContain('RATE_LIMIT_READS');
      await send(agent, '10.0.0.2').expect(200);
    },
  );
});

describe('a time budget for the store work', () => {
  // As @grafeo-db/js 0.6.0 gives it (a subgraph of 5,000 ids on the 100k/1M store).
  const engineTimeout = () =>
    Object.assign(
      new Error(
        'Query error: GRAFEO-Q003: timeout error: Query exceeded the 30s timeout\n   |\n  help: Increase the query timeout in the database configuration, or disable it',
      ),
      { code: 'GenericFailure', gqlStatus: '22000' },
    );
  const neo4jTimeout = () =>
    Object.assign(new Error('The transaction has been terminated.'), {
      code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    });

  it.for([
    ['the embedded engine', engineTimeout],
    ['Neo4j', neo4jTimeout],
  ] as const)(
    'when %s times a subgraph query out, the answer is 503 with Retry-After, not 500',
    async ([, error], { makeApp }) => {
      const base = await makeApp({ console: 'none' });
      const { app } = await makeApp({ console: 'none', deps: { store: failingStore(base.store, error) } });
      const res = await subgraphRead![1](request.agent(app)).expect(503);
      expect(res.type).toBe('application/problem+json');
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.detail).toContain('ask for fewer nodes');
    },
  );

  it.for(reads)(
    'when the store work of a %s request runs past QUERY_TIMEOUT_MS, the answer is 503 with Retry-After',
    async ([, send], { makeApp }) => {
      // The store never answers until released: the budget, not the machine's speed, decides.
      const { app, store } = await heldApp(makeApp, { QUERY_TIMEOUT_MS: '100' });
      const res = await send(request.agent(app)).expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body.detail).toContain('within 1 s');
      store.release();
    },
  );

  it("when a request ran past its budget, its client's slot stays taken until the store work ends", async ({
    makeApp,
  }) => {
    const { app, store } = await heldApp(makeApp, { QUERY_TIMEOUT_MS: '100' });
    const agent = request.agent(app);
    await subgraphRead![1](agent).expect(503);
    await subgraphRead![1](agent).expect(429);
    store.release();
    let status = 429;
    while (status === 429) status = (await subgraphRead![1](agent)).status;
    expect(status).toBe(200);
  });
});

describe('health and schema are cheap', () => {
  it.for([
    ['/api/health', 'counts'],
    ['/api/schema', 'relationship-types'],
  ] as const)(
    'when %s is asked many times at once and in a row, the store counts once',
    async ([path, query], { makeApp }) => {
      const base = await makeApp({ console: 'none' });
      const { store, reads: asked } = recording(base.store);
      const { app } = await makeApp({ console: 'none', env: { TRUST_PROXY: '1' }, deps: { store } });
      const agent = request.agent(app);
      // Each from its own client: the per-client limits are not what is tested here.
      const ask = (i: number) => agent.get(path).set('x-forwarded-for', `10.1.0.${i}`).expect(200);
      await Promise.all(Array.from({ length: 10 }, (_, i) => ask(i)));
      for (let i = 10; i < 20; i += 1) await ask(i);
      expect(asked.filter((name) => name === query)).toHaveLength(1);
    },
  );
});

type MakeApp = (options?: AppOptions) => Promise<AppUnderTest>;

/** The curated app over a held store, one slot per client and kind. */
async function heldApp(makeApp: MakeApp, env: Record<string, string> = {}) {
  const base = await makeApp({ console: 'none' });
  const store = heldStore(base.store);
  const { app } = await makeApp({
    console: 'none',
    env: { CONCURRENT_READS_PER_CLIENT: '1', TRUST_PROXY: '1', ...env },
    deps: { store },
  });
  return { app, store };
}
