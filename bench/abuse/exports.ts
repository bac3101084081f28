// The export case of `npm run abuse`: one large export by ids alone (GraphML, the format that
// writes the most per element), then three clients exporting it at once, each retrying after
// Retry-After when the server's export slots are full, while another client asks /api/health,
// /api/search and /api/openapi.json (answered without the store: the event loop alone) in turn.
// Prints that client's worst latencies (idle, before, and beside the exports), the exports'
// statuses, bytes and times, and the server's resident memory. A problem: any 5xx but the
// documented 503 with Retry-After; the other client's worst latency more than
// otherClientMarginMs over its worst on the idle server; resident memory with three exports over
// the idle server's plus EXPORT_SLOTS times what one export alone took (with a margin for noise):
// memory may not grow with the number of exports beyond the slots.
import { exportMemoryBoundMb, exportMemoryPerMaxMb, loadConfig } from '../../server/config.ts';
import { limits } from '../../server/api/schemas.ts';
import { rssMb } from '../processes.ts';

export interface ExportCaseOptions {
  /** The server's base URL, ending in "/". */
  base: string;
  pid: number;
  quick: boolean;
}

export interface ExportCaseResult {
  report: object;
  problems: string[];
}

/** The other client's worst latency may exceed its worst on the idle server by this much. */
export const otherClientMarginMs = 500;
const exporters = 3;
const idleRounds = 10;
const memoryNoiseMb = 50;
/** Countries and people: on the synthetic 100k/1M store, a GraphML file of about 10 MB whose read takes seconds. */
const largeExportIds = 1250;
const format = 'graphml';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const ms = (value: number) => `${Math.round(value)} ms`;

/** Up to `count` ids of countries, then people: the countries are densely linked, so the export is large. */
async function nodeIds(base: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  let attempts = 0;
  for (const label of ['Country', 'Person']) {
    for (let page = 0; ids.length < count; page++) {
      const res = await fetch(new URL('api/cypher', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.5.9.9' },
        body: JSON.stringify({
          query: `MATCH (n:${label}) RETURN n.id AS id SKIP $skip LIMIT $limit`,
          params: { skip: page * 1000, limit: Math.min(1000, count - ids.length) },
        }),
      });
      // The console may still be busy with the cases before this one.
      if ((res.status === 408 || res.status === 503) && attempts++ < 10) {
        await sleep(2000);
        page--;
        continue;
      }
      if (!res.ok) throw new Error(`reading node ids: ${res.status} ${await res.text()}`);
      const { rows } = (await res.json()) as { rows: { id: string }[] };
      ids.push(...rows.map((row) => row.id));
      if (rows.length === 0) break;
    }
  }
  return ids;
}

interface Attempt {
  status: number;
  retryAfter?: string;
}

interface ExportOutcome {
  client: string;
  attempts: Attempt[];
  status: number;
  bytes: number;
  ms: number;
  error?: string;
}

/** One client's export, retried after Retry-After while the slots are full; the body is counted, not kept. */
async function exportAs(base: string, client: string, ids: string[], deadline: number): Promise<ExportOutcome> {
  const started = performance.now();
  const attempts: Attempt[] = [];
  for (;;) {
    try {
      const res = await fetch(new URL('api/export', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ format, ids }),
      });
      let bytes = 0;
      if (!res.ok && res.status !== 503) {
        const text = await res.text();
        attempts.push({ status: res.status });
        return {
          client,
          attempts,
          status: res.status,
          bytes: text.length,
          ms: performance.now() - started,
          error: text.slice(0, 300),
        };
      }
      const reader = res.body?.getReader();
      for (let read = await reader?.read(); read && !read.done; read = await reader!.read())
        bytes += read.value.byteLength;
      const retryAfter = res.headers.get('retry-after') ?? undefined;
      attempts.push({ status: res.status, retryAfter });
      const wait = Number(retryAfter) * 1000;
      if (res.status === 503 && retryAfter !== undefined && performance.now() + wait < deadline) {
        await sleep(wait);
        continue;
      }
      return { client, attempts, status: res.status, bytes, ms: performance.now() - started };
    } catch (error) {
      const message = error instanceof Error ? `${error.message} ${String(error.cause ?? '')}` : String(error);
      return { client, attempts, status: 0, bytes: 0, ms: performance.now() - started, error: message };
    }
  }
}

// /api/openapi.json is answered from memory, without the store: it measures the event loop alone.
const probes = { health: 'api/health', search: 'api/search?q=chen', openapi: 'api/openapi.json' } as const;
type Probe = keyof typeof probes;

interface Sample {
  route: Probe;
  ms: number;
  status: number;
  phase: string;
}

