// Access: the API token, CORS, the Cypher rate limit, the security headers and CSP, and the
// built client served beside the API.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { AppOptions, AppUnderTest } from '../support/app.ts';
import { afterAll, describe, expect, fileApp, it } from '../support/fixtures.ts';

const token = 'test-token-0123456789abcdef';

/** One request for every operation in the OpenAPI document, with valid parameters. */
const operations: [method: 'get' | 'post', path: string, body?: object][] = [
  ['get', '/api/health'],
  ['get', '/api/schema'],
  ['get', '/api/openapi.json'],
  ['get', '/api/search?q=putin'],
  ['get', '/api/nodes/country:RUS'],
  ['get', '/api/graph/neighborhood?ids=country:RUS'],
  ['get', '/api/graph/paths?from=country:RUS&to=country:CHN'],
  ['post', '/api/graph/subgraph', { ids: ['country:RUS', 'country:CHN'] }],
  ['get', '/api/graph/between?a=country:RUS&b=country:CHN'],
  ['get', '/api/sources/source:cnn-2024-08-21-putin-li-qiang-moscow'],
  ['get', '/api/sources/source:cnn-2024-08-21-putin-li-qiang-moscow/claims'],
  ['post', '/api/cypher', { query: 'MATCH (n:Country) RETURN count(n) AS c' }],
  ['post', '/api/export', { format: 'json', ids: ['country:RUS'] }],
  ['get', '/api/export?format=json&ids=country:RUS'],
];

/** Authorization headers that are not the token. */
const wrongTokens: [kind: string, header: string][] = [
  ['a character added', `Bearer ${token}x`],
  ['a character missing', `Bearer ${token.slice(0, -1)}`],
  ['Basic credentials', `Basic ${Buffer.from(`u:${token}`).toString('base64')}`],
  ['no scheme', token],
  ['a scheme and no token', 'Bearer'],
  ['an empty header', ''],
];

