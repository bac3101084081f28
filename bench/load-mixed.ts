// npm run load [-- --seconds 60 --connections 100] [--quick] [--json FILE] [--store DIR]
//
// Starts the real server (server/main.ts) on 127.0.0.1 with a fresh data folder (seeded with the
// curated set on start) and an API token, then drives a mix of endpoints with autocannon: health,
// schema, search, node details, 1- and 2-hop neighbourhoods, paths, exports by ids, ad-hoc Cypher
// and exports by query, and the client's page. Reports the status counts, errors and timeouts
// (all must be 0: the exit code is 1 otherwise), the latency distribution, requests per second,
// and the server's memory (its own RSS and its Cypher workers') after warm-up and at the end.
//
// The per-client limits are lifted for this run (RATE_LIMIT_CYPHER=0 and RATE_LIMIT_READS=0;
// CYPHER_QUEUE_PER_CLIENT, CYPHER_QUEUE, CONCURRENT_READS_PER_CLIENT and EXPORT_SLOTS at their
// maximum): 100 connections from one address are one client, and the point here is the server's
// capacity, not the limiters'. `npm run abuse` runs the limits.
// --store DIR: serve that embedded store read-only (a synthetic one from `npm run seed -- --synthetic`,
// for example 100k/1M) with a mix drawn from its own ids (bench/load/store-mix.ts); there a 500 fails
// the run, and the other refusals (a 503 past a time budget, a 429) are counted and printed.
// --quick: 10 s at 50 connections, for CI. Only loopback targets, never a remote host.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { HealthResponse } from '../common/api.ts';
import { syntheticStoreMix } from './load/store-mix.ts';
import { childPids, consoleReady, root, rssMb, serverReady, startChild, type Child } from './processes.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string' },
    connections: { type: 'string' },
    quick: { type: 'boolean' },
    json: { type: 'string' },
    'max-growth': { type: 'string' },
    store: { type: 'string' },
  },
});
const seconds = Number(values.seconds ?? (values.quick ? 10 : 60));
const connections = Number(values.connections ?? (values.quick ? 50 : 100));
// RSS at the end may exceed the post-warm-up RSS by at most this fraction (plus 32 MB of slack).
const maxGrowth = Number(values['max-growth'] ?? 0.5);
if (!(seconds > 0 && connections > 0)) throw new Error('--seconds and --connections must be positive numbers');

function memory(pid: number): { server: number; workers: number } {
  const workers = childPids(pid).reduce((sum, child) => sum + rssMb(child), 0);
  return { server: rssMb(pid), workers };
}

const mb = (value: number) => `${value.toFixed(1)} MB`;

