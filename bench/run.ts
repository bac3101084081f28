// npm run bench [-- --quick] [--sizes 10000:100000,100000:1000000] [--runs N] [--seed N]
//
// Builds embedded stores of synthetic graphs (seed/synthetic.ts) and measures, per size: the load
// rate; the latency of node-by-id, search, 1- and 2-hop neighbourhoods (a typical node and the
// biggest hub), paths and a small ad-hoc Cypher query, both as a direct call in this process and
// through the HTTP API of the real server (a child process on the same store), so the API's
// overhead is a ratio from the same run; the 1-hop endpoint's throughput under concurrent load
// beside an Express hello-world; the server's peak memory. Prints a table, writes
// bench/results/latest.json and bench/RESULTS.md (a --quick run: bench/results/quick.*).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { neighborhood } from '../server/domain/neighborhood.ts';
import { nodeDetails } from '../server/domain/nodes.ts';
import { shortestPaths } from '../server/domain/paths.ts';
import { search } from '../server/domain/search.ts';
import { openEmbeddedStore } from '../server/store/embedded.ts';
import { embeddedDatabasePath } from '../server/store/open.ts';
import type { GraphStore } from '../server/store/port.ts';
import { SyntheticGraph, loadSynthetic } from '../seed/synthetic.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// --- options ----------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    duration: { type: 'string' },
    keep: { type: 'boolean' },
  },
});

interface Size {
  nodes: number;
  relationships: number;
}

const quick = args.quick === true;
const sizes: Size[] = args.sizes
  ? args.sizes.split(',').map((pair) => {
      const [nodes, relationships] = pair.split(':').map(Number);
      if (!Number.isSafeInteger(nodes) || !Number.isSafeInteger(relationships)) throw new Error(`--sizes takes nodes:relationships pairs, not "${pair}"`);
      return { nodes: nodes!, relationships: relationships! };
    })
  : quick
    ? [{ nodes: 2_000, relationships: 5_000 }]
    : [
        { nodes: 10_000, relationships: 100_000 },
        { nodes: 100_000, relationships: 1_000_000 },
      ];
const settings = {
  mode: quick ? 'quick' : 'full',
  seed: args.seed ? Number(args.seed) : 42,
  runs: args.runs ? Number(args.runs) : quick ? 40 : 200,
  warmup: quick ? 5 : 20,
  loadRuns: quick ? 3 : 1,
  batchSize: 10_000,
  throughputSeconds: args.duration ? Number(args.duration) : quick ? 3 : 10,
  connections: 16,
};

// --- statistics -------------------------------------------------------------------------------------

interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), min: round(sorted[0]!), max: round(sorted[sorted.length - 1]!) };
}

async function measure(run: () => Promise<unknown>, runs: number, warmup: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

// --- processes --------------------------------------------------------------------------------------

interface Child {
  process: ChildProcess;
  url: string;
}

function startChild(script: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${script} was not ready after 120 s:\n${output}`)), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve({ process: child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
    child.once('exit', (code) => fail(new Error(`${script} exited (${code}) before it was ready:\n${output}`)));
  });
}

async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Peak resident memory (VmHWM) of a process, in MB; 0 where /proc is not there. */
function peakRssMb(pid: number): number {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((entry) => {
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

// --- HTTP -------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request as the browser client makes it (gzip accepted); the body is read, not parsed. */
function request(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<number> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: { accept: 'application/json', 'accept-encoding': 'gzip', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${method} ${path}: HTTP ${res.statusCode}`));
          else resolve(bytes);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface ThroughputResult {
  requestsPerSecond: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
}

