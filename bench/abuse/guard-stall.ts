// The guard-stall case of `npm run abuse`: `attackers` clients (their own X-Forwarded-For each) keep
// queries in flight that Neo4j's parser cannot read within the guard's budget (long chains of
// patterns, each of a new shape, so none is refused for being like one before it), one more client
// sends one such query over and over, and, once each of them has overrun the budget, another client
// sends trivial queries (each a new text, so each is parsed). Prints the other client's statuses
// and worst latency, how the over-budget queries were answered (at the budget, which costs a guard
// thread, or at once), and the server's resident memory before, after the thread replacements and
// once idle again. A problem is any answer to the other client but 200, its worst latency past the
// bound guard-pool.ts states (it waits for no client that overran lately, so one budget is allowed
// for its own check, its run and the machine, and one more for each attacker that had not overrun
// yet, if any), or a 5xx other than 503 to anyone.
import { loadConfig } from '../../server/config.ts';
import { consoleReady, rssMb } from '../processes.ts';

export interface GuardStallOptions {
  /** The server's base URL, ending in "/". */
  base: string;
  pid: number;
  quick: boolean;
}

export interface GuardStallResult {
  report: object;
  problems: string[];
}

const attackers = 3;
/** Links in a chain: Neo4j's parser needs well over any sane budget for 400 (29 s measured for about 200). */
const links = 400;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
/** True if the promise has settled by the next turn of the event loop. */
const settledNow = (promise: Promise<void>) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((done) => setImmediate(() => done(false)))]);
const count = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

/** A chain whose links point as a generator seeded by `variant` says: a new shape for each variant. */
function overBudget(variant: number): string {
  const arrows = ['--', '-->', '<--'];
  let state = variant + 1;
  const chain = Array.from({ length: links }, () => {
    state = (state * 48_271) % 2_147_483_647;
    return `(a)${arrows[state % 3]!}`;
  }).join('');
  return `RETURN ${chain}(b) AS p`;
}

function post(base: string, client: string, query: string): Promise<Response> {
  return fetch(new URL('api/cypher', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ query }),
  });
}

/** How the server answered an over-budget query: the status, and whether a guard thread was spent on it. */
async function outcome(res: Response): Promise<string> {
  const text = await res.text();
  if (res.status === 400) {
    return text.includes('of its shape') ? '400 at once (shape seen before)' : '400 at the budget (thread replaced)';
  }
  // Its time ran out while it was parsed (it had waited for a thread): the thread was replaced all the same.
  if (res.status === 408 && text.includes('during its read-only check')) return '408 while parsed (thread replaced)';
  if (res.status === 408) return '408 before a thread took it';
  return String(res.status);
}

export async function guardStallCase({ base, pid, quick }: GuardStallOptions): Promise<GuardStallResult> {
  // The cases before this one may have left the Cypher workers restarting.
  await consoleReady(base);
  const config = loadConfig(process.env);
  const budgetMs = config.CYPHER_GUARD_MS;
  const attackMs = quick ? 12_000 : 45_000;
  const rssBefore = rssMb(pid);
  const abusive: Record<string, number> = {};
  let replaced = 0;
  let attacking = true;
  let variant = 1;

  // Each attacker has one over-budget query in flight at all times; one more repeats the same query.
  const firstOverruns: Promise<void>[] = [];
  const attacks = Array.from({ length: attackers + 1 }, async (_, index) => {
    const client = `10.7.0.${index + 1}`;
    let overran!: () => void;
    firstOverruns.push(new Promise((done) => (overran = done)));
    while (attacking) {
      const query = index === attackers ? overBudget(0) : overBudget(variant++);
      const result = await outcome(await post(base, client, query));
      count(abusive, result);
      if (result.includes('thread replaced')) {
        replaced += 1;
        overran();
      }
      // A 503 (this client's share is full) asks it to come back later.
      if (!result.startsWith('400')) await sleep(200);
    }
  });
  // The bound is for a client while the others have overrun: until then they are clients like any other (each
  // may hold it up one budget), and may have used every thread, which are then replaced (0.4 to 0.9 s each on a
  // quiet machine, seconds on a loaded one). A probe from a client of its own waits for them.
  const overranBeforeMs = quick ? 20_000 : 60_000;
  await Promise.race([Promise.all(firstOverruns), sleep(overranBeforeMs)]);
  const notOverrun = firstOverruns.length - (await Promise.all(firstOverruns.map(settledNow))).filter(Boolean).length;
  for (let probe = 0; probe < 30; probe += 1) {
    const res = await post(base, '10.7.2.1', `RETURN ${probe} AS probe`);
    await res.arrayBuffer();
    if (res.ok) break;
  }
  // One budget for each attacker that has not overrun yet (it is a client like any other), and one for the machine.
  const boundMs = budgetMs * (1 + notOverrun);
  const other: Record<string, number> = {};
  const otherProblems: Record<string, number> = {};
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; performance.now() - started < attackMs; index += 1) {
    const began = performance.now();
    const res = await post(base, '10.7.1.1', `MATCH (n:Country) RETURN count(n) + ${index} AS c`);
    const text = await res.text();
    latencies.push(performance.now() - began);
    count(other, String(res.status));
    if (!res.ok) count(otherProblems, `${res.status} ${(JSON.parse(text) as { detail?: string }).detail ?? text}`);
    // Under the rate limit (RATE_LIMIT_CYPHER, 120 a minute by default).
    await sleep(600);
  }
  const rssAfterAttack = rssMb(pid);
  attacking = false;
  await Promise.all(attacks);
  await sleep(2000);
  const rssIdle = rssMb(pid);

  latencies.sort((a, b) => a - b);
  const worstMs = Math.round(latencies.at(-1) ?? 0);
  const report = {
    attackers,
    budgetMs,
    attackersNotOverrunYet: notOverrun,
    otherClient: { requests: latencies.length, statuses: other, problems: otherProblems, worstMs, boundMs },
    overBudgetQueries: abusive,
    threadReplacements: replaced,
    serverRssMb: { before: rssBefore, afterReplacements: rssAfterAttack, idleAfter: rssIdle },
  };
  console.log(
    `\nguard stall: ${attackers} clients keep over-budget queries in flight (one more repeats one); CYPHER_GUARD_MS ${budgetMs}`,
  );
  console.log(`over-budget queries: ${JSON.stringify(abusive)}`);
  console.log(
    `other client: ${latencies.length} trivial queries ${JSON.stringify(other)}; worst ${worstMs} ms (bound: ${boundMs} ms, one guard budget${notOverrun > 0 ? ` and one for each of ${notOverrun} attackers that had not overrun yet` : ''})`,
  );
  for (const [problem, times] of Object.entries(otherProblems)) console.log(`  ${times} x ${problem}`);
  console.log(
    `server RSS: ${rssBefore} MB before, ${rssAfterAttack} MB after ${replaced} guard thread replacements, ${rssIdle} MB idle after`,
  );

  const problems: string[] = [];
  const refused = Object.keys(other).filter((status) => status !== '200');
  if (refused.length > 0) problems.push(`guard stall: the other client got ${refused.join(', ')}`);
  if (worstMs > boundMs) problems.push(`guard stall: the other client waited ${worstMs} ms (bound ${boundMs} ms)`);
  const serverErrors = Object.keys(abusive).filter((status) => status.startsWith('5') && status !== '503');
  if (serverErrors.length > 0) problems.push(`guard stall: over-budget queries got ${serverErrors.join(', ')}`);
  return { report, problems };
}
