// npm run bench [-- --quick] [--sizes 10000:100000,100000:1000000] [--runs N] [--seed N]
//
// Builds embedded stores of synthetic graphs (seed/synthetic.ts) and measures, per size: the load
// rate; the latency of node-by-id, search, 1- and 2-hop neighbourhoods (a typical node and the
// biggest hub), paths and a small ad-hoc Cypher query, both as a direct call in this process and
// through the HTTP API of the real server (a child process on the same store), timed by a client
// process of its own (bench/latency-client.ts) beside a bare HTTP round trip (the floor), so the
// server's overhead is a ratio from the same run; the 1-hop endpoint's throughput under
// concurrent load beside an Express hello-world, with the server's CPU per request; the server's
// peak memory; the load average. Prints a table, writes bench/results/latest.json and
// bench/RESULTS.md (a --quick run: bench/results/quick.*; --store DIR: bench/results/store.*).
// Options: --connections N (throughput, 16), --duration S, --runs N, --keep, --store DIR.
import { fork, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
import type { LatencyJob, LatencyReply, Target as RequestTarget } from './latency-client.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

// --- options ----------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    keep: { type: 'boolean' },
    store: { type: 'string' },
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
      if (!Number.isSafeInteger(nodes) || !Number.isSafeInteger(relationships))
        throw new Error(`--sizes takes nodes:relationships pairs, not "${pair}"`);
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
  connections: args.connections ? Number(args.connections) : 16,
  /** Direct and API runs alternate in this many rounds, so a neighbour's load that comes and
   *  goes during a case touches both alike. */
  rounds: 5,
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
  return {
    n: sorted.length,
    median: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
  };
}

