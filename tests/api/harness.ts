// A seeded app on an in-memory embedded store, and the curated data to derive expectations from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { StoreConsole } from '../../server/cypher-console/store-console.ts';
import type { CypherConsole } from '../../server/cypher-console/types.ts';
import { WorkerPoolConsole } from '../../server/cypher-console/worker-pool.ts';
import { createLogger } from '../../server/logger.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { readCurated } from '../../server/loader/curated.ts';
import { seedCurated } from '../../server/loader/seed-curated.ts';

export const curated = readCurated();

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: GraphStore;
  close(): Promise<void>;
}

export async function seededApp(
  options: { cypherConsole?: CypherConsole | null; deps?: Partial<AppDeps> } = {},
): Promise<Harness> {
  const store = openEmbeddedStore();
  await seedCurated(store);
  const cypherConsole =
    options.cypherConsole === null
      ? undefined
      : (options.cypherConsole ?? new StoreConsole(store, { allowWrites: false, timeoutMs: 5000, maxRows: 50 }));
  const app = createApp({
    store,
    config: loadConfig({}),
    logger: createLogger('silent'),
    cypherConsole,
    ...options.deps,
  });
  return { app, store, close: () => store.close() };
}

/** The curated relations touching a node, as the API should count them. */
export function relationsOf(id: string) {
  return curated.relations.filter((relation) => relation.source === id || relation.target === id);
}

/**
 * The app as the server runs it on the embedded store: a seeded database file opened read-only,
 * ad-hoc Cypher in killable worker processes.
 */
export async function seededFileApp(
  limits: { timeoutMs: number; maxRows: number },
  options: { env?: Record<string, string>; deps?: Partial<AppDeps> } = {},
): Promise<Harness> {
  const env = options.env ?? {};
  const dir = mkdtempSync(join(tmpdir(), 'kg-api-'));
  const path = join(dir, 'graph.grafeo');
  const writer = openEmbeddedStore({ path });
  await seedCurated(writer);
  await writer.close();
  const store = openEmbeddedStore({ path, readOnly: true });
  const cypherConsole = new WorkerPoolConsole({
    databasePath: path,
    size: 1,
    logger: createLogger('silent'),
    ...limits,
  });
  const logger = createLogger(env.LOG_LEVEL ?? 'silent');
  const app = createApp({ store, config: loadConfig(env), logger, cypherConsole, ...options.deps });
  return {
    app,
    store,
    close: async () => {
      await cypherConsole.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
