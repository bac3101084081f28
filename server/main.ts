// npm start: opens the configured store, seeds it when empty, serves the explorer.
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { openStore } from './store/open.ts';
import { seedCurated, storeCounts } from '../seed/seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config);
  if (config.SEED_ON_START && (await storeCounts(store)).nodes === 0) {
    const { after } = await seedCurated(store);
    logger.info(after, 'seeded the empty store with the curated data set');
  }
  const app = createApp({ store, config, logger });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ store: store.kind }, `explorer ready at http://${config.HOST}:${port}/`);
  });
  const shutdown = () => {
    server.close(() => void store.close().then(() => process.exit(0)));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
