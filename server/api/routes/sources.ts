import { Router } from 'express';
import { sourceClaims, sourceDetails } from '../../domain/sources.ts';
import type { ApiContext } from '../context.ts';
import { ClaimsQuery, SourceParams } from '../schemas.ts';
import { parse } from '../validate.ts';

export function sourceRoutes({ store, readArticle, bounded }: ApiContext): Router {
  const router = Router();
  router.get(
    '/sources/:id',
    ...bounded('source', async (req, res) => {
      const { id } = parse(SourceParams, req.params);
      res.json(await sourceDetails(store, readArticle, id));
    }),
  );
  router.get(
    '/sources/:id/claims',
    ...bounded('claims', async (req, res) => {
      const { id } = parse(SourceParams, req.params);
      const { limit } = parse(ClaimsQuery, req.query);
      res.json(await sourceClaims(store, id, limit));
    }),
  );
  return router;
}
