// npm run crash [-- --rounds 3 --nodes 20000 --rels 300000 --batch 10000]
//
// The long form of tests/security/crash.test.ts: each round runs the real
// `npm run seed -- --synthetic` (seed/cli.ts, bulk CREATE) on a fresh data folder, kill -9s it at a
// random moment, then checks that the store opens, that every batch the generator made is either
// wholly in the store or not at all (and every relationship has its properties), and that
// `npm run seed -- --synthetic --merge` completes it to the exact counts. Exit code 1 on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openEmbeddedStore } from '../server/store/embedded.ts';
import { embeddedDatabasePath } from '../server/store/open.ts';
import { storeCounts } from '../server/domain/schema.ts';
import { SyntheticGraph } from '../seed/synthetic.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    nodes: { type: 'string' },
    rels: { type: 'string' },
    batch: { type: 'string' },
    seed: { type: 'string' },
  },
});
const rounds = Number(values.rounds ?? 3);
const spec = {
  nodes: Number(values.nodes ?? 20_000),
  relationships: Number(values.rels ?? 300_000),
  seed: Number(values.seed ?? 11),
};
const batch = Number(values.batch ?? 10_000);

function seed(
  dataDir: string,
  extra: string[],
  killAfterMs?: number,
): Promise<{ code: number | string; output: string; ms: number }> {
  const started = Date.now();
  const args = [
    '--import',
    'tsx',
    'seed/cli.ts',
    '--synthetic',
    '--nodes',
    String(spec.nodes),
    '--rels',
    String(spec.relationships),
    '--seed',
    String(spec.seed),
    '--batch',
    String(batch),
    ...extra,
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-5000)));
  if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((done) =>
    child.once('exit', (code, signal) => done({ code: code ?? signal ?? 'unknown', output, ms: Date.now() - started })),
  );
}

async function check(
  path: string,
): Promise<{ nodes: number; relationships: number; batches: number; problems: string[] }> {
  const problems: string[] = [];
  const store = openEmbeddedStore({ path });
  try {
    const counts = await storeCounts(store);
    const { rows } = await store.read({ text: 'MATCH ()-[r]->() RETURN r.id AS id' });
    const present = new Set(rows.map((row) => row.id as string));
    if (present.size !== counts.relationships)
      problems.push(`${counts.relationships - present.size} duplicate relationship ids`);
    let batches = 0;
    for (const chunk of new SyntheticGraph(spec).relationshipChunks(batch)) {
      const found = chunk.filter((r) => present.has(r.id)).length;
      if (found !== 0 && found !== chunk.length)
        problems.push(`batch at ${chunk[0]!.id}: ${found} of ${chunk.length} relationships`);
      if (found > 0) batches++;
    }
    const { rows: incomplete } = await store.read({
      text: 'MATCH ()-[r]->() WHERE r.summary IS NULL OR r.quote IS NULL OR r.date IS NULL RETURN count(r) AS c',
    });
    if (Number(incomplete[0]!.c) > 0) problems.push(`${incomplete[0]!.c} relationships without their properties`);
    return { ...counts, batches, problems };
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  // how long a full load takes here, to aim the kills inside it
  const probeDir = mkdtempSync(join(tmpdir(), 'kg-crash-'));
  const full = await seed(probeDir, []);
  rmSync(probeDir, { recursive: true, force: true });
  if (full.code !== 0) throw new Error(`the seed failed without a kill:\n${full.output}`);
  console.log(`a full load of ${spec.nodes} nodes and ${spec.relationships} relationships takes ${full.ms} ms here`);
  let failed = false;
  for (let round = 1; round <= rounds; round++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kg-crash-'));
    try {
      const killAt = Math.round(full.ms * (0.3 + 0.6 * Math.random()));
      const killed = await seed(dataDir, [], killAt);
      const after = await check(embeddedDatabasePath(dataDir));
      const rerun = await seed(dataDir, ['--merge']);
      const completed = await check(embeddedDatabasePath(dataDir));
      const problems = [...after.problems, ...completed.problems];
      if (killed.code !== 'SIGKILL') problems.push(`the seed ended (${killed.code}) before the kill at ${killAt} ms`);
      if (rerun.code !== 0) problems.push(`the --merge re-run failed (${rerun.code}):\n${rerun.output}`);
      if (completed.nodes !== spec.nodes || completed.relationships !== spec.relationships) {
        problems.push(`after the re-run: ${completed.nodes} nodes, ${completed.relationships} relationships`);
      }
      console.log(
        `round ${round}: kill -9 at ${killAt} ms → ${after.nodes} nodes, ${after.relationships} relationships in ${after.batches} whole batches; ` +
          `re-run (--merge) ${rerun.ms} ms → ${completed.nodes} nodes, ${completed.relationships} relationships ${problems.length ? 'FAILED' : 'ok'}`,
      );
      for (const problem of problems) console.error(`  - ${problem}`);
      failed ||= problems.length > 0;
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
