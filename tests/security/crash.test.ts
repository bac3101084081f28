// Crash safety, short mode (bench/crash-seed.ts runs the long one): kill -9 a synthetic load in the
// middle of its relationship batches; the store opens again, consistent, holding only whole
// batches (every batch's relationships all there or none, each with all its properties); a re-run
// of `npm run seed -- --synthetic --merge` completes it to the exact counts. And kill -9 the real
// server during HTTP load: it restarts on the same data, unchanged.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedDatabasePath } from '../../server/store/open.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { SyntheticGraph } from '../../seed/synthetic.ts';
import { storeCounts } from '../../server/domain/schema.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { runScript, startServer } from '../support/server-process.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-crash-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const spec = { nodes: 4000, relationships: 60_000, seed: 7 };
const batch = 4000;

/** Which of the generator's batches are in the store: each must be all there or not at all. */
async function checkWholeBatches(
  path: string,
): Promise<{ nodes: number; relationships: number; wholeBatches: number }> {
  const store = openEmbeddedStore({ path });
  try {
    const counts = await storeCounts(store);
    const { rows } = await store.read({ text: 'MATCH ()-[r]->() RETURN r.id AS id' });
    const present = new Set(rows.map((row) => row.id as string));
    expect(present.size, 'relationship ids are unique').toBe(counts.relationships);
    let whole = 0;
    let covered = 0;
    for (const chunk of new SyntheticGraph(spec).relationshipChunks(batch)) {
      const found = chunk.filter((relationship) => present.has(relationship.id)).length;
      expect(
        [0, chunk.length],
        `a batch of ${chunk.length} starting at ${chunk[0]!.id} is partly there (${found})`,
      ).toContain(found);
      if (found > 0) {
        whole++;
        covered += found;
      }
    }
    expect(covered, 'every relationship in the store belongs to a whole batch').toBe(counts.relationships);
    // no half-written relationship: every one has its properties and both ends
    const { rows: incomplete } = await store.read({
      text: 'MATCH (a)-[r]->(b) WHERE r.summary IS NULL OR r.quote IS NULL OR r.date IS NULL OR a.id IS NULL OR b.id IS NULL RETURN count(r) AS c',
    });
    expect(Number(incomplete[0]!.c)).toBe(0);
    return { ...counts, wholeBatches: whole };
  } finally {
    await store.close();
  }
}

describe('crash safety', () => {
  it('kill -9 during a synthetic load leaves whole batches only; a re-run of the seed completes it', async () => {
    const dataDir = tempDir();
    const path = embeddedDatabasePath(dataDir);
    const loader = runScript(
      'tests/security/fixtures/synthetic-load-child.ts',
      [path, String(spec.nodes), String(spec.relationships), String(spec.seed), String(batch)],
      {},
    );
    // wait until a few relationship batches are committed (the next ones are in flight), then kill
    const deadline = Date.now() + 60_000;
    let last = { nodes: 0, relationships: 0 };
    while (last.relationships < 3 * batch) {
      if (Date.now() > deadline || loader.child.exitCode !== null)
        throw new Error(`the load did not get far enough:\n${loader.output()}`);
      const lines = loader
        .output()
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      if (lines.length > 0) last = JSON.parse(lines.at(-1)!);
      await new Promise((done) => setTimeout(done, 5));
    }
    loader.child.kill('SIGKILL');
    expect(await loader.exited).toBe('SIGKILL');
    expect(loader.output()).not.toContain('done');

    const afterCrash = await checkWholeBatches(path);
    console.log(
      `killed after ${last.relationships} reported relationships; the store holds ${afterCrash.nodes} nodes, ${afterCrash.relationships} relationships in ${afterCrash.wholeBatches} whole batches`,
    );
    expect(afterCrash.nodes).toBe(spec.nodes);
    expect(afterCrash.relationships).toBeGreaterThanOrEqual(last.relationships);
    expect(afterCrash.relationships).toBeLessThan(spec.relationships);

    // the bulk load refuses a store with relationships; the idempotent re-run completes it
    const bulk = runScript(
      'seed/cli.ts',
      [
        '--synthetic',
        '--nodes',
        String(spec.nodes),
        '--rels',
        String(spec.relationships),
        '--seed',
        String(spec.seed),
        '--batch',
        String(batch),
      ],
      { DATA_DIR: dataDir },
    );
    expect(await bulk.exited).toBe(1);
    expect(bulk.output()).toMatch(/--merge/);
    const rerun = runScript(
      'seed/cli.ts',
      [
        '--synthetic',
        '--merge',
        '--nodes',
        String(spec.nodes),
        '--rels',
        String(spec.relationships),
        '--seed',
        String(spec.seed),
        '--batch',
        String(batch),
      ],
      { DATA_DIR: dataDir },
    );
    expect(await rerun.exited, rerun.output()).toBe(0);
    const completed = await checkWholeBatches(path);
    expect(completed).toMatchObject({ nodes: spec.nodes, relationships: spec.relationships });
  }, 180_000);

  it('kill -9 of the server under HTTP load: it restarts on the same data', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, RATE_LIMIT_CYPHER: '0' };
    const first = await startServer(env);
    const before = await (await fetch(`${first.url}/api/health`)).json();
    const paths = [
      '/api/health',
      '/api/search?q=putin',
      '/api/graph/neighborhood?ids=country:RUS&depth=2',
      '/api/nodes/country:CHN',
    ];
    let stop = false;
    let answered = 0;
    const clients = Array.from({ length: 20 }, async (_, i) => {
      for (let n = 0; !stop; n++) {
        const path = paths[(i + n) % paths.length]!;
        const request =
          n % 5 === 0
            ? fetch(`${first.url}/api/cypher`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: '{"query":"MATCH (a)-[r]->(b) RETURN a, r, b LIMIT 50"}',
              })
            : fetch(first.url + path);
        try {
          await (await request).arrayBuffer();
          answered++;
        } catch {
          // the server was killed mid-response
        }
      }
    });
    await new Promise((done) => setTimeout(done, 1500));
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    stop = true;
    await Promise.all(clients);
    expect(answered).toBeGreaterThan(20);
    // its Cypher worker processes (which hold the database file open) do not outlive it
    if (existsSync('/proc')) {
      const holders = async () =>
        readdirSync('/proc')
          .filter((pid) => /^\d+$/.test(pid))
          .filter((pid) => {
            try {
              return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
            } catch {
              return false;
            }
          });
      const deadline = Date.now() + 5000;
      while ((await holders()).length > 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
      expect(await holders(), 'processes still holding the data folder after the kill').toEqual([]);
    }

    const second = await startServer(env);
    try {
      const after = await (await fetch(`${second.url}/api/health`)).json();
      expect({ store: after.store, counts: after.counts }).toEqual({ store: before.store, counts: before.counts });
      const search = await fetch(`${second.url}/api/search?q=putin`);
      expect(search.status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
    // and the data is whole: every relationship has both ends and its properties
    const store = openEmbeddedStore({ path: embeddedDatabasePath(dataDir) });
    try {
      const print = await fingerprint(store);
      expect(print).toMatchObject(before.counts);
    } finally {
      await store.close();
    }
  }, 120_000);
});
