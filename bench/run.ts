// npm run bench [-- --quick] [--sizes 10000:100000,100000:1000000] [--runs N] [--seed N] [--neo4j]
//
// Builds stores of synthetic graphs (seed/synthetic.ts) and measures, per size: the load (rate,
// time, hub summaries, the loading process's memory); the latency of node-by-id, search, 1- and
// 2-hop neighbourhoods (a typical node and the biggest hub), paths and a small ad-hoc Cypher query,
// both as a direct call in this process and through the HTTP API of the real server (a child
// process on the same store), timed by a client process of its own (bench/latency-client.ts)
// beside a bare HTTP round trip (the floor), so the server's overhead is a ratio from the same
// run; the 1-hop endpoint's throughput beside an Express hello-world, with the server's CPU per
// request; the memory of the server and of each ad-hoc Cypher worker; the load average beside every
// figure; and, given two sizes or more, how each row grows from the first to the last.
//
// The long run, not in CI: `npm run bench -- --sizes 1000000:10000000` (about an hour on two
// cores; it checks memory before each load and stops a load that would exhaust it).
// `--neo4j` measures the server in NEO4J_URI (NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)
// instead: its database must be empty (the synthetic graph is loaded) or hold exactly that graph.
//
// Writes bench/results/latest.json and bench/RESULTS.md (keeping RESULTS.md's notes); a --quick
// run writes bench/results/quick.*, --store DIR bench/results/store.*, --neo4j bench/results/neo4j.*.
// Options: --connections N (throughput, 16), --duration S, --runs N, --keep, --store DIR,
// --workers N (CYPHER_WORKERS for the server), --separate (direct calls first, then the server:
// for a store that does not fit in memory twice; chosen by itself when memory is short).
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { storeCounts } from '../server/domain/schema.ts';
import { openEmbeddedStore } from '../server/store/embedded.ts';
import { openNeo4jStore, type Neo4jOptions } from '../server/store/neo4j.ts';
import { embeddedDatabasePath } from '../server/store/open.ts';
import type { GraphStore } from '../server/store/port.ts';
import { SyntheticGraph } from '../seed/synthetic.ts';
import { cases, runsFor, timeCalls } from './cases.ts';
import type { DirectJob, DirectReply } from './direct-runner.ts';
import type { Target as RequestTarget } from './latency-client.ts';
import { LatencyClient } from './latency-timer.ts';
import type { LoadJob, LoadProgress, LoadReply } from './load-store.ts';
import {
  availableMb,
  childPids,
  commandLine,
  consoleReady,
  cpuSeconds,
  diskBytes,
  loadAverage,
  peakRssMb,
  root,
  rssMb,
  serverReady,
  startChild,
  stopChild,
  watchMemory,
} from './processes.ts';
import {
  markdown,
  stats,
  targets,
  withNotes,
  type CaseResult,
  type LoadResult,
  type MemoryResult,
  type Report,
  type SizeResult,
  type ThroughputResult,
} from './report.ts';

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
    neo4j: { type: 'boolean' },
    workers: { type: 'string' },
    separate: { type: 'boolean' },
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
  batchSize: 10_000,
  throughputSeconds: args.duration ? Number(args.duration) : quick ? 3 : 10,
  connections: args.connections ? Number(args.connections) : 16,
  /** Direct and API runs alternate in this many rounds, so a neighbour's load that comes and
   *  goes during a case touches both alike. */
  rounds: 5,
};

const neo4jOptions: Neo4jOptions | undefined = process.env.NEO4J_URI
  ? {
      uri: process.env.NEO4J_URI,
      username: process.env.NEO4J_USERNAME ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
    }
  : undefined;

// Memory, from 100k/1M runs of the embedded store (bench/RESULTS.md): the loading process peaked at
// about 1.5 kB per relationship; each process that opens the store holds a private copy that grows
// as queries touch it. A size is loaded only when this much is available with a quarter to spare.
const loadKbPerRelationship = 1.5;
/** A load is stopped when available memory falls under this (other work shares the machine). */
const memoryFloorMb = 1024;

