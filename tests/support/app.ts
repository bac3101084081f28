// The one way to build the app under test: the curated data seeded into an embedded store, ad-hoc
// Cypher in-process or in worker processes as production runs it, configured from an environment.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type AppDeps } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { limitsOf, storeConsole, workerConsole, type ConsoleLimits } from '../../server/cypher-console/create.ts';
import type { CypherConsole } from '../../server/cypher-console/types.ts';
import { seedCurated } from '../../server/loader/seed-curated.ts';
import { createLogger } from '../../server/logger.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { seededFile } from './seeded-file.ts';
import type { GraphStore } from '../../server/store/port.ts';

export interface AppUnderTest {
  app: ReturnType<typeof createApp>;
  store: GraphStore;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Environment the config is read from (API_TOKEN, RATE_LIMIT_CYPHER, ...). */
  env?: Record<string, string>;
  /**
   * 'in-process' (default): an in-memory store, ad-hoc Cypher run in-process, read-only.
   * 'workers': as production runs the embedded store — a seeded database file opened read-only,
   * ad-hoc Cypher in killable worker processes. 'none': no console (503). Or a console of the test's.
   */
  console?: 'in-process' | 'workers' | 'none' | CypherConsole;
  /** The console's limits over the configuration's (whose defaults are production's). */
  limits?: Partial<ConsoleLimits>;
  deps?: Partial<AppDeps>;
  /** What the in-memory store holds: the curated data set (default), or what this writes. */
  seed?: (store: GraphStore) => Promise<void>;
}

export async function buildApp(options: AppOptions = {}): Promise<AppUnderTest> {
  const env = options.env ?? {};
  const config = loadConfig(env);
  const logger = createLogger(env.LOG_LEVEL ?? 'silent');
  const limits: ConsoleLimits = {
    ...limitsOf(config),
    timeoutMs: 5000,
    maxRows: 50,
    workers: options.console === 'workers' ? 1 : 2,
    ...options.limits,
  };
  const build = (store: GraphStore, cypherConsole: CypherConsole | undefined) =>
    createApp({ store, config, logger, cypherConsole, clientDir: false, ...options.deps });

  if (options.console === 'workers') {
    const dir = mkdtempSync(join(tmpdir(), 'kg-test-'));
    const path = await seededFile(dir);
    const store = openEmbeddedStore({ path, readOnly: true });
    const cypherConsole = workerConsole(path, limits, logger);
    // As the server does before it listens: the workers have opened the store, the guard its parser.
    await cypherConsole.ready();
    return {
      app: build(store, cypherConsole),
      store,
      close: async () => {
        await cypherConsole.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  const store = openEmbeddedStore();
  await (options.seed ?? seedCurated)(store);
  const cypherConsole =
    options.console === 'none'
      ? undefined
      : typeof options.console === 'object'
        ? options.console
        : storeConsole(store, limits, config.ALLOW_WRITES, config.IMPORT_DIR);
  await cypherConsole?.ready();
  return {
    app: build(store, cypherConsole),
    store,
    close: async () => {
      await cypherConsole?.close();
      await store.close();
    },
  };
}

export interface Listening {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 at a free port. */
export async function listen(app: AppUnderTest['app']): Promise<Listening> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
