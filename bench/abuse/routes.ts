// The expensive routes under abuse (issue 23, findings 3 and 4): one client sends subgraphs of as
// many ids as the server takes (and more), the claims of a source with the largest limit, and a
// flood of schema requests, several at once; meanwhile another client asks /api/health and
// /api/search in turn. Prints the abusive requests' statuses and the other client's worst
// latencies; a case fails on any 5xx, or when the other client waited longer than the bound.
// Clients are told apart by X-Forwarded-For (the server runs with TRUST_PROXY=1).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface RouteCaseOptions {
  /** Fewer and smaller requests, for CI's curated store. */
  quick: boolean;
}

export interface RouteCaseReport {
  name: string;
  /** How many abusive requests got each status. */
  statuses: Record<string, number>;
  /** The other client's slowest answers during the case, in ms. */
  otherWorstMs: { health: number; search: number };
  problems: string[];
}

/** The other client's bounds: health reads no store, and search is an index lookup; both must not
 *  wait behind the abusive client's work (on a 2-core machine shared with that work). */
export const otherClientBoundMs = { health: 500, search: 2000 };

const abuser = '10.50.0.1';
const otherClientScript = fileURLToPath(new URL('other-client.ts', import.meta.url));
const other = '10.60.0.1';

type Call = () => Promise<Response>;

function client(base: string, address: string) {
  const headers = { 'x-forwarded-for': address };
  return {
    get:
      (path: string): Call =>
      () =>
        fetch(new URL(path, base), { headers }),
    post:
      (path: string, body: unknown): Call =>
      () =>
        fetch(new URL(path, base), {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
  };
}

/** Runs `calls` (all at once, `rounds` times) as the abusive client while the other client asks
 *  health and search in turn; returns the statuses and the other client's worst latencies. */
async function underAbuse(base: string, name: string, calls: Call[], rounds: number): Promise<RouteCaseReport> {
  const statuses: Record<string, number> = {};
  const watcher = spawn(process.execPath, ['--import', 'tsx', otherClientScript, base, other], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let printed = '';
  watcher.stdout.on('data', (data: Buffer) => (printed += data.toString()));
  const exited = new Promise((done) => watcher.once('exit', done));
  while (!printed.startsWith('ready\n')) {
    if (watcher.exitCode !== null) throw new Error('the other client stopped before it was ready');
    await new Promise((done) => setTimeout(done, 20));
  }
  for (let round = 0; round < rounds; round += 1) {
    await Promise.all(
      calls.map(async (call) => {
        const res = await call();
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }),
    );
  }
  watcher.stdin.end();
  await exited;
  const { worst, errors } = JSON.parse(printed.trim().split('\n').at(-1)!) as {
    worst: { health: number; search: number };
    errors: Record<string, number>;
  };
  for (const [status, count] of Object.entries(errors)) statuses[`other ${status}`] = count;
  const problems: string[] = [];
  for (const [status, count] of Object.entries(statuses)) {
    if (/(^| )5\d\d$/.test(status)) problems.push(`${name}: ${count} answer(s) ${status}`);
  }
  for (const kind of ['health', 'search'] as const) {
    if (worst[kind] > otherClientBoundMs[kind]) {
      problems.push(
        `${name}: the other client's ${kind} took ${Math.round(worst[kind])} ms (bound ${otherClientBoundMs[kind]} ms)`,
      );
    }
  }
  return {
    name,
    statuses,
    otherWorstMs: { health: Math.round(worst.health), search: Math.round(worst.search) },
    problems,
  };
}

/** The rows of a console query; the console may still be busy with earlier abuse, so it is asked again. */
async function consoleRows<T>(base: string, query: string, params: object = {}): Promise<T[]> {
  for (let attempt = 1; ; attempt += 1) {
    const res = await client(base, '10.70.0.1').post('api/cypher', { query, params })();
    if (res.ok) return ((await res.json()) as { rows: T[] }).rows;
    if (attempt === 10) throw new Error(`${query}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    await new Promise((done) => setTimeout(done, 2000));
  }
}

/** Ids of the store's nodes, people first (on the synthetic stores the first are its largest hubs). */
async function someIds(base: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const label of ['Person', 'Organization', 'Country', 'Event']) {
    for (let skip = 0; ids.length < count; skip += 1000) {
      const rows = await consoleRows<{ id: string }>(
        base,
        `MATCH (n:${label}) RETURN n.id AS id SKIP $skip LIMIT 1000`,
        {
          skip,
        },
      );
      ids.push(...rows.map((row) => row.id));
      if (rows.length < 1000) break;
    }
  }
  return ids.slice(0, count);
}

async function firstSource(base: string): Promise<string> {
  const rows = await consoleRows<{ id: string }>(base, 'MATCH (s:Source) RETURN s.id AS id ORDER BY id LIMIT 1');
  return rows[0]!.id;
}

/** The cases, in turn. */
export async function runRouteCases(base: string, { quick }: RouteCaseOptions): Promise<RouteCaseReport[]> {
  const abusive = client(base, abuser);
  // The server's cap on ids, from its answer to a subgraph of more ids than any server takes.
  const tooMany = Array.from({ length: 5000 }, (_, i) => `abuse:none:${i}`);
  const refusal = await abusive.post('api/graph/subgraph', { ids: tooMany })();
  const maxIds = ((await refusal.json()) as { maxIds?: number }).maxIds ?? 5000;
  const ids = await someIds(base, maxIds);
  const source = await firstSource(base);
  const at = quick ? 3 : 6;
  const reports = [
    await underAbuse(
      base,
      `subgraph of ${ids.length} ids (the cap: ${maxIds}), ${at} at once`,
      Array.from({ length: at }, () => abusive.post('api/graph/subgraph', { ids, limit: 20_000 })),
      quick ? 1 : 2,
    ),
    await underAbuse(
      base,
      `subgraph and exports of ${maxIds + 1} ids (past the cap), ${at} at once`,
      [
        ...Array.from({ length: at }, () => abusive.post('api/graph/subgraph', { ids: tooMany.slice(0, maxIds + 1) })),
        abusive.post('api/export', { format: 'csv', ids: tooMany.slice(0, maxIds + 1) }),
      ],
      1,
    ),
    await underAbuse(
      base,
      `claims of ${source} with limit 500 (the cap), ${at} at once, and one with limit 2000`,
      [
        ...Array.from({ length: at }, () => abusive.get(`api/sources/${encodeURIComponent(source)}/claims?limit=500`)),
        abusive.get(`api/sources/${encodeURIComponent(source)}/claims?limit=2000`),
      ],
      quick ? 1 : 3,
    ),
    await underAbuse(
      base,
      `schema, ${quick ? 50 : 200} at once`,
      Array.from({ length: quick ? 50 : 200 }, () => abusive.get('api/schema')),
      quick ? 1 : 3,
    ),
  ];
  if (refusal.status !== 413) reports[1]!.problems.push(`5000 ids got ${refusal.status}, not 413`);
  return reports;
}

export function printRouteCases(reports: RouteCaseReport[]): void {
  console.log(
    `\nexpensive routes (other client's bound: health ${otherClientBoundMs.health} ms, search ${otherClientBoundMs.search} ms):`,
  );
  for (const { name, statuses, otherWorstMs } of reports) {
    console.log(
      `  ${name}: ${JSON.stringify(statuses)}; other client's worst: health ${otherWorstMs.health} ms, search ${otherWorstMs.search} ms`,
    );
  }
}
