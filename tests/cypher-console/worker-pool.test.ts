// The embedded store's Cypher console as the server runs it: a read-only file store, ad-hoc queries
// in killable worker processes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryError, QueryTimeoutError, WriteRefusedError } from '../../server/cypher-console/types.ts';
import { WorkerPoolConsole } from '../../server/cypher-console/worker-pool.ts';
import { createLogger } from '../../server/logger.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { GraphNode, GraphPath } from '../../server/store/graph-values.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { seedCurated } from '../../server/loader/seed-curated.ts';
import { writeAttempts } from '../fixtures/write-attempts.ts';
import { fingerprint } from '../support/fingerprint.ts';

const dir = mkdtempSync(join(tmpdir(), 'kg-console-'));
const path = join(dir, 'graph.grafeo');
let store: GraphStore;
let console_: WorkerPoolConsole;

beforeAll(async () => {
  const writer = openEmbeddedStore({ path });
  await seedCurated(writer);
  await writer.close();
  store = openEmbeddedStore({ path, readOnly: true });
  console_ = new WorkerPoolConsole({
    databasePath: path,
    size: 2,
    timeoutMs: 1500,
    maxRows: 10,
    logger: createLogger('silent'),
  });
  await console_.ready();
});

afterAll(async () => {
  await console_?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the worker-pool console', () => {
  it('runs reads and maps graph values', async () => {
    const result = await console_.run(
      "MATCH p = (a:Entity {id: 'person:li-qiang'})-[:VISITED]->(b) RETURN a, p LIMIT 1",
    );
    expect(result.columns).toEqual(['a', 'p']);
    expect(result.rows[0]!.a).toBeInstanceOf(GraphNode);
    expect(result.rows[0]!.p).toBeInstanceOf(GraphPath);
    expect((result.rows[0]!.p as GraphPath).nodes[0]!.id).toBe('person:li-qiang');
    expect(result.capped).toBe(false);
  });

  it('passes parameters and caps rows', async () => {
    const result = await console_.run('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN n.id AS id', {
      prefix: 'person:',
    });
    expect(result.rows).toHaveLength(10);
    expect(result.capped).toBe(true);
    result.rows.forEach((row) => expect(String(row.id)).toMatch(/^person:/));
  });

  it('refuses every write attempt and leaves the data identical', async () => {
    const before = await fingerprint(store);
    for (const attempt of writeAttempts) {
      const error = await console_.run(attempt.query, attempt.params).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, attempt.name).toBeInstanceOf(Error);
      expect(
        error instanceof WriteRefusedError || error instanceof QueryError,
        `${attempt.name}: ${String(error)}`,
      ).toBe(true);
    }
    expect(await fingerprint(store)).toEqual(before);
  });

  it('reports syntax errors as query errors', async () => {
    await expect(console_.run('MATCH (n RETURN n')).rejects.toBeInstanceOf(QueryError);
  });

  it('stops a runaway query at its timeout without blocking the event loop, then keeps working', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    await expect(console_.run('MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c')).rejects.toBeInstanceOf(
      QueryTimeoutError,
    );
    const elapsed = performance.now() - started;
    delay.disable();
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
    expect(delay.max / 1e6).toBeLessThan(100);
    const after = await console_.run('MATCH (n:Country) RETURN count(n) AS c');
    expect(after.rows[0]!.c).toBeGreaterThanOrEqual(5);
  });
});

it('says so when its workers cannot open the store', async () => {
  const broken = new WorkerPoolConsole({
    databasePath: join(dir, 'missing', 'graph.grafeo'),
    size: 1,
    timeoutMs: 1000,
    maxRows: 10,
    logger: createLogger('silent'),
  });
  await expect(broken.ready()).rejects.toThrow(/could not open the store/);
  await broken.close();
});