describe('API token', () => {
  const h = fileApp({ env: { API_TOKEN: token } });
  const call = (method: 'get' | 'post', path: string, body?: object, auth?: string) => {
    const r = method === 'get' ? request(h.app).get(path) : request(h.app).post(path).send(body!);
    return auth === undefined ? r : r.set('Authorization', auth);
  };

  it('when the OpenAPI document lists its operations, each one is tested here', async () => {
    const doc = (await request(h.app).get('/api/openapi.json').set('Authorization', `Bearer ${token}`).expect(200))
      .body;
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    const tested = operations.map(
      ([method, path]) => `${method} ${path.split('?')[0]!.replace(/\/(nodes|sources)\/[^/]+/, '/$1/{id}')}`,
    );
    expect([...new Set(tested)].sort()).toEqual(documented.sort());
  });

  it.each(operations)(
    'when %s %s comes without a token, the answer is 401 problem+json',
    async (method, path, body) => {
      const missing = await call(method, path, body);
      expect(missing.status).toBe(401);
      expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect(missing.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    },
  );

  it.each(
    operations.flatMap(([method, path, body]) =>
      wrongTokens.map(([kind, header]) => ({ method, path, body, kind, header })),
    ),
  )('when $method $path comes with $kind, the answer is 401', async ({ method, path, body, header }) => {
    expect((await call(method, path, body, header)).status, header).toBe(401);
  });

  it.each(operations)('when %s %s comes with the token, the answer is 200', async (method, path, body) => {
    const ok = await call(method, path, body, `Bearer ${token}`);
    expect(ok.status, ok.text).toBe(200);
  });

  it.each(operations)(
    'when %s %s comes with the token after a lower-case scheme and two spaces, the answer is 200',
    async (method, path, body) => {
      expect((await call(method, path, body, `bearer  ${token}`)).status).toBe(200);
    },
  );

  it('when an unknown API path comes without a token, the answer is 401 (no probing for routes)', async () => {
    await request(h.app).get('/api/nothing-here').expect(401);
  });

  it('when a wrong token is refused, the problem says invalid_token and never echoes the token', async () => {
    const res = await request(h.app).get('/api/health').set('Authorization', `Bearer ${token}-wrong`).expect(401);
    expect(res.text).not.toContain(token);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('when an unauthenticated request has a broken body, the answer is 401, not a parse error', async () => {
    await request(h.app).post('/api/cypher').set('Content-Type', 'application/json').send('{"query": ').expect(401);
  });
});

describe('no token configured', () => {
  const h = fileApp();

  it('when a request has no credentials, the API serves it', async () => {
    await request(h.app).get('/api/health').expect(200);
  });
});

describe('CORS by default', () => {
  const h = fileApp();

  it('when a same-origin request comes, no CORS header is sent', async () => {
    const same = await request(h.app)
      .get('/api/health')
      .set('Origin', 'http://127.0.0.1:3000')
      .set('Sec-Fetch-Site', 'same-origin')
      .expect(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when a request names another origin without fetch metadata, it is served with no CORS header', async () => {
    const noHeaders = await request(h.app).get('/api/health').set('Origin', 'https://evil.example').expect(200);
    expect(noHeaders.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each(['cross-site', 'same-site'])(
    'when a %s browser request posts a query, the answer is 403 Origin not allowed',
    async (site) => {
      const res = await request(h.app)
        .post('/api/cypher')
        .set('Origin', 'https://evil.example')
        .set('Sec-Fetch-Site', site)
        .set('Content-Type', 'text/plain')
        .send('{"query":"MATCH (n) RETURN n"}')
        .expect(403);
      expect(res.body.title).toBe('Origin not allowed');
    },
  );

  it('when another origin sends a preflight, it is not allowed', async () => {
    const preflight = await request(h.app)
      .options('/api/cypher')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS with configured origins', () => {
  const h = fileApp({ env: { CORS_ORIGIN: 'https://analyst.example.org,http://localhost:5173', API_TOKEN: token } });

  it('when a configured origin sends a preflight with Authorization, it is allowed, varying by origin', async () => {
    const preflight = await request(h.app)
      .options('/api/cypher')
      .set('Origin', 'https://analyst.example.org')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, authorization')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://analyst.example.org');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    expect(preflight.headers['vary']).toMatch(/origin/i);
  });

  it('when a configured origin sends a request with the token, it is allowed and sees the exposed headers', async () => {
    const get = await request(h.app)
      .get('/api/health')
      .set('Origin', 'http://localhost:5173')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(get.headers['access-control-expose-headers']).toMatch(/X-Rows-Capped/);
  });

  it('when a configured origin sends a request without the token, the answer is 401 (CORS does not replace it)', async () => {
    await request(h.app).get('/api/health').set('Origin', 'http://localhost:5173').expect(401);
  });

  it.each([
    'https://analyst.example.org.evil.example',
    'http://analyst.example.org',
    'https://analyst.example.org:444',
  ])('when the near miss %s sends a cross-site request, the answer is 403 with no CORS header', async (origin) => {
    const res = await request(h.app)
      .get('/api/health')
      .set('Origin', origin)
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Authorization', `Bearer ${token}`);
    expect(res.status, origin).toBe(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limit on ad-hoc Cypher', () => {
  const query = { query: 'RETURN 1 AS one' };
  const queryExport = { format: 'json', query: 'MATCH (n:Country) RETURN n' };
  /** An app allowing 3 ad-hoc queries a minute, 2 queries and 1 query export used; the export's answer. */
  const usedUp = async (makeApp: (options: AppOptions) => Promise<AppUnderTest>) => {
    const h = await makeApp({ env: { RATE_LIMIT_CYPHER: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
    await request(h.app).post('/api/cypher').send(query).expect(200);
    await request(h.app).post('/api/cypher').send(query).expect(200);
    const third = await request(h.app).post('/api/export').send(queryExport).expect(200);
    return { h, third };
  };

  it('when a query export is the last request the limit allows, it counts: none remain', async ({ makeApp }) => {
    const { third } = await usedUp(makeApp);
    expect(third.headers['ratelimit']).toMatch(/r=0/);
  });

  it('when a query comes past the limit, the answer is 429 problem+json saying the limit and when to retry', async ({
    makeApp,
  }) => {
    const { h } = await usedUp(makeApp);
    const limited = await request(h.app).post('/api/cypher').send(query).expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(limited.body.detail).toMatch(/at most 3 per 60 s/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('when a query export comes past the limit, the answer is 429', async ({ makeApp }) => {
    const { h } = await usedUp(makeApp);
    await request(h.app).post('/api/export').send({ format: 'json', query: 'RETURN 1' }).expect(429);
  });

  it.for([
    ['an export of ids', 'post', '/api/export', { format: 'json', ids: ['country:RUS'] }],
    ['a search', 'get', '/api/search?q=putin', undefined],
    ['a health check', 'get', '/api/health', undefined],
  ] as const)(
    'when %s comes past the limit, it is served (not ad-hoc Cypher)',
    async ([, method, path, body], { makeApp }) => {
      const { h } = await usedUp(makeApp);
      const req = method === 'get' ? request(h.app).get(path) : request(h.app).post(path).send(body!);
      await req.expect(200);
    },
  );

  it('when RATE_LIMIT_CYPHER=0, the limit is off', async ({ makeApp }) => {
    const h = await makeApp({ env: { RATE_LIMIT_CYPHER: '0' } });
    for (let i = 0; i < 5; i++) await request(h.app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  });
});

describe('security headers', () => {
  const h = fileApp();
  const directives = async () => {
    const res = await request(h.app).get('/api/health').expect(200);
    return Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
  };

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['connect-src', ["'self'"]],
  ])('when an answer is sent, its content security policy sets %s to %j', async (directive, values) => {
    expect((await directives())[directive]).toEqual(values);
  });

  it('when an answer is sent, its content security policy allows no inline or evaluated script', async () => {
    expect(JSON.stringify((await directives())['script-src'])).not.toMatch(/unsafe/);
  });

  it.each([
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'SAMEORIGIN'],
    ['referrer-policy', 'no-referrer'],
    ['cross-origin-opener-policy', 'same-origin'],
    ['x-powered-by', undefined],
  ])('when an answer is sent, its %s header is %s', async (header, value) => {
    const res = await request(h.app).get('/api/health').expect(200);
    expect(res.headers[header]).toBe(value);
  });
});

describe('the built client', () => {
  // A small build of its own, written when the file is collected so both apps can be built from it.
  const dir = mkdtempSync(join(tmpdir(), 'kg-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>explorer</title><script type="module" src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("hi")');
  writeFileSync(join(dir, 'assets', 'app-abc123.js.map'), '{"version":3,"sourcesContent":["secret source"]}');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const h = fileApp({ deps: { clientDir: dir } });
  const unbuilt = fileApp({ deps: { clientDir: join(dir, 'not-built') } });

  it('when / is asked for, the answer is index.html under the content security policy', async () => {
    const root = await request(h.app).get('/').expect(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.text).toContain('<title>explorer</title>');
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it("when one of the client's own paths is asked for, the answer is index.html", async () => {
    const deep = await request(h.app).get('/some/permalink?view=abc').expect(200);
    expect(deep.text).toContain('<title>explorer</title>');
  });

  it('when an asset is asked for, it is served as JavaScript with long caching', async () => {
    const asset = await request(h.app).get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('when a missing asset is asked for, the answer is 404', async () => {
    await request(h.app).get('/assets/missing.js').expect(404);
  });

  it('when an unknown API path is asked for, the API answers 404 problem+json, not the page', async () => {
    const api404 = await request(h.app).get('/api/nothing').expect(404);
    expect(api404.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when a page path is posted to, the answer is 404', async () => {
    await request(h.app).post('/anything').expect(404);
  });

  it('when a path climbs out of the folder, nothing outside it is served', async () => {
    const traversal = await request(h.app).get('/..%2f..%2fpackage.json');
    expect(traversal.text).not.toContain('"dependencies"');
  });

  it('when a build holds source maps, they are not served', async () => {
    const map = await request(h.app).get('/assets/app-abc123.js.map').expect(404);
    expect(map.text).not.toContain('secret source');
  });

  it('when a build holds source maps, the served script does not point at them', async () => {
    expect((await request(h.app).get('/assets/app-abc123.js')).text).not.toContain('sourceMappingURL');
  });

  it('when there is no build, a page is a 503 saying to run npm run build', async () => {
    const res = await request(unbuilt.app).get('/').expect(503);
    expect(res.text).toContain('npm run build');
  });

  it('when there is no build, the API still works', async () => {
    await request(unbuilt.app).get('/api/health').expect(200);
  });
});