async function main(): Promise<void> {
  // A given store is served as it is: not seeded, so the server opens it read-only.
  const dataDir = values.store ?? mkdtempSync(join(tmpdir(), 'kg-load-'));
  const token = randomBytes(24).toString('hex');
  let child: Child | undefined;
  try {
    child = await startChild(
      'server/main.ts',
      {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        ...(values.store ? { SEED_ON_START: 'false' } : {}),
        LOG_LEVEL: 'warn',
        API_TOKEN: token,
        RATE_LIMIT_CYPHER: '0',
        CYPHER_QUEUE_PER_CLIENT: '100',
        CYPHER_QUEUE: '1000',
        RATE_LIMIT_READS: '0',
        CONCURRENT_READS_PER_CLIENT: '100',
        EXPORT_SLOTS: '1000',
      },
      serverReady,
      values.store ? 600_000 : 60_000,
    );
    const server = child.process;
    const base = child.url;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-encoding': 'gzip' };
    await consoleReady(base, headers);
    const get = (path: string) => ({ method: 'GET' as const, path, headers });
    const post = (path: string, body: object) => ({
      method: 'POST' as const,
      path,
      headers,
      body: JSON.stringify(body),
    });
    const clientBuilt = existsSync(join(root, 'dist/client/index.html'));
    const mix = values.store
      ? await storeMix(base, headers)
      : [
          get('/api/health'),
          get('/api/schema'),
          get('/api/search?q=putin'),
          get('/api/search?q=chin&labels=Country,Person'),
          get('/api/nodes/country:RUS'),
          get('/api/nodes/person:vladimir-putin'),
          get('/api/graph/neighborhood?ids=country:RUS'),
          get('/api/graph/neighborhood?ids=country:CHN,country:UKR&depth=2&limit=500'),
          get('/api/graph/paths?from=person:li-qiang&to=country:UKR&all=true'),
          get('/api/export?format=graphml&ids=country:RUS,country:CHN,person:vladimir-putin'),
          post('/api/export', { format: 'csv', ids: ['country:RUS', 'country:CHN', 'country:UKR'] }),
          post('/api/cypher', {
            query: 'MATCH (p:Person)-[v:VISITED]->(c:Country {id: $id}) RETURN p, v, c',
            params: { id: 'country:RUS' },
          }),
          post('/api/cypher', { query: 'MATCH (n:Country) RETURN n.name AS name ORDER BY name' }),
          post('/api/export', { format: 'json', query: 'MATCH (a:Country)-[r]->(b) RETURN a, r, b LIMIT 50' }),
          ...(clientBuilt ? [{ method: 'GET' as const, path: '/', headers: { 'accept-encoding': 'gzip' } }] : []),
        ];

    console.log(
      `server pid ${server.pid} at ${base}; ${mix.length} request kinds${clientBuilt ? '' : ' (no client build: the page is left out)'}`,
    );
    // warm-up: JIT, caches, worker processes
    await autocannon({ url: base, connections: 10, duration: 3, requests: mix });
    const start = memory(server.pid!);
    let peak = { ...start };
    const timeline: number[] = [];
    let ticks = 0;
    const sampler = setInterval(() => {
      const now = memory(server.pid!);
      peak = { server: Math.max(peak.server, now.server), workers: Math.max(peak.workers, now.workers) };
      if (++ticks % 10 === 0) timeline.push(Math.round(now.server));
    }, 500);
    console.log(`running ${seconds} s at ${connections} connections...`);
    const statuses: Record<number, number> = {};
    const result = await new Promise<autocannon.Result>((done, reject) => {
      const instance = autocannon(
        { url: base, connections, duration: seconds, requests: mix, timeout: 10 },
        (error, finished) => (error ? reject(error) : done(finished)),
      );
      instance.on('response', (_client, statusCode) => {
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      });
    });
    clearInterval(sampler);
    // let garbage collection and idle workers settle for a moment before the last reading
    await new Promise((done) => setTimeout(done, 1000));
    const end = memory(server.pid!);

    // On a large store some requests may be refused for their cost (503, 429): counted, not failed.
    const failures = result.errors + result.timeouts + (values.store ? (statuses[500] ?? 0) : result.non2xx);
    const report = {
      seconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p97_5: result.latency.p97_5,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.average,
      },
      rssMb: { start, peak, end, serverEvery5s: timeline },
    };
    console.log(
      `\nrequests: ${report.requests} (${report.requestsPerSecond.toFixed(0)}/s)   statuses: ${JSON.stringify(statuses)}`,
    );
    const serverErrors = Object.entries(statuses).filter(([status]) => Number(status) >= 500);
    const count500 = statuses[500] ?? 0;
    console.log(`errors: ${result.errors}   timeouts: ${result.timeouts}   non-2xx: ${result.non2xx}`);
    console.log(`500 answers: ${count500}   5xx answers: ${serverErrors.reduce((sum, [, n]) => sum + n, 0)}`);
    console.log(
      `latency ms: p50 ${report.latencyMs.p50}  p90 ${report.latencyMs.p90}  p97.5 ${report.latencyMs.p97_5}  p99 ${report.latencyMs.p99}  max ${report.latencyMs.max}  mean ${report.latencyMs.mean.toFixed(1)}`,
    );
    console.log(`server RSS: start ${mb(start.server)}  peak ${mb(peak.server)}  end ${mb(end.server)}`);
    console.log(`server RSS every 5 s (MB): ${timeline.join(' ')}`);
    console.log(`Cypher workers' RSS: start ${mb(start.workers)}  peak ${mb(peak.workers)}  end ${mb(end.workers)}`);
    if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);

    // a graceful stop, as the last check
    server.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => server.once('exit', (c) => done(c)));
    const problems: string[] = [];
    if (failures > 0)
      problems.push(
        `${failures} failed requests (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
      );
    if (result.requests.total === 0) problems.push('no requests were answered');
    if (end.server > start.server * (1 + maxGrowth) + 32)
      problems.push(`server RSS grew from ${mb(start.server)} to ${mb(end.server)}`);
    if (code !== 0) problems.push(`the server exited with ${code} on SIGTERM:\n${child.output().slice(-2000)}`);
    if (problems.length > 0) {
      console.error(`\nFAILED:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
    } else console.log('\nOK: no errors, memory flat, clean shutdown');
  } finally {
    if (child?.process.exitCode === null) child.process.kill('SIGKILL');
    if (!values.store) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The synthetic mix for the store the server holds, with the run's headers. */
async function storeMix(base: string, headers: Record<string, string>) {
  const health = (await (await fetch(new URL('api/health', base), { headers })).json()) as HealthResponse;
  return syntheticStoreMix(health.counts.nodes).map((request) => ({ ...request, headers }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
