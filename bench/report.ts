// The benchmark's results: their shape, the targets they are held to, and the Markdown report.
export interface Stats {
  n: number;
  median: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    n: sorted.length,
    median: round3(at(0.5)),
    p95: round3(at(0.95)),
    p99: round3(at(0.99)),
    min: round3(sorted[0]!),
    max: round3(sorted[sorted.length - 1]!),
  };
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const round2 = (value: number) => Math.round(value * 100) / 100;

export interface CaseResult {
  name: string;
  /** The domain call in the benchmark's process on its own handle of the store. */
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
  /** 1, 5 and 15 minute load averages when this case began. */
  loadAverage: string;
}

export interface ThroughputResult {
  requestsPerSecond: number;
  latencyP99: number;
  non2xx: number;
  errors: number;
  /** CPU time (all threads: event loop, libuv pool, GC) the serving process spent per request. */
  serverCpuMsPerRequest: number;
}

export interface LoadResult {
  ratesPerSecond: number[];
  medianPerSecond: number;
  nodeSeconds: number;
  relationshipSeconds: number;
  /** Hub summaries written after the relationships (not in the rate). */
  hubs: number;
  summarySeconds: number;
  /** Peak resident memory of the loading process. */
  peakRssMb: number;
  loadAverage: { start: string; end: string };
}

export interface MemoryResult {
  /** MemAvailable before the load, and the lowest seen while loading. */
  availableBeforeLoadMb: number;
  lowestAvailableMb: number;
  /** The embedded store on disk, its file and write-ahead log (0 for Neo4j). */
  storeFileMb: number;
  /** Resident memory once the server answered (its store open), and its peak over the run. */
  server: { readyMb: number; peakMb: number };
  /** The same for each ad-hoc Cypher worker process (none on Neo4j). */
  workers: { readyMb: number; peakMb: number }[];
  /** What opening its own read-only handle and running the direct calls added to this process. */
  directHandleMb: number;
}

export interface SizeResult {
  nodes: number;
  relationships: number;
  store: 'embedded' | 'neo4j';
  load: LoadResult | null;
  typical: { id: string; degree: number };
  hub: { id: string; degree: number };
  cases: CaseResult[];
  throughput: { endpoint: string; api: ThroughputResult; hello: ThroughputResult; ratio: number };
  memory: MemoryResult;
  /** Direct calls first, then the server: the store did not fit in memory twice. */
  separate: boolean;
  loadAverage: { start: string; end: string };
}

export interface Target {
  name: string;
  target: string;
  value: string;
  met: boolean;
  /** How far off: value / limit for "below" targets, limit / value for "at least" ones. */
  factor: number;
}

/** Issue 15's goals (p99 through the API), then the earlier API overhead and throughput ones. */
const latencyGoals: { name: string; row: string; below: number }[] = [
  { name: 'search "kovalenko" p99', row: 'search "kovalenko"', below: 20 },
  { name: '1-hop p99, typical node', row: '1-hop, typical node', below: 10 },
  { name: '2-hop p99, typical node', row: '2-hop, typical node', below: 20 },
  { name: '1-hop p99, hub', row: '1-hop, hub', below: 50 },
  { name: '2-hop p99, hub', row: '2-hop, hub', below: 200 },
  { name: 'shortest path p99, typical nodes', row: 'shortest path, typical nodes', below: 30 },
];

