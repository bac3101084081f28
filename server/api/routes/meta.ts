import { Router } from 'express';
import type { HealthResponse } from '../../../common/api.ts';
import { readSchema, storeCounts } from '../../domain/schema.ts';
import type { ApiContext } from '../context.ts';
import { openApiDocument } from '../openapi.ts';

export function metaRoutes({ store, cypherConsole }: ApiContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const console = cypherConsole?.status();
    const body: HealthResponse = {
      status: console?.state === 'degraded' ? 'degraded' : 'ok',
      store: store.kind,
      counts: await storeCounts(store),
      ...(console ? { console } : {}),
    };
    res.json(body);
  });
  router.get('/schema', async (_req, res) => {
    res.json(await readSchema(store));
  });
  let document: object | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  return router;
}
