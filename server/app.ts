import express from 'express';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { GraphStore } from './store/port.ts';
import { storeCounts } from '../seed/seed.ts';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  logger: Logger;
}

export function createApp({ store }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/api/health', async (_req, res) => {
    res.json({ status: 'ok', store: store.kind, counts: await storeCounts(store) });
  });
  return app;
}