export function targets(result: SizeResult): Target[] {
  const found = (name: string) => result.cases.find((c) => c.name === name);
  const list: Target[] = [];
  for (const goal of latencyGoals) {
    const row = found(goal.row);
    if (!row) continue;
    list.push({
      name: goal.name,
      target: `< ${goal.below} ms`,
      value: `${row.api.p99} ms`,
      met: row.api.p99 < goal.below,
      factor: round2(row.api.p99 / goal.below),
    });
  }
  const oneHop = found('1-hop, typical node');
  if (oneHop && !result.separate)
    list.push({
      name: 'API overhead, 1-hop ((API - HTTP floor) / direct median)',
      target: '< 1.5×',
      value: `×${oneHop.serverRatio} (end to end ×${oneHop.ratio})`,
      met: oneHop.serverRatio < 1.5,
      factor: round2(oneHop.serverRatio / 1.5),
    });
  const cypher = result.cases.find((c) => c.name.startsWith('ad-hoc Cypher'));
  if (cypher && !result.separate)
    list.push({
      name: 'API overhead, ad-hoc Cypher ((API - HTTP floor) / direct median)',
      target: '< 1.5×',
      value: `×${cypher.serverRatio} (end to end ×${cypher.ratio})`,
      met: cypher.serverRatio < 1.5,
      factor: round2(cypher.serverRatio / 1.5),
    });
  list.push({
    name: '1-hop throughput / hello-world',
    target: '≥ 0.5',
    value: `${result.throughput.ratio}`,
    met: result.throughput.ratio >= 0.5,
    factor: round2(0.5 / Math.max(result.throughput.ratio, 1e-6)),
  });
  if (result.load && result.load.ratesPerSecond.length > 0)
    list.push({
      name: 'load rate',
      target: '≥ 100000 rel/s',
      value: `${result.load.medianPerSecond} rel/s`,
      met: result.load.medianPerSecond >= 100_000,
      factor: round2(100_000 / Math.max(result.load.medianPerSecond, 1)),
    });
  return list;
}

export interface GrowthRow {
  name: string;
  apiMedian: number;
  apiP99: number;
  directMedian: number;
}

/** Each row's figures at the last size over the first, measured in the same run. */
export function growth(sizes: SizeResult[]): GrowthRow[] {
  if (sizes.length < 2) return [];
  const [first, last] = [sizes[0]!, sizes[sizes.length - 1]!];
  return last.cases.flatMap((c) => {
    const before = first.cases.find((b) => b.name === c.name);
    if (!before) return [];
    const over = (a: number, b: number) => round2(a / Math.max(b, 1e-6));
    return [
      {
        name: c.name,
        apiMedian: over(c.api.median, before.api.median),
        apiP99: over(c.api.p99, before.api.p99),
        directMedian: over(c.direct.median, before.direct.median),
      },
    ];
  });
}

export interface Report {
  machine: Record<string, unknown>;
  settings: {
    mode: string;
    runs: number;
    warmup: number;
    rounds: number;
    connections: number;
    throughputSeconds: number;
  };
  date: string;
  seconds: number;
  sizes: (SizeResult & { targets: Target[] })[];
  /** Sizes not measured, and why (not enough memory, no Neo4j). */
  skipped: string[];
}

const thousands = (value: number) => value.toLocaleString('en');

export function markdown(report: Report, command: string): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`# Benchmark results`, '');
  lines.push(
    `\`${command}\` on ${report.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage} at the start (the machine is shared: each figure below has the load average beside it, and ratios within one run are the ones to compare).`,
  );
  lines.push(
    `Latencies in ms over ${report.settings.runs} runs (20 for queries slower than 200 ms) after ${report.settings.warmup} warm-up runs, same query, same store, same run.`,
    `"Direct" is the domain call (or, for ad-hoc Cypher, the store's read) in the benchmark's process on its own read-only handle of the store.`,
    `"API" is the HTTP request to the real server (a child process on the same store; gzip accepted, body read), timed end to end by a client in a process of its own (bench/latency-client.ts) that does nothing else;`,
    `"floor" is a bare Node HTTP round trip (no Express) from that client to bench/hello.ts, sent in turn with each API request: what any HTTP answer costs on this machine.`,
    `Direct and API runs alternate in ${report.settings.rounds} rounds (for a size run "separately", all direct calls come first, then the server starts). "API / direct" is end to end; "(API − floor) / direct" is the direct call plus what the server adds to it (routing, middleware, validation, mapping, serialisation, the Cypher worker's IPC), over the direct call: the API overhead target.`,
    '',
  );
  for (const skipped of report.skipped) lines.push(`Not measured: ${skipped}`, '');
  for (const size of report.sizes) lines.push(...sizeSection(size, report.settings));
  const rows = growth(report.sizes);
  if (rows.length > 0) {
    const [first, last] = [report.sizes[0]!, report.sizes[report.sizes.length - 1]!];
    lines.push(
      `## Growth: ${thousands(last.relationships)} over ${thousands(first.relationships)} relationships`,
      '',
      `Each row's figure at ${thousands(last.nodes)} nodes and ${thousands(last.relationships)} relationships over the same figure at ${thousands(first.nodes)} and ${thousands(first.relationships)}, both from this run (×${round2(last.relationships / first.relationships)} the data).`,
      '',
      '| query | API median | API p99 | direct median |',
      '|---|---:|---:|---:|',
      ...rows.map((row) => `| ${row.name} | ×${row.apiMedian} | ×${row.apiP99} | ×${row.directMedian} |`),
      '',
    );
  }
  return lines.join('\n');
}

