// Access: the API token, CORS, the Cypher rate limit, the security headers and CSP, and the
// built client served beside the API.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, fileApp, it } from '../support/fixtures.ts';

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

describe('API token', () => {
  const h = fileApp({ env: { API_TOKEN: token } });

  it('covers every operation of the OpenAPI document', async () => {
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
    '%s %s: 401 problem+json without the token, 401 with a wrong one, 2xx with it',
    async (method, path, body) => {
      const call = (auth?: string) => {
        const r = method === 'get' ? request(h.app).get(path) : request(h.app).post(path).send(body!);
        return auth === undefined ? r : r.set('Authorization', auth);
      };
      const missing = await call();
      expect(missing.status).toBe(401);
      expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      expect(missing.body).toMatchObject({ status: 401, title: 'Unauthorized' });
      for (const wrong of [
        `Bearer ${token}x`,
        `Bearer ${token.slice(0, -1)}`,
        `Basic ${Buffer.from(`u:${token}`).toString('base64')}`,
        token,
        'Bearer',
        '',
      ]) {
        expect((await call(wrong)).status, wrong).toBe(401);
      }
      const ok = await call(`Bearer ${token}`);
      expect(ok.status, ok.text).toBe(200);
      expect((await call(`bearer  ${token}`)).status).toBe(200);
    },
  );

  it('guards unknown API paths too (no probing for routes), and the problem never echoes the token', async () => {
    await request(h.app).get('/api/nothing-here').expect(401);
    const res = await request(h.app).get('/api/health').set('Authorization', `Bearer ${token}-wrong`).expect(401);
    expect(res.text).not.toContain(token);
    expect(res.headers['www-authenticate']).toContain('invalid_token');
  });

  it('checks the token before reading a body: an unauthenticated oversized body is a 401, not a parse', async () => {
    await request(h.app).post('/api/cypher').set('Content-Type', 'application/json').send('{"query": ').expect(401);
  });
});

describe('no token configured', () => {
  it('serves the API without credentials', async ({ makeApp }) => {
    const h = await makeApp();
    await request(h.app).get('/api/health').expect(200);
  });
});

describe('CORS', () => {
  it('by default sends no CORS headers and refuses cross-site browser requests', async ({ makeApp }) => {
    const h = await makeApp();
    const same = await request(h.app)
      .get('/api/health')
      .set('Origin', 'http://127.0.0.1:3000')
      .set('Sec-Fetch-Site', 'same-origin')
      .expect(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
    const noHeaders = await request(h.app).get('/api/health').set('Origin', 'https://evil.example').expect(200);
    expect(noHeaders.headers['access-control-allow-origin']).toBeUndefined();
    for (const site of ['cross-site', 'same-site']) {
      const res = await request(h.app)
        .post('/api/cypher')
        .set('Origin', 'https://evil.example')
        .set('Sec-Fetch-Site', site)
        .set('Content-Type', 'text/plain')
        .send('{"query":"MATCH (n) RETURN n"}')
        .expect(403);
      expect(res.body.title).toBe('Origin not allowed');
    }
    const preflight = await request(h.app)
      .options('/api/cypher')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows exactly the configured origins, with preflights, the Authorization header and exposed headers', async ({
    makeApp,
  }) => {
    const h = await makeApp({
      env: { CORS_ORIGIN: 'https://analyst.example.org,http://localhost:5173', API_TOKEN: token },
    });
    const preflight = await request(h.app)
      .options('/api/cypher')
      .set('Origin', 'https://analyst.example.org')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, authorization')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://analyst.example.org');
    expect(preflight.headers['access-control-allow-headers']).toMatch(/authorization/i);
    expect(preflight.headers['vary']).toMatch(/origin/i);
    const get = await request(h.app)
      .get('/api/health')
      .set('Origin', 'http://localhost:5173')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(get.headers['access-control-expose-headers']).toMatch(/X-Rows-Capped/);
    // CORS does not replace the token
    await request(h.app).get('/api/health').set('Origin', 'http://localhost:5173').expect(401);
    // near misses are other origins
    for (const origin of [
      'https://analyst.example.org.evil.example',
      'http://analyst.example.org',
      'https://analyst.example.org:444',
    ]) {
      const res = await request(h.app)
        .get('/api/health')
        .set('Origin', origin)
        .set('Sec-Fetch-Site', 'cross-site')
        .set('Authorization', `Bearer ${token}`);
      expect(res.status, origin).toBe(403);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('rate limit on ad-hoc Cypher', () => {
  it('answers 429 problem+json past the limit, counts query exports, and leaves other endpoints alone', async ({
    makeApp,
  }) => {
    const h = await makeApp({ env: { RATE_LIMIT_CYPHER: '3', RATE_LIMIT_WINDOW_MS: '60000' } });
    const query = { query: 'RETURN 1 AS one' };
    await request(h.app).post('/api/cypher').send(query).expect(200);
    await request(h.app).post('/api/cypher').send(query).expect(200);
    const third = await request(h.app)
      .post('/api/export')
      .send({ format: 'json', query: 'MATCH (n:Country) RETURN n' })
      .expect(200);
    expect(third.headers['ratelimit']).toMatch(/r=0/);
    const limited = await request(h.app).post('/api/cypher').send(query).expect(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(limited.body.detail).toMatch(/at most 3 per 60 s/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(h.app).post('/api/export').send({ format: 'json', query: 'RETURN 1' }).expect(429);
    // not ad-hoc queries: untouched by the limit
    await request(h.app)
      .post('/api/export')
      .send({ format: 'json', ids: ['country:RUS'] })
      .expect(200);
    await request(h.app).get('/api/search?q=putin').expect(200);
    await request(h.app).get('/api/health').expect(200);
  });

  it('is off with RATE_LIMIT_CYPHER=0', async ({ makeApp }) => {
    const h = await makeApp({ env: { RATE_LIMIT_CYPHER: '0' } });
    for (let i = 0; i < 5; i++) await request(h.app).post('/api/cypher').send({ query: 'RETURN 1 AS one' }).expect(200);
  });
});

describe('security headers', () => {
  it('sends a content security policy without inline or evaluated script, and the usual hardening headers', async ({
    makeApp,
  }) => {
    const h = await makeApp();
    const res = await request(h.app).get('/api/health').expect(200);
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(JSON.stringify(csp['script-src'])).not.toMatch(/unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('the built client', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><title>explorer</title><script type="module" src="/assets/app-abc123.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log("hi")');
    writeFileSync(join(dir, 'assets', 'app-abc123.js.map'), '{"version":3,"sourcesContent":["secret source"]}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("serves index.html at / and for the client's own paths, assets with long caching, and leaves /api alone", async ({
    makeApp,
  }) => {
    const h = await makeApp({ deps: { clientDir: dir } });
    const root = await request(h.app).get('/').expect(200);
    expect(root.headers['content-type']).toMatch(/text\/html/);
    expect(root.text).toContain('<title>explorer</title>');
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    const deep = await request(h.app).get('/some/permalink?view=abc').expect(200);
    expect(deep.text).toContain('<title>explorer</title>');
    const asset = await request(h.app).get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    await request(h.app).get('/assets/missing.js').expect(404);
    const api404 = await request(h.app).get('/api/nothing').expect(404);
    expect(api404.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(h.app).post('/anything').expect(404);
    // no path escapes the folder
    const traversal = await request(h.app).get('/..%2f..%2fpackage.json');
    expect(traversal.text).not.toContain('"dependencies"');
  });

  it('when a build holds source maps, they are not served', async ({ makeApp }) => {
    const h = await makeApp({ deps: { clientDir: dir } });
    const map = await request(h.app).get('/assets/app-abc123.js.map').expect(404);
    expect(map.text).not.toContain('secret source');
    expect((await request(h.app).get('/assets/app-abc123.js')).text).not.toContain('sourceMappingURL');
  });

  it('without a build, answers pages with a short message saying to run npm run build, and the API still works', async ({
    makeApp,
  }) => {
    const h = await makeApp({ deps: { clientDir: join(dir, 'not-built') } });
    const res = await request(h.app).get('/').expect(503);
    expect(res.text).toContain('npm run build');
    await request(h.app).get('/api/health').expect(200);
  });
});
