import { Writable } from 'node:stream';
import { pino } from 'pino';
import request from 'supertest';
import { openApiDocument } from '../../server/api/openapi.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) if (line.trim()) lines.push(JSON.parse(line));
    done();
  },
});
const requiredGets = requiredParameters();
const missingOne = requiredGets.flatMap(({ path, required, all }) =>
  required.map((name) => ({
    path,
    name,
    without: String(new URLSearchParams([...new URLSearchParams(all)].filter(([key]) => key !== name))),
  })),
);
const h = fileApp({ deps: { logger: pino({ level: 'info' }, sink), bodyLimit: '2kb' } });

describe('HTTP behaviour', () => {
  const loggedLine = async (probe: string) => {
    await request(h.app).get(`/api/health?${probe}=log`).expect(200);
    return lines.find((l) => (l.req as { url?: string } | undefined)?.url === `/api/health?${probe}=…`);
  };

  it('when a request is answered, one structured line logs its method, status and message', async () => {
    const line = await loggedLine('status');
    expect(line).toMatchObject({ res: { statusCode: 200 }, req: { method: 'GET' }, msg: 'request completed' });
  });

  it('when a request is answered, its log line holds its timing', async () => {
    expect(typeof (await loggedLine('timing'))!.responseTime).toBe('number');
  });

  it('when a request is logged, no cookie or authorization is in the line', async () => {
    expect(JSON.stringify(await loggedLine('headers'))).not.toMatch(/cookie|authorization/i);
  });

  it('when a token is put in the query string, it never reaches the log', async () => {
    const token = 'tok-8d1c2b7e5f4a3c9e0d6b';
    await request(h.app).get(`/api/search?q=putin&access_token=${token}`).expect(400);
    await request(h.app).get(`/api/nodes/country:RUS?token=${token}`);
    const logged = JSON.stringify(lines);
    expect(logged).toContain('access_token=…');
    expect(logged).not.toContain(token);
  });

  it.each([
    ['an undecodable percent-escape in a path', '/api/nodes/%ff'],
    ['a lone percent sign in a path', '/api/nodes/%'],
    ['a cut-off percent-escape in a path', '/api/nodes/%E0%A4%A'],
  ])('when a request has %s, the answer is 400 problem+json', async (_case, path) => {
    const res = await request(h.app).get(path).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it.for(['br', 'gzip', 'deflate'])(
    'when a body says Content-Encoding %s but is not, the answer is 400 problem+json',
    async (encoding, { serve }) => {
      // over a real socket: the test client would re-encode the body
      const server = await serve(h.app);
      const res = await fetch(`${server.url}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': encoding },
        body: 'not compressed at all',
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    },
  );

  it('when an answer is sent, it carries the security headers and no x-powered-by', async () => {
    const res = await request(h.app).get('/api/openapi.json').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  // answers over the server's 4 kB compression threshold
  it.each([
    ['br', '/api/openapi.json'],
    ['gzip', '/api/graph/neighborhood?ids=country:RUS'],
  ])('when a client accepts %s, a large answer is compressed with it', async (encoding, path) => {
    const res = await request(h.app).get(path).set('Accept-Encoding', encoding).expect(200);
    expect(res.headers['content-encoding']).toBe(encoding);
  });

  it('when a body is over the limit, the answer is 413 problem+json', async () => {
    const big = await request(h.app)
      .post('/api/cypher')
      .send({ query: `RETURN '${'x'.repeat(4000)}'` })
      .expect(413);
    expect(big.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(big.body.status).toBe(413);
  });

  it('when a body is broken JSON, the answer is 400 naming the body, with no stack', async () => {
    const broken = await request(h.app)
      .post('/api/cypher')
      .set('Content-Type', 'application/json')
      .send('{"query": ')
      .expect(400);
    expect(broken.body.errors[0].field).toBe('body');
    expect(broken.text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('when a route is unknown, the answer is 404 problem+json', async () => {
    const res = await request(h.app).get('/api/nothing-here').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('when a known path is asked with an unknown method, the answer is 404', async () => {
    await request(h.app).delete('/api/nodes/country:RUS').expect(404);
  });

  it('when the store fails, the answer is a generic 500 that hides the failure', async () => {
    const broken: GraphStore = {
      kind: 'embedded',
      read: () => Promise.reject(new Error('disk on fire at /secret/path')),
      write: () => Promise.reject(new Error('nope')),
      bulkCreateNodes: () => Promise.reject(new Error('nope')),
      bulkCreateRelationships: () => Promise.reject(new Error('nope')),
      close: async () => {},
    };
    const silent = pino({ level: 'silent' });
    const res = await request(createApp({ store: broken, config: loadConfig({}), logger: silent }))
      .get('/api/health')
      .expect(500);
    expect(res.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(res.text).not.toContain('/secret/path');
  });
});

describe('GET /api/openapi.json', () => {
  const openapi = async () => (await request(h.app).get('/api/openapi.json').expect(200)).body;

  it('when asked, the document is OpenAPI 3.1', async () => {
    expect((await openapi()).openapi).toBe('3.1.0');
  });

  it('when the document is read, it describes exactly the routes the app serves', async () => {
    const doc = await openapi();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = routesOf(h.app).sort();
    expect(served.length).toBeGreaterThanOrEqual(9);
    expect(documented.sort()).toEqual(served);
  });

  it("when a parameter is documented, its schema is the validation schema's (depth 1..3)", async () => {
    const neighborhood = (await openapi()).paths['/api/graph/neighborhood'].get;
    const depth = neighborhood.parameters.find((p: { name: string }) => p.name === 'depth');
    expect(depth.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 3 });
  });

  it('when the export body is documented, its format lists every export format', async () => {
    const doc = await openapi();
    const format = doc.paths['/api/export'].post.requestBody.content['application/json'].schema.properties.format;
    expect(format.enum).toEqual([
      'cyjs',
      'json',
      'csv',
      'neo4j-csv',
      'graphml',
      'graphml-yed',
      'gexf',
      'cypher',
      'citations',
    ]);
  });

  it('when a route can answer 404, the document says so', async () => {
    expect((await openapi()).paths['/api/nodes/{id}'].get.responses['404']).toBeDefined();
  });

  it('when the document is read, it has GETs with required query parameters to check below', () => {
    expect(requiredGets.length).toBeGreaterThanOrEqual(3);
    expect(missingOne.length).toBeGreaterThanOrEqual(requiredGets.length);
  });

  it.each(requiredGets)(
    'when GET $path has just the parameters the document marks required ($all), the answer is 200',
    async ({ path, all }) => {
      expect((await request(h.app).get(`${path}?${all}`)).status).toBe(200);
    },
  );

  it.each(missingOne)(
    'when GET $path lacks $name, which the document marks required, the answer is 400',
    async ({ path, without }) => {
      expect((await request(h.app).get(`${path}?${without}`)).status).toBe(400);
    },
  );
});

/** Each documented GET with query parameters: its path filled in, and its required parameters with sample values. */
function requiredParameters(): { path: string; required: string[]; all: string }[] {
  const samples: Record<string, string> = {
    ids: 'country:RUS',
    q: 'russia',
    from: 'country:RUS',
    to: 'country:CHN',
    a: 'country:RUS',
    b: 'country:CHN',
    format: 'json',
  };
  const pathSamples: Record<string, string> = { id: 'source:cnn-2024-08-21-putin-li-qiang-moscow' };
  const doc = openApiDocument() as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string; required: boolean }[] } }>;
  };
  return Object.entries(doc.paths).flatMap(([documented, methods]) => {
    const path = documented.replace(/\{(\w+)\}/g, (_match, name: string) => pathSamples[name] ?? 'x');
    const query = (methods.get?.parameters ?? []).filter((parameter) => parameter.in === 'query');
    const required = query.filter((parameter) => parameter.required).map((parameter) => parameter.name);
    if (query.length === 0) return [];
    return [{ path, required, all: String(new URLSearchParams(required.map((name) => [name, samples[name] ?? 'x']))) }];
  });
}

/** "METHOD /api/path" for every route the app serves, read from Express's router. */
function routesOf(app: ReturnType<typeof createApp>): string[] {
  const found: string[] = [];
  type Layer = {
    route?: { path: string; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    matchers?: unknown;
  };
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods))
          found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack, prefix === '' ? '/api' : prefix);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return found;
}
