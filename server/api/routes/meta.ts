import { Router } from 'express';
import type { HealthResponse } from '../../../common/api.ts';
import { readSchema, storeCounts } from '../../domain/schema.ts';
import { sharedAnswer } from '../../domain/shared-answer.ts';
import type { ApiContext } from '../context.ts';
import { openApiDocument } from '../openapi.ts';

/** How long health's counts and the schema are served from the last read. */
const countsTtlMs = 5000;

export function metaRoutes({ store, cypherConsole, bounded }: ApiContext): Router {
  const router = Router();
  // Counts and schema change only when data is written; a few seconds' lag is the price of a
  // flood of health or schema requests costing one store read.
  const counts = sharedAnswer(() => storeCounts(store), countsTtlMs);
  const schema = sharedAnswer(() => readSchema(store), countsTtlMs);
  router.get('/health', async (_req, res) => {
    const console = cypherConsole?.status();
    const body: HealthResponse = {
      status: console?.state === 'degraded' ? 'degraded' : 'ok',
      store: store.kind,
      counts: await counts(),
      ...(console ? { console } : {}),
    };
    res.json(body);
  });
  router.get(
    '/schema',
    ...bounded('schema', async (_req, res) => {
      res.json(await schema());
    }),
  );
  let document: object | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= openApiDocument();
    res.json(document);
  });
  return router;
}
