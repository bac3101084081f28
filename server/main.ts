// npm start: opens the configured store, seeds it when empty, serves the explorer.
import { existsSync } from 'node:fs';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createCypherConsole } from './cypher-console/create.ts';
import { createLogger } from './logger.ts';
import { exitUnlessSupportedNode } from './node-version.ts';
import { embeddedDatabasePath, openStore } from './store/open.ts';
import type { GraphStore } from './store/port.ts';
import { applySchema } from './loader/load.ts';
import { curatedDrift, seedCurated } from './loader/seed-curated.ts';

async function main(): Promise<void> {
  exitUnlessSupportedNode();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // A store served read-only (below) and not seeded is opened read-only at once, not writable
  // first: the engine reads the whole store into memory at each open.
  const servedReadOnly = !config.NEO4J_URI && !config.ALLOW_WRITES;
  const openedReadOnly = servedReadOnly && !config.SEED_ON_START && existsSync(embeddedDatabasePath(config.DATA_DIR));
  let store: GraphStore = await openStore(config, { readOnly: openedReadOnly });
  if (config.SEED_ON_START) {
    // The schema first: a data folder from an older version gets any index it lacks.
    await applySchema(store);
    // Seeding is idempotent: a first seed cut short is completed, and a folder seeded from an
    // older curated set gets today's records (and loses the claims curation removed).
    const drift = await curatedDrift(store);
    if (drift.missing > 0 || drift.stale.length > 0) {
      const { after, removed } = await seedCurated(store);
      logger.info({ ...after, removed }, 'seeded the store with the curated data set');
    }
  }
  const embeddedPath = store.kind === 'embedded' ? embeddedDatabasePath(config.DATA_DIR) : undefined;
  if (store.kind === 'embedded' && servedReadOnly && !openedReadOnly) {
    // Serve from a read-only handle: the engine itself then refuses writes, and the Cypher
    // console's worker processes can open the same file beside it.
    await store.close();
    store = await openStore(config, { readOnly: true });
  }
  const cypherConsole = createCypherConsole({ store, config, logger, embeddedPath });
  await cypherConsole.ready();
  const app = createApp({ store, config, logger, cypherConsole });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST}:${port}/`;
    logger.info({ store: store.kind, writes: config.ALLOW_WRITES, url }, 'explorer ready');
    console.log(`kg-explorer is ready at ${url} (${store.kind} store${config.ALLOW_WRITES ? ', writes enabled' : ''})`);
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    server.close(async () => {
      await cypherConsole.close();
      await store.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
