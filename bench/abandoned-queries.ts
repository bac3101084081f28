// npm run abuse [-- --quick] [--abandoned 12] [--json FILE] [--store DIR]
//
// The console under abuse, against the real server (server/main.ts) on 127.0.0.1 with a fresh data
// folder: heavy queries (a five-way cartesian product, which runs until its timeout) from
// `--abandoned` clients, each closing its connection after 0.3 s, as an outside tester did in issue
// 10; then a query from another client; then a result too large to send and a query too hungry
// for a worker's memory. Meanwhile /api/health is asked every 50 ms. Prints the other client's
// wait, the health latencies, the console's state after the abandoned queries, the large queries'
// answers and the server's memory; exits 1 if the other client waited longer than the timeout
// plus 1 s, a large query got a 5xx or more than 8 MB, or a health request took 100 ms more than
// the slowest one on the idle server before (the machine's own noise, printed too).
// Then the export case (bench/abuse/exports.ts): large exports by ids, alone and three at once.
// Then the expensive routes' cases (bench/abuse/routes.ts): subgraph, claims and schema abused by
// one client while another asks health and search.
// Clients are told apart by X-Forwarded-For (TRUST_PROXY=1).
// --quick: the same with a 2 s timeout, for CI. --store DIR: serve that embedded store (for example a
// synthetic 100k/1M one from `npm run seed -- --synthetic`) read-only instead of a fresh curated one;
// it is not changed. Only loopback targets, never a remote host.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { HealthResponse } from '../common/api.ts';
import { exportCase } from './abuse/exports.ts';
import { guardStallCase } from './abuse/guard-stall.ts';
import { consoleReady, rssMb, serverReady, startChild, type Child } from './processes.ts';
import { printRouteCases, runRouteCases } from './abuse/routes.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    abandoned: { type: 'string' },
    json: { type: 'string' },
    store: { type: 'string' },
  },
});
const abandonedCount = Number(values.abandoned ?? 12);
const timeoutMs = values.quick ? 2000 : 5000;
const heavy = 'MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  // A given store is served as it is: not seeded, so the server opens it read-only.
  const dataDir = values.store ?? mkdtempSync(join(tmpdir(), 'kg-abuse-'));
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
        TRUST_PROXY: '1',
        CYPHER_TIMEOUT_MS: String(timeoutMs),
      },
      serverReady,
      // A large store given by --store takes its workers minutes to open on a busy machine.
      values.store ? 600_000 : 90_000,
    );
    const server = child.process;
    const base = child.url;
    await consoleReady(base);
    const post = (client: string, query: string, signal?: AbortSignal) =>
      fetch(new URL('api/cypher', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ query }),
        signal,
      });
    await (await post('10.9.9.9', 'RETURN 1 AS warm')).arrayBuffer();
    const idleRss = rssMb(server.pid!);

    // health, every 50 ms, from start to end
    const health: number[] = [];
    let phase = 'idle';
    const slowest: { ms: number; phase: string }[] = [];
    const healthStatuses: Record<string, number> = {};
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const started = performance.now();
        const res = await fetch(new URL('api/health', base), { headers: { 'x-forwarded-for': '10.8.8.8' } });
        const body = (await res.json()) as HealthResponse;
        const took = performance.now() - started;
        health.push(took);
        slowest.push({ ms: Math.round(took), phase });
        const key = `${res.status} ${body.status}`;
        healthStatuses[key] = (healthStatuses[key] ?? 0) + 1;
        await new Promise((done) => setTimeout(done, 50));
      }
    })();

    console.log(
      `server pid ${server.pid} at ${base}; CYPHER_TIMEOUT_MS ${timeoutMs}; ${abandonedCount} heavy queries, each abandoned after 0.3 s`,
    );
    // the machine's own noise first: health on an idle server
    await new Promise((done) => setTimeout(done, 2000));
    const idleSamples = health.length;
    phase = 'abandoned';
    const abandoned = Array.from({ length: abandonedCount }, (_, i) =>
      post(`10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`, heavy, AbortSignal.timeout(300)).then(
        (res) => `answered ${res.status}`,
        () => 'closed',
      ),
    );
    const outcomes = await Promise.all(abandoned);
    await new Promise((done) => setTimeout(done, 100));
    phase = 'other client';
    const started = performance.now();
    const other = await post('10.1.0.1', 'MATCH (n:Country) RETURN count(n) AS c');
    await other.arrayBuffer();
    const otherMs = performance.now() - started;
    // let the console settle, then read its state
    phase = 'settling';
    await new Promise((done) => setTimeout(done, 1000));
    const after = (await (await fetch(new URL('api/health', base))).json()) as HealthResponse;

    // results too large to send, and a query too hungry for a worker's memory
    const large: { query: string; status: number; ms: number; bytes: number; cappedBy?: string }[] = [];
    for (const query of ['RETURN range(1, 10000000) AS l', 'UNWIND range(1, 100000000) AS x RETURN x']) {
      phase = query;
      const began = performance.now();
      const res = await post('10.2.0.1', query);
      const text = await res.text();
      const cappedBy = res.ok ? (JSON.parse(text) as { cappedBy?: string }).cappedBy : undefined;
      large.push({
        query,
        status: res.status,
        ms: Math.round(performance.now() - began),
        bytes: text.length,
        cappedBy,
      });
    }
    const peakRss = rssMb(server.pid!);
    sampling = false;
    await sampler;
    const routeCases = await runRouteCases(base, { quick: values.quick ?? false });

    const idle = health.slice(0, idleSamples).sort((a, b) => a - b);
    const sorted = health.slice(idleSamples).sort((a, b) => a - b);
    const report = {
      timeoutMs,
      abandoned: abandonedCount,
      abandonedOutcomes: outcomes.reduce<Record<string, number>>((counts, outcome) => {
        counts[outcome] = (counts[outcome] ?? 0) + 1;
        return counts;
      }, {}),
      otherClient: { status: other.status, ms: Math.round(otherMs), limitMs: timeoutMs + 1000 },
      health: {
        samples: sorted.length,
        statuses: healthStatuses,
        p50: quantile(sorted, 0.5),
        p99: quantile(sorted, 0.99),
        max: sorted.at(-1)!,
        idle: { samples: idle.length, p50: quantile(idle, 0.5), max: idle.at(-1)! },
      },
      consoleAfter: after.console,
      large,
      serverRssMb: { idle: Math.round(idleRss), end: Math.round(peakRss) },
      routeCases,
    };
    console.log(`abandoned queries: ${JSON.stringify(report.abandonedOutcomes)}`);
    console.log(
      `other client: ${other.status} after ${ms(otherMs)} (limit: the timeout plus 1 s, ${timeoutMs + 1000} ms)`,
    );
    console.log(
      `/api/health under abuse: ${sorted.length} requests ${JSON.stringify(healthStatuses)}; p50 ${ms(report.health.p50)}, p99 ${ms(report.health.p99)}, max ${ms(report.health.max)} (target: under 100 ms)`,
    );
    console.log(
      `/api/health idle, before: ${idle.length} requests; p50 ${ms(report.health.idle.p50)}, max ${ms(report.health.idle.max)} (the machine's own noise)`,
    );
    console.log(`console after: ${JSON.stringify(after.console)}`);
    for (const { query, status, ms: took, bytes, cappedBy } of large) {
      console.log(`${query}: ${status} in ${took} ms, ${bytes} bytes${cappedBy ? ` (cut by ${cappedBy})` : ''}`);
    }
    console.log(`server RSS: ${Math.round(idleRss)} MB idle, ${Math.round(peakRss)} MB at the end`);
    const worst = slowest.sort((a, b) => b.ms - a.ms).slice(0, 3);
    console.log(`slowest health requests: ${worst.map((w) => `${w.ms} ms (${w.phase})`).join(', ')}`);
    printRouteCases(routeCases);
    const guardStall = await guardStallCase({ base, pid: server.pid!, quick: values.quick ?? false });
    const exports = await exportCase({ base, pid: server.pid!, quick: values.quick ?? false });
    if (values.json)
      writeFileSync(
        values.json,
        `${JSON.stringify({ ...report, guardStall: guardStall.report, exports: exports.report }, null, 2)}\n`,
      );

    server.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => server.once('exit', (c) => done(c)));
    const problems: string[] = [];
    if (other.status !== 200) problems.push(`the other client got ${other.status}`);
    for (const { query, status, bytes } of large) {
      if (status >= 500 || bytes > 8 * 1024 * 1024) problems.push(`${query}: ${status}, ${bytes} bytes`);
    }
    if (otherMs > timeoutMs + 1000) problems.push(`the other client waited ${ms(otherMs)}`);
    // The abuse may not add 100 ms to what the machine does to health anyway.
    if (report.health.max >= 100 + report.health.idle.max) {
      problems.push(`a health request took ${ms(report.health.max)} (idle, at most ${ms(report.health.idle.max)})`);
    }
    if (Object.keys(healthStatuses).some((key) => key !== '200 ok')) problems.push('health was not always 200 ok');
    problems.push(...guardStall.problems);
    problems.push(...routeCases.flatMap((routeCase) => routeCase.problems));
    problems.push(...exports.problems);
    if (code !== 0) problems.push(`the server exited with ${code} on SIGTERM:\n${child.output().slice(-2000)}`);
    if (problems.length > 0) {
      console.error(`\nFAILED:\n- ${problems.join('\n- ')}`);
      process.exitCode = 1;
    } else console.log('\nOK: abandoned queries were cancelled; the other client and health were answered in time');
  } finally {
    if (child?.process.exitCode === null) child.process.kill('SIGKILL');
    if (!values.store) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