// --- timing -----------------------------------------------------------------------------------------

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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const log = (message: string) => process.stderr.write(`${message}\n`);
const gb = (mb: number) => `${(mb / 1024).toFixed(1)} GB`;

// --- loading ----------------------------------------------------------------------------------------

class SkipSize extends Error {}

/** Loads the graph in a child process (bench/load-store.ts), watching memory while it runs. */
async function loadInChild(size: Size, target: LoadJob['target']): Promise<LoadResult> {
  const child = fork(join(root, 'bench/load-store.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const loadStart = loadAverage();
  let stopped: string | undefined;
  // Settled when the process has exited (its store closed), with its reply if it sent one.
  const done = new Promise<LoadReply>((resolve, reject) => {
    let reply: LoadReply | undefined;
    child.on('message', (message: LoadReply | LoadProgress) => {
      if ('progress' in message)
        log(`  load: ${message.progress}/${size.relationships} relationships (available ${gb(availableMb())})`);
      else reply = message;
    });
    child.once('exit', (code) =>
      reply ? resolve(reply) : reject(new Error(stopped ?? `the loading process exited (${code}) before it replied`)),
    );
  });
  child.send({ ...size, seed: settings.seed, batchSize: settings.batchSize, target } satisfies LoadJob);
  const { result, peakMb, lowestAvailableMb } = await watchMemory(
    () => child.pid,
    memoryFloorMb,
    done,
    (left) => {
      stopped = `stopped the load: available memory fell to ${left} MB (floor ${memoryFloorMb} MB)`;
      child.kill('SIGKILL');
    },
  );
  if (!result.ok) throw new Error(result.message);
  const { relationshipRate, nodeMs, relationshipMs, hubs, summaryMs } = result.result;
  log(`  lowest available memory while loading: ${gb(lowestAvailableMb)}`);
  return {
    ratesPerSecond: [Math.round(relationshipRate)],
    medianPerSecond: Math.round(relationshipRate),
    nodeSeconds: nodeMs / 1000,
    relationshipSeconds: relationshipMs / 1000,
    hubs,
    summarySeconds: summaryMs / 1000,
    peakRssMb: peakMb,
    loadAverage: { start: loadStart, end: loadAverage() },
  };
}

/** An embedded store of this size, loaded into a new folder (or the --store one). */
async function embeddedStoreFor(
  size: Size,
): Promise<{ dataDir: string; load: LoadResult | null; availableBeforeLoadMb: number }> {
  const availableBeforeLoadMb = availableMb();
  if (args.store) return { dataDir: args.store, load: null, availableBeforeLoadMb };
  const needMb = Math.round((size.relationships * loadKbPerRelationship * 1.25) / 1024);
  if (availableBeforeLoadMb < needMb)
    throw new SkipSize(
      `${size.nodes}:${size.relationships} needs about ${gb(needMb)} to load (${loadKbPerRelationship} kB per relationship, a quarter to spare); ${gb(availableBeforeLoadMb)} is available`,
    );
  const dataDir = mkdtempSync(join(os.tmpdir(), 'kg-bench-'));
  try {
    return {
      dataDir,
      load: await loadInChild(size, { embedded: embeddedDatabasePath(dataDir) }),
      availableBeforeLoadMb,
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** The Neo4j database, holding this size's graph: loaded when empty, used as it is when it holds it. */
async function neo4jStoreFor(size: Size, options: Neo4jOptions): Promise<LoadResult | null> {
  const store = await openNeo4jStore(options);
  try {
    const counts = await storeCounts(store);
    if (counts.nodes === size.nodes && counts.relationships === size.relationships) return null;
    if (counts.nodes > 0)
      throw new SkipSize(
        `the Neo4j database holds ${counts.nodes} nodes and ${counts.relationships} relationships: give an empty database, or one holding this synthetic graph (${size.nodes}:${size.relationships}, seed ${settings.seed})`,
      );
  } finally {
    await store.close();
  }
  const loaded = await loadInChild(size, { neo4j: options });
  const check = await openNeo4jStore(options);
  try {
    // The full-text index fills in the background: searches wait for it.
    await check.read({ text: 'CALL db.awaitIndexes(3600)' });
  } finally {
    await check.close();
  }
  return loaded;
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

// --- one size ---------------------------------------------------------------------------------------

function caseResult(
  name: string,
  samples: { direct: number[]; api: number[]; floor: number[] },
  loadAt: string,
): CaseResult {
  const [direct, api, floor] = [stats(samples.direct), stats(samples.api), stats(samples.floor)];
  const divisor = Math.max(direct.median, 1e-6);
  const ratio = Math.round((api.median / divisor) * 100) / 100;
  const serverRatio = Math.round((Math.max(api.median - floor.median, 0) / divisor) * 100) / 100;
  log(
    `  ${name}: direct ${direct.median} ms, API ${api.median} ms (p99 ${api.p99}), floor ${floor.median} ms: ×${ratio} end to end, ×${serverRatio} less the floor (load ${loadAt})`,
  );
  return { name, direct, api, floor, ratio, serverRatio, loadAverage: loadAt };
}

/** Every case's direct calls in a process of its own (bench/direct-runner.ts), watching memory. */
async function directInChild(job: DirectJob): Promise<Extract<DirectReply, { ok: true }>> {
  const child = fork(join(root, 'bench/direct-runner.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let stopped: string | undefined;
  // Settled when the process has exited (its memory the system's again), with its reply if it sent one.
  const done = new Promise<DirectReply>((resolve, reject) => {
    let reply: DirectReply | undefined;
    child.once('message', (message: DirectReply) => (reply = message));
    child.once('exit', (code) =>
      reply ? resolve(reply) : reject(new Error(stopped ?? `the direct runner exited (${code}) before it replied`)),
    );
  });
  child.send(job);
  const { result } = await watchMemory(
    () => child.pid,
    memoryFloorMb,
    done,
    (left) => {
      stopped = `stopped the direct calls: available memory fell to ${left} MB (floor ${memoryFloorMb} MB)`;
      child.kill('SIGKILL');
    },
  );
  if (!result.ok) throw new Error(result.message);
  return result;
}

async function benchSize(size: Size, client: LatencyClient): Promise<SizeResult> {
  const kind = args.neo4j ? 'neo4j' : 'embedded';
  log(`\n== ${size.nodes} nodes, ${size.relationships} relationships (${kind}); available memory ${gb(availableMb())}`);
  const built =
    kind === 'neo4j'
      ? { dataDir: '', load: await neo4jStoreFor(size, neo4jOptions!), availableBeforeLoadMb: availableMb() }
      : await embeddedStoreFor(size);
  try {
    return await measure(size, client, kind, built);
  } finally {
    if (kind === 'embedded') {
      if (!args.keep && !args.store) rmSync(built.dataDir, { recursive: true, force: true });
      else if (!args.store) log(`  kept the store in ${built.dataDir}`);
    }
  }
}

async function measure(
  size: Size,
  client: LatencyClient,
  kind: 'embedded' | 'neo4j',
  { dataDir, load, availableBeforeLoadMb }: { dataDir: string; load: LoadResult | null; availableBeforeLoadMb: number },
): Promise<SizeResult> {
  const lowestAvailableMb = availableMb();
  log(load ? `  load: ${load.medianPerSecond} relationships/s` : '  load: not measured (a store built earlier)');
  // The database file and its write-ahead log beside it.
  const storeFileMb = kind === 'embedded' ? Math.round(diskBytes(dataDir) / 2 ** 20) : 0;
  const openDirect = (): Promise<GraphStore> =>
    kind === 'neo4j'
      ? openNeo4jStore(neo4jOptions!)
      : Promise.resolve(openEmbeddedStore({ path: embeddedDatabasePath(dataDir), readOnly: true }));
  // A store does not fit twice (this process's handle beside the server and its workers) when the
  // loading process's peak, once per process, is more than is available.
  const processes = 2 + Number(args.workers ?? 2) / 2;
  const separate =
    kind === 'embedded' &&
    (args.separate === true || (load !== null && load.peakRssMb * processes > availableMb() * 0.8));
  if (separate) log('  measured separately: direct calls first, then the server');

  const { typical, hub, degrees } = pickNodes(size);
  const node = typical[0]!;
  const other = typical[Math.floor(typical.length / 2)] ?? typical[typical.length - 1]!;
  const subjects = { node, other, hub };
  const list = cases(subjects);
  const loadAtStart = loadAverage();
  const samples = new Map(
    list.map((c) => [c.name, { direct: [] as number[], api: [] as number[], floor: [] as number[] }]),
  );
  const loadAt = new Map<string, string>();
  const runs = new Map<string, number>();
  const rssBefore = rssMb(process.pid);
  let directHandleMb = 0;
  if (separate) {
    const timed = await directInChild({
      databasePath: embeddedDatabasePath(dataDir),
      subjects,
      runs: settings.runs,
      warmup: settings.warmup,
    });
    for (const c of timed.cases) {
      samples.get(c.name)!.direct.push(...c.samples);
      runs.set(c.name, c.runs);
      loadAt.set(c.name, c.loadAverage);
    }
    directHandleMb = timed.handleMb;
  }

  let direct: GraphStore | undefined;
  const server = await startChild(
    'server/main.ts',
    {
      ...process.env,
      DATA_DIR: dataDir || os.tmpdir(),
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'silent',
      NEO4J_URI: kind === 'neo4j' ? neo4jOptions!.uri : '',
      API_TOKEN: '',
      ALLOW_WRITES: 'false',
      RATE_LIMIT_CYPHER: '1000000',
      ...(args.workers ? { CYPHER_WORKERS: args.workers } : {}),
    },
    serverReady,
  );
  const hello = await startChild('bench/hello.ts', { ...process.env }, /ready at (http:\/\/\S+?\/)/);
  const serverPid = server.process.pid!;
  await consoleReady(server.url);
  // The ad-hoc Cypher workers (tsx's own helper process is a child of the server too).
  const workerPids = childPids(serverPid).filter((pid) => commandLine(pid).includes('cypher-console/worker.ts'));
  const ready = { server: rssMb(serverPid), workers: workerPids.map(rssMb) };
  log(`  server ready: ${ready.server} MB; workers ${ready.workers.join(', ') || '-'} MB`);
  // As for a load: stop the server (and so this size) before the machine runs out of memory.
  let stopped: string | undefined;
  const watchdog = setInterval(() => {
    const left = availableMb();
    if (left >= memoryFloorMb || stopped) return;
    stopped = `stopped the server: available memory fell to ${left} MB (floor ${memoryFloorMb} MB)`;
    server.process.kill('SIGKILL');
  }, 1000);
  try {
    if (!separate) direct = await openDirect();
    const floor: RequestTarget = { base: hello.url, method: 'GET', path: '/floor' };
    for (const c of list) {
      const count = runs.get(c.name) ?? (await runsFor(() => c.direct(direct!), settings.runs));
      runs.set(c.name, count);
      if (!separate) loadAt.set(c.name, loadAverage());
      // Same query, same store, same run: direct calls here and API requests from the client
      // process alternate in rounds; each API request is followed by a floor round trip.
      const rounds = Math.min(settings.rounds, count);
      for (let round = 0; round < rounds; round++) {
        const share = Math.floor(count / rounds) + (round < count % rounds ? 1 : 0);
        const warmup = round === 0 ? settings.warmup : 2;
        if (!separate) samples.get(c.name)!.direct.push(...(await timeCalls(() => c.direct(direct!), share, warmup)));
        const [apiSamples, floorSamples] = await client.time([c.api(server.url), floor], share, warmup);
        samples.get(c.name)!.api.push(...apiSamples!);
        samples.get(c.name)!.floor.push(...floorSamples!);
      }
    }
    if (!separate) directHandleMb = rssMb(process.pid) - rssBefore;
    const results = list.map((c) => caseResult(c.name, samples.get(c.name)!, loadAt.get(c.name)!));

    const endpoint = `/api/graph/neighborhood?ids=${encodeURIComponent(node)}&depth=1`;
    log(`  throughput: ${settings.throughputSeconds} s each, ${settings.connections} connections`);
    const apiThroughput = await throughput(
      new URL(endpoint, server.url).href,
      serverPid,
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
      `  1-hop ${apiThroughput.requestsPerSecond} req/s (${apiThroughput.serverCpuMsPerRequest} ms CPU each), hello-world ${helloThroughput.requestsPerSecond} req/s: ×${ratio}`,
    );
    const memory: MemoryResult = {
      availableBeforeLoadMb,
      lowestAvailableMb: Math.min(lowestAvailableMb, availableMb()),
      storeFileMb,
      server: { readyMb: ready.server, peakMb: peakRssMb(serverPid) },
      workers: workerPids.map((pid, at) => ({ readyMb: ready.workers[at]!, peakMb: peakRssMb(pid) })),
      directHandleMb,
    };
    log(`  memory: ${JSON.stringify(memory)}`);
    return {
      ...size,
      store: kind,
      load,
      typical: { id: node, degree: degrees.get(node) ?? 0 },
      hub: { id: hub, degree: degrees.get(hub) ?? 0 },
      cases: results,
      throughput: { endpoint, api: apiThroughput, hello: helloThroughput, ratio },
      memory,
      separate,
      loadAverage: { start: loadAtStart, end: loadAverage() },
    };
  } catch (error) {
    throw stopped ? new SkipSize(`${size.nodes}:${size.relationships}: ${stopped}`) : error;
  } finally {
    clearInterval(watchdog);
    await direct?.close();
    await stopChild(hello);
    await stopChild(server);
  }
}

// --- main -------------------------------------------------------------------------------------------

function outputName(): string {
  if (quick) return 'quick';
  if (args.neo4j) return 'neo4j';
  return args.store ? 'store' : 'latest';
}

async function main(): Promise<void> {
  const machine = {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: loadAverage(),
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
  };
  if (args.neo4j && !neo4jOptions) {
    log(
      'bench --neo4j: skipped: NEO4J_URI is not set (give the server to measure in NEO4J_URI, with NEO4J_USERNAME and NEO4J_PASSWORD)',
    );
    return;
  }
  log(
    `bench (${settings.mode}): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage}`,
  );
  const started = performance.now();
  const sizeResults: Report['sizes'] = [];
  const skipped: string[] = [];
  const client = await LatencyClient.start();
  try {
    for (const size of sizes) {
      try {
        const result = await benchSize(size, client);
        sizeResults.push({ ...result, targets: targets(result) });
      } catch (error) {
        if (!(error instanceof SkipSize) && !/stopped the load/.test(String(error))) throw error;
        log(`  skipped: ${(error as Error).message}`);
        skipped.push((error as Error).message);
      }
    }
  } finally {
    client.stop();
  }
  const report: Report = {
    date: new Date().toISOString(),
    machine,
    settings,
    seconds: Math.round((performance.now() - started) / 1000),
    sizes: sizeResults,
    skipped,
  };
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const table = markdown(report, command);
  console.log(table);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  // A quick run is a smoke test (CI), a --store run skips the load, a --neo4j run measures another
  // store: none replaces the full run's table the README shows.
  const name = outputName();
  writeFileSync(join(root, `bench/results/${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const tablePath = name === 'latest' ? 'bench/RESULTS.md' : `bench/results/${name}.md`;
  const previous = existsSync(join(root, tablePath)) ? readFileSync(join(root, tablePath), 'utf8') : undefined;
  writeFileSync(join(root, tablePath), withNotes(table, previous));
  log(`wrote bench/results/${name}.json and ${tablePath} in ${report.seconds} s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