async function throughput(url: string, seconds: number, connections: number): Promise<ThroughputResult> {
  const result = await autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip' } });
  return { requestsPerSecond: Math.round(result.requests.average), latencyP99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

// --- one size ---------------------------------------------------------------------------------------

interface CaseResult {
  name: string;
  direct: Stats;
  api: Stats;
  /** API median / direct median. */
  ratio: number;
}

interface SizeResult extends Size {
  load: { ratesPerSecond: number[]; medianPerSecond: number; nodeSeconds: number; relationshipSeconds: number };
  typical: { id: string; degree: number };
  hub: { id: string; degree: number };
  cases: CaseResult[];
  throughput: { endpoint: string; api: ThroughputResult; hello: ThroughputResult; ratio: number };
  peakRssMb: { server: number; cypherWorkers: number[] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const log = (message: string) => process.stderr.write(`${message}\n`);

async function buildStore(size: Size): Promise<{ dataDir: string; load: SizeResult['load'] }> {
  const rates: number[] = [];
  let dataDir = '';
  let last = { nodeMs: 0, relationshipMs: 0 };
  for (let run = 0; run < settings.loadRuns; run++) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
    const store = openEmbeddedStore({ path: embeddedDatabasePath(dataDir) });
    try {
      const graph = new SyntheticGraph({ ...size, seed: settings.seed });
      let reported = 0;
      const result = await loadSynthetic(store, graph, {
        batchSize: settings.batchSize,
        onProgress: ({ relationships }) => {
          if (relationships - reported >= size.relationships / 10) {
            reported = relationships;
            log(`  load ${run + 1}/${settings.loadRuns}: ${relationships}/${size.relationships} relationships`);
          }
        },
      });
      rates.push(Math.round(result.relationshipRate));
      last = result;
    } finally {
      await store.close();
    }
  }
  return {
    dataDir,
    load: { ratesPerSecond: rates, medianPerSecond: median(rates), nodeSeconds: last.nodeMs / 1000, relationshipSeconds: last.relationshipMs / 1000 },
  };
}

function pickNodes(size: Size): { typical: string[]; hub: string; degrees: Map<string, number> } {
  const graph = new SyntheticGraph({ ...size, seed: settings.seed });
  const degrees = graph.degrees();
  const people = [...graph.nodes()].filter((node) => node.label === 'Person').map((node) => ({ id: node.id, degree: degrees.get(node.id) ?? 0 }));
  const typicalDegree = median(people.map((person) => person.degree));
  const typical = people.filter((person) => person.degree === typicalDegree).map((person) => person.id);
  let hub = '';
  let hubDegree = -1;
  for (const [id, degree] of degrees) if (degree > hubDegree) [hub, hubDegree] = [id, degree];
  return { typical, hub, degrees };
}

const adHoc = 'MATCH (n:Entity {id: $id})-[r]-(m) RETURN m.name AS name, type(r) AS type LIMIT 25';

async function benchSize(size: Size): Promise<SizeResult> {
  log(`\n== ${size.nodes} nodes, ${size.relationships} relationships`);
  const { dataDir, load } = await buildStore(size);
  log(`  load: ${load.medianPerSecond} relationships/s`);
  const { typical, hub, degrees } = pickNodes(size);
  const node = typical[0]!;
  const other = typical[Math.floor(typical.length / 2)] ?? typical[typical.length - 1]!;

  const server = await startChild(
    'server/main.ts',
    {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
      NEO4J_URI: '',
      API_TOKEN: '',
      ALLOW_WRITES: 'false',
      RATE_LIMIT_CYPHER: '1000000',
    },
    /ready at (http:\/\/\S+?\/)/,
  );
  const hello = await startChild('bench/hello.ts', { ...process.env }, /ready at (http:\/\/\S+?\/)/);
  const store: GraphStore = openEmbeddedStore({ path: embeddedDatabasePath(dataDir), readOnly: true });
  try {
    const hood = (ids: string[], depth: number) => neighborhood(store, { ids, depth, types: [], labels: [], from: null, to: null, limit: 200 });
    const enc = encodeURIComponent;
    const cases: { name: string; direct: () => Promise<unknown>; api: () => Promise<unknown> }[] = [
      { name: 'node by id', direct: () => nodeDetails(store, node), api: () => request(server.url, 'GET', `/api/nodes/${enc(node)}`) },
      { name: 'search "kovalenko"', direct: () => search(store, { q: 'kovalenko', labels: [], limit: 20 }), api: () => request(server.url, 'GET', '/api/search?q=kovalenko') },
      { name: '1-hop, typical node', direct: () => hood([node], 1), api: () => request(server.url, 'GET', `/api/graph/neighborhood?ids=${enc(node)}&depth=1`) },
      { name: '2-hop, typical node', direct: () => hood([node], 2), api: () => request(server.url, 'GET', `/api/graph/neighborhood?ids=${enc(node)}&depth=2`) },
      { name: '1-hop, hub', direct: () => hood([hub], 1), api: () => request(server.url, 'GET', `/api/graph/neighborhood?ids=${enc(hub)}&depth=1`) },
      { name: '2-hop, hub', direct: () => hood([hub], 2), api: () => request(server.url, 'GET', `/api/graph/neighborhood?ids=${enc(hub)}&depth=2`) },
      {
        name: 'shortest path, typical nodes',
        direct: () => shortestPaths(store, { from: node, to: other, maxLength: 4, types: [], all: false }),
        api: () => request(server.url, 'GET', `/api/graph/paths?from=${enc(node)}&to=${enc(other)}`),
      },
      { name: 'ad-hoc Cypher (1-hop, 25 rows)', direct: () => store.read({ text: adHoc }, { id: node }), api: () => request(server.url, 'POST', '/api/cypher', { query: adHoc, params: { id: node } }) },
    ];
    const results: CaseResult[] = [];
    for (const { name, direct, api } of cases) {
      // Hub queries can be slow: fewer runs where one run takes long.
      const probe = performance.now();
      await direct();
      const runs = performance.now() - probe > 200 ? Math.min(settings.runs, 20) : settings.runs;
      const directStats = await measure(direct, runs, settings.warmup);
      const apiStats = await measure(api, runs, settings.warmup);
      const ratio = Math.round((apiStats.median / Math.max(directStats.median, 1e-6)) * 100) / 100;
      results.push({ name, direct: directStats, api: apiStats, ratio });
      log(`  ${name}: direct ${directStats.median} ms, API ${apiStats.median} ms (p99 ${apiStats.p99}), ×${ratio}`);
    }

    const endpoint = `/api/graph/neighborhood?ids=${enc(node)}&depth=1`;
    log(`  throughput: ${settings.throughputSeconds} s each, ${settings.connections} connections`);
    const apiThroughput = await throughput(new URL(endpoint, server.url).href, settings.throughputSeconds, settings.connections);
    const helloThroughput = await throughput(new URL('/hello', hello.url).href, settings.throughputSeconds, settings.connections);
    const ratio = Math.round((apiThroughput.requestsPerSecond / Math.max(helloThroughput.requestsPerSecond, 1)) * 100) / 100;
    log(`  1-hop ${apiThroughput.requestsPerSecond} req/s, hello-world ${helloThroughput.requestsPerSecond} req/s: ×${ratio}`);

    const peak = { server: peakRssMb(server.process.pid!), cypherWorkers: childPids(server.process.pid!).map(peakRssMb) };
    return {
      ...size,
      load,
      typical: { id: node, degree: degrees.get(node) ?? 0 },
      hub: { id: hub, degree: degrees.get(hub) ?? 0 },
      cases: results,
      throughput: { endpoint, api: apiThroughput, hello: helloThroughput, ratio },
      peakRssMb: peak,
    };
  } finally {
    await store.close();
    await stopChild(hello);
    await stopChild(server);
    if (!args.keep) rmSync(dataDir, { recursive: true, force: true });
    else log(`  kept the store in ${dataDir}`);
  }
}

// --- targets and report -----------------------------------------------------------------------------

interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
  /** How far off: value / limit for "below" targets, limit / value for "at least" ones. */
  factor: number;
}

function targets(result: SizeResult): Target[] {
  const oneHop = result.cases.find((c) => c.name === '1-hop, typical node')!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return [
    { name: '1-hop p99 through the API (typical node)', target: '< 20 ms', value: `${oneHop.api.p99} ms`, met: oneHop.api.p99 < 20, factor: round(oneHop.api.p99 / 20) },
    { name: 'API overhead, 1-hop (API / direct median)', target: '< 1.5×', value: `×${oneHop.ratio}`, met: oneHop.ratio < 1.5, factor: round(oneHop.ratio / 1.5) },
    { name: '1-hop throughput / hello-world', target: '≥ 0.5', value: `${result.throughput.ratio}`, met: result.throughput.ratio >= 0.5, factor: round(0.5 / Math.max(result.throughput.ratio, 1e-6)) },
    { name: 'load rate', target: '≥ 100000 rel/s', value: `${result.load.medianPerSecond} rel/s`, met: result.load.medianPerSecond >= 100_000, factor: round(100_000 / Math.max(result.load.medianPerSecond, 1)) },
  ];
}

function markdown(report: { machine: Record<string, unknown>; settings: typeof settings; date: string; sizes: (SizeResult & { targets: Target[] })[] }): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`# Benchmark results`, '');
  lines.push(`\`npm run bench${report.settings.mode === 'quick' ? ' -- --quick' : ''}\` on ${report.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage} at the start.`);
  lines.push(`Latencies in ms over ${report.settings.runs} runs (20 for queries slower than 200 ms) after ${report.settings.warmup} warm-up runs; "direct" is the same domain call in-process, "API" the HTTP request to the real server (gzip accepted).`, '');
  for (const size of report.sizes) {
    lines.push(`## ${size.nodes.toLocaleString('en')} nodes, ${size.relationships.toLocaleString('en')} relationships`, '');
    lines.push(`Load: ${size.load.medianPerSecond.toLocaleString('en')} relationships/s (median of ${size.load.ratesPerSecond.length}; nodes ${size.load.nodeSeconds.toFixed(1)} s, relationships ${size.load.relationshipSeconds.toFixed(1)} s). Typical node \`${size.typical.id}\` (degree ${size.typical.degree}), hub \`${size.hub.id}\` (degree ${size.hub.degree}).`, '');
    lines.push('| query | direct median | direct p95 | direct p99 | API median | API p95 | API p99 | API / direct |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const c of size.cases) lines.push(`| ${c.name} | ${c.direct.median} | ${c.direct.p95} | ${c.direct.p99} | ${c.api.median} | ${c.api.p95} | ${c.api.p99} | ×${c.ratio} |`);
    lines.push('');
    const t = size.throughput;
    lines.push(`Throughput (${report.settings.connections} connections, ${report.settings.throughputSeconds} s): 1-hop ${t.api.requestsPerSecond} req/s (p99 ${t.api.latencyP99} ms), Express hello-world ${t.hello.requestsPerSecond} req/s: ratio ${t.ratio}. Server peak RSS ${size.peakRssMb.server} MB (Cypher workers: ${size.peakRssMb.cypherWorkers.join(', ') || '-'} MB).`, '');
    lines.push('| target | wanted | measured | met |', '|---|---|---|---|');
    for (const target of size.targets) lines.push(`| ${target.name} | ${target.target} | ${target.value} | ${target.met ? 'yes' : `no (×${target.factor} off)`} |`);
    lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const machine = {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((value) => value.toFixed(2)).join(' '),
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
  };
  log(`bench (${settings.mode}): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage}`);
  const started = performance.now();
  const sizeResults: (SizeResult & { targets: Target[] })[] = [];
  for (const size of sizes) {
    const result = await benchSize(size);
    sizeResults.push({ ...result, targets: targets(result) });
  }
  const report = { date: new Date().toISOString(), machine, settings, seconds: Math.round((performance.now() - started) / 1000), sizes: sizeResults };
  const table = markdown(report);
  console.log(table);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  // A quick run is a smoke test (CI): it never replaces the full run's table the README shows.
  const name = quick ? 'quick' : 'latest';
  writeFileSync(join(root, `bench/results/${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const tablePath = quick ? `bench/results/${name}.md` : 'bench/RESULTS.md';
  writeFileSync(join(root, tablePath), `${table}\n`);
  log(`wrote bench/results/${name}.json and ${tablePath} in ${report.seconds} s`);
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
