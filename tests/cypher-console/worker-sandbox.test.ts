// The Cypher workers' sandbox (worker-sandbox.ts), with the guard out of the way: queries go to
// the worker pool directly, as if the guard had missed them, and the files they name must stay
// unreadable. Where bwrap cannot run, the tests skip saying why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Job } from '../../server/cypher-console/scheduler.ts';
import { WorkerPool } from '../../server/cypher-console/worker-pool.ts';
import { workerSandbox } from '../../server/cypher-console/worker-sandbox.ts';
import { createLogger } from '../../server/logger.ts';
import { afterAll, beforeAll, describe, expect, it } from '../support/fixtures.ts';
import { seededFile } from '../support/seeded-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'kg-sandbox-'));
const path = await seededFile(dir);
const sandbox = workerSandbox({ mode: 'auto', databasePath: path });
const skipped = sandbox.status.state === 'off' ? sandbox.status.reason : undefined;
if (skipped) console.warn(`[worker sandbox] skipped: ${skipped}`);

let pool: WorkerPool;
beforeAll(async () => {
  if (skipped) return;
  pool = new WorkerPool({
    databasePath: path,
    size: 1,
    maxRows: 10,
    maxBytes: 1 << 20,
    memoryMb: 512,
    logger: createLogger('silent'),
    sandbox,
  });
  await pool.ready();
});
afterAll(async () => {
  await pool?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a query on a worker with no guard in front of it. */
const unguarded = (query: string) => {
  const job: Job = { client: 'test', query, params: {}, write: false, deadline: performance.now() + 30_000 };
  return pool.start(job, () => {}).done;
};

describe.skipIf(skipped)('a sandboxed Cypher worker', () => {
  it.each([
    ['/etc/passwd', '/etc/passwd'],
    ["the server's environment", '/proc/self/environ'],
    ['the host name', '/etc/hostname'],
    ['a device', '/dev/zero'],
  ])('when a query the guard missed loads %s, the file cannot be read', async (_what, file) => {
    await expect(unguarded(`LOAD CSV FROM '${file}' AS l RETURN l LIMIT 1`)).rejects.toThrow(/No such file/);
  });

  it("when a query the guard missed loads the project's package.json, it finds only a module marker", async () => {
    const result = await unguarded(`LOAD CSV FROM '${resolve('package.json')}' AS l RETURN l`);
    expect(JSON.stringify(result.rows)).not.toMatch(/kg-explorer|dependencies/);
  });

  it('when a query reads the store, it is answered', async () => {
    const result = await unguarded('MATCH (n:Country) RETURN count(n) AS c');
    expect(result.rows[0]!.c).toBeGreaterThanOrEqual(5);
  });

  it('when health asks, the sandbox is on', () => {
    expect(pool.status().sandbox).toEqual({ state: 'on' });
  });
});

describe('where the sandbox cannot be set up', () => {
  it('when it is required, the console does not start and says how to fix it', () => {
    const saved = process.env.PATH;
    process.env.PATH = dir;
    try {
      expect(() => workerSandbox({ mode: 'required', databasePath: path })).toThrow(/install bubblewrap/);
      expect(workerSandbox({ mode: 'auto', databasePath: path }).status).toEqual({
        state: 'off',
        reason: expect.stringMatching(/not installed/),
      });
    } finally {
      process.env.PATH = saved;
    }
  });
});