function sizeSection(size: SizeResult & { targets: Target[] }, settings: Report['settings']): string[] {
  const lines: string[] = [];
  lines.push(
    `## ${thousands(size.nodes)} nodes, ${thousands(size.relationships)} relationships (${size.store}${size.separate ? ', measured separately' : ''})`,
    '',
  );
  const load = size.load;
  lines.push(
    load && load.ratesPerSecond.length > 0
      ? `Load: ${thousands(load.medianPerSecond)} relationships/s (median of ${load.ratesPerSecond.length}; nodes ${load.nodeSeconds.toFixed(1)} s, relationships ${load.relationshipSeconds.toFixed(1)} s, then hub summaries for ${thousands(load.hubs)} nodes ${load.summarySeconds.toFixed(1)} s; loading process peak RSS ${thousands(load.peakRssMb)} MB; load average ${load.loadAverage.start} at its start, ${load.loadAverage.end} at its end).`
      : 'Load: not measured (a store built earlier).',
    '',
    `Typical node \`${size.typical.id}\` (degree ${size.typical.degree}), hub \`${size.hub.id}\` (degree ${thousands(size.hub.degree)}). Load average ${size.loadAverage.start} when the measurements began, ${size.loadAverage.end} when they ended.`,
    '',
  );
  const mem = size.memory;
  lines.push(
    '| memory (MB) | at start | peak |',
    '|---|---:|---:|',
    `| server | ${thousands(mem.server.readyMb)} | ${thousands(mem.server.peakMb)} |`,
    ...mem.workers.map(
      (worker, at) => `| Cypher worker ${at + 1} | ${thousands(worker.readyMb)} | ${thousands(worker.peakMb)} |`,
    ),
    `| benchmark's own read-only handle (direct calls) | | ${thousands(mem.directHandleMb)} |`,
    '',
    `Store on disk (file and write-ahead log) ${thousands(mem.storeFileMb)} MB; available memory ${thousands(mem.availableBeforeLoadMb)} MB before the load, ${thousands(mem.lowestAvailableMb)} MB at its lowest during it.`,
    '',
  );
  lines.push(
    '| query | direct median | direct p95 | direct p99 | API median | API p95 | API p99 | floor median | API / direct | (API − floor) / direct | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const c of size.cases) {
    lines.push(
      `| ${c.name} | ${c.direct.median} | ${c.direct.p95} | ${c.direct.p99} | ${c.api.median} | ${c.api.p95} | ${c.api.p99} | ${c.floor.median} | ×${c.ratio} | ×${c.serverRatio} | ${c.loadAverage} |`,
    );
  }
  lines.push('');
  const t = size.throughput;
  lines.push(
    `Throughput (autocannon in the benchmark's process, ${settings.connections} connections, ${settings.throughputSeconds} s): 1-hop ${t.api.requestsPerSecond} req/s (p99 ${t.api.latencyP99} ms; the server spent ${t.api.serverCpuMsPerRequest} ms of CPU per request, all threads), Express hello-world ${t.hello.requestsPerSecond} req/s (${t.hello.serverCpuMsPerRequest} ms CPU per request): ratio ${t.ratio}.`,
    '',
  );
  lines.push('| target | wanted | measured | met |', '|---|---|---|---|');
  for (const target of size.targets)
    lines.push(
      `| ${target.name} | ${target.target} | ${target.value} | ${target.met ? 'yes' : `no (×${target.factor} off)`} |`,
    );
  lines.push('');
  return lines;
}

/** A report's text, with the notes of the file it replaces (after NOTES_MARKER) kept. */
export const NOTES_MARKER = '<!-- notes: kept when the benchmark rewrites this file -->';

export function withNotes(generated: string, previous: string | undefined): string {
  const at = previous?.indexOf(NOTES_MARKER) ?? -1;
  return at >= 0 ? `${generated}\n${previous!.slice(at)}` : `${generated}\n`;
}
