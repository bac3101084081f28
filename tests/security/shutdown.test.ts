// Graceful shutdown of the real server: SIGTERM while a slow ad-hoc query is in flight. The request
// completes with its result, new connections are refused, the process exits 0 (after closing the
// Cypher workers and the store), and the store opens again cleanly with the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedDatabasePath } from '../../server/store/open.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { readCurated } from '../../server/loader/curated.ts';
import { storeCounts } from '../../server/domain/schema.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'kg-shutdown-'));
let server: ServerProcess | undefined;
afterAll(() => {
  if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', () => {
  it('finishes the in-flight request on SIGTERM, exits 0, and leaves a store that reopens cleanly', async () => {
    server = await startServer({ DATA_DIR: dataDir, CYPHER_TIMEOUT_MS: '20000', CYPHER_WORKERS: '1' });
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health.counts.nodes).toBe(readCurated().entities.length + readCurated().sources.length);

    // about a second of work in the Cypher worker
    const started = Date.now();
    const slow = fetch(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'UNWIND range(1, 8000000) AS x RETURN sum(x) AS total' }),
    }).then(async (response) => ({ status: response.status, body: await response.json(), at: Date.now() }));
    await new Promise((done) => setTimeout(done, 300));
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');

    // once the listener is closed, new connections are refused
    await new Promise((done) => setTimeout(done, 100));
    const late = await fetch(`${server.url}/api/health`).then(
      (response) => `answered ${response.status}`,
      (error: Error) => `refused: ${(error.cause as { code?: string } | undefined)?.code ?? error.message}`,
    );

    const result = await slow;
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.rows[0].total).toBe((8_000_000 * 8_000_001) / 2);
    // the query was still running when the signal came
    expect(result.at).toBeGreaterThan(signalledAt);
    expect(late).toMatch(/refused/);

    expect(await server.exited, server.output()).toBe(0);
    console.log(`in-flight query: ${result.at - started} ms, signalled after ${signalledAt - started} ms`);

    // the store's lock was released and its file is whole: it opens for writing, with the same data
    const store = openEmbeddedStore({ path: embeddedDatabasePath(dataDir) });
    try {
      expect(await storeCounts(store)).toEqual(health.counts);
    } finally {
      await store.close();
    }
  }, 120_000);
});