async function timeCalls(run: () => Promise<unknown>, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

// --- processes --------------------------------------------------------------------------------------

interface Child {
  process: ChildProcess;
  url: string;
}

function startChild(script: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

/**
 * API latencies are timed by bench/latency-client.ts in a process of its own, not here: this
 * process holds the store, the heap the synthetic graph left and the direct calls, and a request
 * loop on its event loop timed those too (a hello-world round trip cost 0.2-1 ms more here).
 */
class LatencyClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (samples: number[][]) => void; reject: (error: Error) => void }
  >();
  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: LatencyReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.samples);
      else waiting.reject(new Error(reply.message));
    });
    child.once('exit', (code) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`the latency client exited (${code})`));
      this.pending.clear();
    });
  }

  static start(): Promise<LatencyClient> {
    const child = fork(join(root, 'bench/latency-client.ts'), [], {
      cwd: root,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new LatencyClient(child)));
      child.once('exit', (code) => reject(new Error(`the latency client exited (${code}) before it was ready`)));
    });
  }

  /** Samples per target, the targets sent in turn request by request. */
  time(targets: RequestTarget[], runs: number, warmup: number): Promise<number[][]> {
    const job: LatencyJob = { id: this.nextId++, targets, runs, warmup };
    return new Promise((resolve, reject) => {
      this.pending.set(job.id, { resolve, reject });
      this.child.send(job);
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

interface ThroughputResult {
  requestsPerSecond: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  /** CPU time (all threads: event loop, libuv pool, GC) the serving process spent per request. */
  serverCpuMsPerRequest: number;
}

/** CPU seconds (user + system, all threads) a process has used; 0 where /proc is not there. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

async function throughput(url: string, pid: number, seconds: number, connections: number): Promise<ThroughputResult> {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip' } });
  const cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuMsPerRequest: Math.round((cpuMs / Math.max(result.requests.total, 1)) * 1000) / 1000,
  };
}

// --- one size ---------------------------------------------------------------------------------------

interface CaseResult {
  name: string;
  direct: Stats;
  /** The request timed by the latency client, end to end. */
  api: Stats;
  /** A bare Node HTTP round trip (bench/hello.ts /floor) from the same client, sent in turn with
   *  the API request: what any HTTP answer costs on this machine, server or no server. */
  floor: Stats;
  /** API median / direct median, end to end. */
  ratio: number;
  /** (API median - floor median) / direct median: the direct call plus what the server adds to
   *  it, over the direct call. The API overhead target is this ratio. */
  serverRatio: number;
}

interface SizeResult extends Size {
  load: { ratesPerSecond: number[]; medianPerSecond: number; nodeSeconds: number; relationshipSeconds: number };
  typical: { id: string; degree: number };
  hub: { id: string; degree: number };
  cases: CaseResult[];
  throughput: { endpoint: string; api: ThroughputResult; hello: ThroughputResult; ratio: number };
  peakRssMb: { server: number; cypherWorkers: number[] };
  /** 1, 5 and 15 minute load averages when this size's measurements began and ended. */
  loadAverage: { start: string; end: string };
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
    load: {
      ratesPerSecond: rates,
      medianPerSecond: median(rates),
      nodeSeconds: last.nodeMs / 1000,
      relationshipSeconds: last.relationshipMs / 1000,
    },
  };
}

function pickNodes(size: Size): { typical: string[]; hub: string; degrees: Map<string, number> } {
  const graph = new SyntheticGraph({ ...size, seed: settings.seed });
  const degrees = graph.degrees();
  const people = [...graph.nodes()]
    .filter((node) => node.label === 'Person')
    .map((node) => ({ id: node.id, degree: degrees.get(node.id) ?? 0 }));
  const typicalDegree = median(people.map((person) => person.degree));
  const typical = people.filter((person) => person.degree === typicalDegree).map((person) => person.id);
  let hub = '';
  let hubDegree = -1;
  for (const [id, degree] of degrees) if (degree > hubDegree) [hub, hubDegree] = [id, degree];
  return { typical, hub, degrees };
}

const adHoc = 'MATCH (n:Entity {id: $id})-[r]-(m) RETURN m.name AS name, type(r) AS type LIMIT 25';

const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function benchSize(size: Size, client: LatencyClient): Promise<SizeResult> {
  log(`\n== ${size.nodes} nodes, ${size.relationships} relationships`);
  // --store DIR: measure a store an earlier run kept (--keep) or `npm run seed` built, of this
  // size and seed, without loading it again (the load rate is then not measured).
  const { dataDir, load } = args.store
    ? { dataDir: args.store, load: { ratesPerSecond: [], medianPerSecond: 0, nodeSeconds: 0, relationshipSeconds: 0 } }
    : await buildStore(size);
  log(args.store ? `  store: ${dataDir} (load not measured)` : `  load: ${load.medianPerSecond} relationships/s`);
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
  const loadAtStart = loadAverage();
  try {
    const hood = (ids: string[], depth: number) =>
      neighborhood(store, { ids, depth, types: [], labels: [], from: null, to: null, limit: 200 });
    const enc = encodeURIComponent;
    const get = (path: string): RequestTarget => ({ base: server.url, method: 'GET', path });
    const cases: { name: string; direct: () => Promise<unknown>; api: RequestTarget }[] = [
      { name: 'node by id', direct: () => nodeDetails(store, node), api: get(`/api/nodes/${enc(node)}`) },
      {
        name: 'search "kovalenko"',
        direct: () => search(store, { q: 'kovalenko', labels: [], limit: 20 }),
        api: get('/api/search?q=kovalenko'),
      },
      {
        name: '1-hop, typical node',
        direct: () => hood([node], 1),
        api: get(`/api/graph/neighborhood?ids=${enc(node)}&depth=1`),
      },
      {
        name: '2-hop, typical node',
        direct: () => hood([node], 2),
        api: get(`/api/graph/neighborhood?ids=${enc(node)}&depth=2`),
      },
      { name: '1-hop, hub', direct: () => hood([hub], 1), api: get(`/api/graph/neighborhood?ids=${enc(hub)}&depth=1`) },
      { name: '2-hop, hub', direct: () => hood([hub], 2), api: get(`/api/graph/neighborhood?ids=${enc(hub)}&depth=2`) },
      {
        name: 'shortest path, typical nodes',
        direct: () => shortestPaths(store, { from: node, to: other, maxLength: 4, types: [], all: false }),
        api: get(`/api/graph/paths?from=${enc(node)}&to=${enc(other)}`),
      },
      {
        name: 'ad-hoc Cypher (1-hop, 25 rows)',
        direct: () => store.read({ text: adHoc }, { id: node }),
        api: { base: server.url, method: 'POST', path: '/api/cypher', body: { query: adHoc, params: { id: node } } },
      },
    ];
    const floor: RequestTarget = { base: hello.url, method: 'GET', path: '/floor' };
    const results: CaseResult[] = [];
    for (const { name, direct, api } of cases) {
      // Hub queries can be slow: fewer runs where one run takes long.
      const probe = performance.now();
      await direct();
      const runs = performance.now() - probe > 200 ? Math.min(settings.runs, 20) : settings.runs;
      // Same query, same store, same run: direct calls here and API requests from the client
      // process alternate in rounds; each API request is followed by a floor round trip.
      const rounds = Math.min(settings.rounds, runs);
      const samples = { direct: [] as number[], api: [] as number[], floor: [] as number[] };
      for (let round = 0; round < rounds; round++) {
        const share = Math.floor(runs / rounds) + (round < runs % rounds ? 1 : 0);
        const warmup = round === 0 ? settings.warmup : 2;
        samples.direct.push(...(await timeCalls(direct, share, warmup)));
        const [apiSamples, floorSamples] = await client.time([api, floor], share, warmup);
        samples.api.push(...apiSamples!);
        samples.floor.push(...floorSamples!);
      }
      const [directStats, apiStats, floorStats] = [stats(samples.direct), stats(samples.api), stats(samples.floor)];
      const divisor = Math.max(directStats.median, 1e-6);
      const ratio = Math.round((apiStats.median / divisor) * 100) / 100;
      const serverRatio = Math.round((Math.max(apiStats.median - floorStats.median, 0) / divisor) * 100) / 100;
      results.push({ name, direct: directStats, api: apiStats, floor: floorStats, ratio, serverRatio });
      log(
        `  ${name}: direct ${directStats.median} ms, API ${apiStats.median} ms (p99 ${apiStats.p99}), floor ${floorStats.median} ms: ×${ratio} end to end, ×${serverRatio} less the floor`,
      );
    }

    const endpoint = `/api/graph/neighborhood?ids=${enc(node)}&depth=1`;
    log(`  throughput: ${settings.throughputSeconds} s each, ${settings.connections} connections`);
    const apiThroughput = await throughput(
      new URL(endpoint, server.url).href,
      server.process.pid!,
      settings.throughputSeconds,
      settings.connections,
    );
    const helloThroughput = await throughput(
      new URL('/hello', hello.url).href,
      hello.process.pid!,
      settings.throughputSeconds,
      settings.connections,
    );
    const ratio =
      Math.round((apiThroughput.requestsPerSecond / Math.max(helloThroughput.requestsPerSecond, 1)) * 100) / 100;
    log(
      `  1-hop ${apiThroughput.requestsPerSecond} req/s (${apiThroughput.serverCpuMsPerRequest} ms CPU each), hello-world ${helloThroughput.requestsPerSecond} req/s (${helloThroughput.serverCpuMsPerRequest} ms CPU each): ×${ratio}`,
    );

    const peak = {
      server: peakRssMb(server.process.pid!),
      cypherWorkers: childPids(server.process.pid!).map(peakRssMb),
    };
    return {
      ...size,
      load,
      typical: { id: node, degree: degrees.get(node) ?? 0 },
      hub: { id: hub, degree: degrees.get(hub) ?? 0 },
      cases: results,
      throughput: { endpoint, api: apiThroughput, hello: helloThroughput, ratio },
      peakRssMb: peak,
      loadAverage: { start: loadAtStart, end: loadAverage() },
    };
  } finally {
    await store.close();
    await stopChild(hello);
    await stopChild(server);
    if (!args.keep && !args.store) rmSync(dataDir, { recursive: true, force: true });
    else if (!args.store) log(`  kept the store in ${dataDir}`);
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
  const cypher = result.cases.find((c) => c.name.startsWith('ad-hoc Cypher'))!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return [
    {
      name: '1-hop p99 through the API (typical node)',
      target: '< 20 ms',
      value: `${oneHop.api.p99} ms`,
      met: oneHop.api.p99 < 20,
      factor: round(oneHop.api.p99 / 20),
    },
    {
      name: 'API overhead, 1-hop ((API - HTTP floor) / direct median)',
      target: '< 1.5×',
      value: `×${oneHop.serverRatio} (end to end ×${oneHop.ratio})`,
      met: oneHop.serverRatio < 1.5,
      factor: round(oneHop.serverRatio / 1.5),
    },
    {
      name: 'API overhead, ad-hoc Cypher ((API - HTTP floor) / direct median)',
      target: '< 1.5×',
      value: `×${cypher.serverRatio} (end to end ×${cypher.ratio})`,
      met: cypher.serverRatio < 1.5,
      factor: round(cypher.serverRatio / 1.5),
    },
    {
      name: '1-hop throughput / hello-world',
      target: '≥ 0.5',
      value: `${result.throughput.ratio}`,
      met: result.throughput.ratio >= 0.5,
      factor: round(0.5 / Math.max(result.throughput.ratio, 1e-6)),
    },
    {
      name: 'load rate',
      target: '≥ 100000 rel/s',
      value: `${result.load.medianPerSecond} rel/s`,
      met: result.load.medianPerSecond >= 100_000,
      factor: round(100_000 / Math.max(result.load.medianPerSecond, 1)),
    },
  ].filter((target) => target.name !== 'load rate' || result.load.ratesPerSecond.length > 0);
}

function markdown(report: {
  machine: Record<string, unknown>;
  settings: typeof settings;
  date: string;
  sizes: (SizeResult & { targets: Target[] })[];
}): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`# Benchmark results`, '');
  lines.push(
    `\`npm run bench${report.settings.mode === 'quick' ? ' -- --quick' : ''}\` on ${report.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage} at the start.`,
  );
  lines.push(
    `Latencies in ms over ${report.settings.runs} runs (20 for queries slower than 200 ms) after ${report.settings.warmup} warm-up runs, same query, same store, same run.`,
    `"Direct" is the domain call (or, for ad-hoc Cypher, the store's read) in the benchmark's process on its own read-only handle of the store.`,
    `"API" is the HTTP request to the real server (a child process on the same store; gzip accepted, body read), timed end to end by a client in a process of its own (bench/latency-client.ts) that does nothing else;`,
    `"floor" is a bare Node HTTP round trip (no Express) from that client to bench/hello.ts, sent in turn with each API request: what any HTTP answer costs on this machine.`,
    `Direct and API runs alternate in ${report.settings.rounds} rounds. "API / direct" is end to end; "(API − floor) / direct" is the direct call plus what the server adds to it (routing, middleware, validation, mapping, serialisation, the Cypher worker's IPC), over the direct call: the API overhead target.`,
    '',
  );
  for (const size of report.sizes) {
    lines.push(
      `## ${size.nodes.toLocaleString('en')} nodes, ${size.relationships.toLocaleString('en')} relationships`,
      '',
    );
    const loaded =
      size.load.ratesPerSecond.length > 0
        ? `Load: ${size.load.medianPerSecond.toLocaleString('en')} relationships/s (median of ${size.load.ratesPerSecond.length}; nodes ${size.load.nodeSeconds.toFixed(1)} s, relationships ${size.load.relationshipSeconds.toFixed(1)} s).`
        : 'Load: not measured (--store: a store built earlier).';
    lines.push(
      `${loaded} Typical node \`${size.typical.id}\` (degree ${size.typical.degree}), hub \`${size.hub.id}\` (degree ${size.hub.degree}).`,
      '',
    );
    lines.push(
      `Load average ${size.loadAverage.start} when the measurements began, ${size.loadAverage.end} when they ended.`,
      '',
    );
    lines.push(
      '| query | direct median | direct p95 | direct p99 | API median | API p95 | API p99 | floor median | API / direct | (API − floor) / direct |',
    );
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const c of size.cases) {
      lines.push(
        `| ${c.name} | ${c.direct.median} | ${c.direct.p95} | ${c.direct.p99} | ${c.api.median} | ${c.api.p95} | ${c.api.p99} | ${c.floor.median} | ×${c.ratio} | ×${c.serverRatio} |`,
      );
    }
    lines.push('');
    const t = size.throughput;
    lines.push(
      `Throughput (autocannon in the benchmark's process, ${report.settings.connections} connections, ${report.settings.throughputSeconds} s, UV_THREADPOOL_SIZE ${m.uvThreadpoolSize}): 1-hop ${t.api.requestsPerSecond} req/s (p99 ${t.api.latencyP99} ms; the server spent ${t.api.serverCpuMsPerRequest} ms of CPU per request, all threads), Express hello-world ${t.hello.requestsPerSecond} req/s (${t.hello.serverCpuMsPerRequest} ms CPU per request): ratio ${t.ratio}. Server peak RSS ${size.peakRssMb.server} MB (Cypher workers: ${size.peakRssMb.cypherWorkers.join(', ') || '-'} MB).`,
      '',
    );
    lines.push('| target | wanted | measured | met |', '|---|---|---|---|');
    for (const target of size.targets)
      lines.push(
        `| ${target.name} | ${target.target} | ${target.value} | ${target.met ? 'yes' : `no (×${target.factor} off)`} |`,
      );
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
    loadAverage: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
  };
  log(
    `bench (${settings.mode}): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage}`,
  );
  const started = performance.now();
  const sizeResults: (SizeResult & { targets: Target[] })[] = [];
  const client = await LatencyClient.start();
  try {
    for (const size of sizes) {
      const result = await benchSize(size, client);
      sizeResults.push({ ...result, targets: targets(result) });
    }
  } finally {
    client.stop();
  }
  const report = {
    date: new Date().toISOString(),
    machine,
    settings,
    seconds: Math.round((performance.now() - started) / 1000),
    sizes: sizeResults,
  };
  const table = markdown(report);
  console.log(table);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  // A quick run is a smoke test (CI), a --store run skips the load: neither replaces the full
  // run's table the README shows.
  const name = quick ? 'quick' : args.store ? 'store' : 'latest';
  writeFileSync(join(root, `bench/results/${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const tablePath = name === 'latest' ? 'bench/RESULTS.md' : `bench/results/${name}.md`;
  writeFileSync(join(root, tablePath), `${table}\n`);
  log(`wrote bench/results/${name}.json and ${tablePath} in ${report.seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