/** The other client: each probe in turn, then 100 ms, until stopped. */
function otherClient(base: string) {
  const samples: Sample[] = [];
  let phase = 'idle';
  let running = true;
  let rounds = 0;
  const timed = async (route: Probe) => {
    const started = performance.now();
    let status = 0;
    try {
      const res = await fetch(new URL(probes[route], base), { headers: { 'x-forwarded-for': '10.5.8.8' } });
      await res.arrayBuffer();
      status = res.status;
    } catch {
      // no answer: status 0, a problem below
    }
    samples.push({ route, ms: performance.now() - started, status, phase });
  };
  const loop = (async () => {
    while (running) {
      for (const route of Object.keys(probes) as Probe[]) await timed(route);
      rounds++;
      await sleep(100);
    }
  })();
  return {
    samples,
    setPhase: (next: string) => (phase = next),
    rounds: () => rounds,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

const worst = (samples: Sample[], route: Probe) =>
  samples.filter((s) => s.route === route).reduce((max, s) => Math.max(max, s.ms), 0);

function describe(o: ExportOutcome) {
  return {
    client: o.client,
    attempts: o.attempts.map((a) => a.status),
    status: o.status,
    bytes: o.bytes,
    ms: Math.round(o.ms),
    error: o.error,
  };
}

export async function exportCase({ base, pid, quick }: ExportCaseOptions): Promise<ExportCaseResult> {
  // The child inherits this environment, so it reads the same configuration.
  const config = loadConfig(process.env);
  const wanted = Math.min(limits.exportIds, quick ? 200 : largeExportIds);
  let ids = await nodeIds(base, wanted);
  const other = otherClient(base);
  // The machine's own noise first: the other client on the idle server.
  while (other.rounds() < idleRounds) await sleep(100);
  const idleRss = rssMb(pid);
  let peak = idleRss;
  const rssTimer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const deadline = performance.now() + (quick ? 60_000 : 15 * 60_000);

  // One export alone first: what one takes, the store's working memory for its read included.
  other.setPhase('one export');
  let solo = await exportAs(base, '10.5.0.9', ids, deadline);
  // Over EXPORT_MAX_MB (413): half the ids, until one fits; the case is about exports that are sent.
  while (solo.status === 413 && ids.length > 1) {
    console.log(
      `  ${ids.length} ids: 413 (${solo.error?.match(/"detail":"([^"]*)/)?.[1] ?? ''}); trying ${Math.ceil(ids.length / 2)}`,
    );
    ids = ids.slice(0, Math.ceil(ids.length / 2));
    solo = await exportAs(base, '10.5.0.9', ids, deadline);
  }
  const soloPeak = peak;
  // At most EXPORT_SLOTS exports run at once: no more than that many times one export, a tenth more
  // and memoryNoiseMb for the collector's and the allocator's timing.
  const bound = idleRss + Math.round(config.EXPORT_SLOTS * (soloPeak - idleRss) * 1.1) + memoryNoiseMb;

  other.setPhase('exports');
  peak = rssMb(pid);
  const outcomes = await Promise.all(
    Array.from({ length: exporters }, (_, i) => exportAs(base, `10.5.0.${i + 1}`, ids, deadline)),
  );
  const concurrentPeak = peak;
  other.setPhase('after');
  await sleep(quick ? 500 : 3000);
  clearInterval(rssTimer);
  const afterRss = rssMb(pid);
  await other.stop();

  const idle = other.samples.filter((s) => s.phase === 'idle');
  const during = other.samples.filter((s) => s.phase !== 'idle');
  const worstOf = (samples: Sample[]) =>
    Object.fromEntries(Object.keys(probes).map((route) => [route, worst(samples, route as Probe)])) as Record<
      Probe,
      number
    >;
  const latency = { idle: worstOf(idle), during: worstOf(during) };
  const report = {
    ids: ids.length,
    format,
    solo: describe(solo),
    exports: outcomes.map(describe),
    otherClient: {
      requests: during.length,
      statuses: [...new Set(other.samples.map((s) => s.status))],
      worstMs: latency,
      marginMs: otherClientMarginMs,
    },
    serverRssMb: {
      idle: idleRss,
      soloPeak,
      concurrentPeak,
      after: afterRss,
      bound,
      configured: exportMemoryBoundMb(config),
    },
  };

  const line = (o: ReturnType<typeof describe>) =>
    `  ${o.client}: ${o.status} after ${ms(o.ms)}, ${(o.bytes / 2 ** 20).toFixed(1)} MB; attempts ${o.attempts.join(', ')}${o.error ? `; ${o.error}` : ''}`;
  console.log(`\nexports of ${ids.length} ids as ${format}: one alone, then ${exporters} clients at once`);
  console.log(line(report.solo));
  for (const o of report.exports) console.log(line(o));
  for (const route of Object.keys(probes) as Probe[]) {
    console.log(
      `  other client: worst /${probes[route]} ${ms(latency.during[route])} (idle ${ms(latency.idle[route])}; bound: idle worst + ${otherClientMarginMs} ms)`,
    );
  }
  console.log(
    `  server RSS: ${idleRss} MB idle, ${soloPeak} MB peak with one export, ${concurrentPeak} MB peak with ${exporters}, ${afterRss} MB after; ` +
      `bound ${bound} MB (idle + EXPORT_SLOTS ${config.EXPORT_SLOTS} x 1.1 x what one export took + ${memoryNoiseMb} MB); ` +
      `the exports' data alone at most ${exportMemoryBoundMb(config)} MB (EXPORT_SLOTS x ${exportMemoryPerMaxMb} x EXPORT_MAX_MB ${config.EXPORT_MAX_MB})`,
  );

  const problems: string[] = [];
  for (const o of [solo, ...outcomes]) {
    const refusedWithoutRetry = o.attempts.some((a) => a.status === 503 && a.retryAfter === undefined);
    if (o.status === 0 || o.status >= 500 || refusedWithoutRetry) {
      problems.push(
        `export by ${o.client}: ${o.status}${o.error ? ` (${o.error})` : ''}, attempts ${JSON.stringify(o.attempts)}`,
      );
    }
  }
  if (other.samples.some((s) => s.status >= 500 || s.status === 0)) {
    problems.push('the other client got a 5xx, or no answer');
  }
  for (const route of Object.keys(probes) as Probe[]) {
    if (latency.during[route] > latency.idle[route] + otherClientMarginMs) {
      problems.push(
        `the other client's /${probes[route]} took ${ms(latency.during[route])} (idle worst ${ms(latency.idle[route])})`,
      );
    }
  }
  if (concurrentPeak > bound) {
    problems.push(`server RSS peaked at ${concurrentPeak} MB with ${exporters} exports, over the bound of ${bound} MB`);
  }
  return { report, problems };
}
