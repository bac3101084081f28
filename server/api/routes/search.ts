import { Router } from 'express';
import { checkLabels } from '../../domain/schema.ts';
import { search } from '../../domain/search.ts';
import type { ApiContext } from '../context.ts';
import { SearchQuery } from '../schemas.ts';
import { parse } from '../validate.ts';

export function searchRoutes({ store, bounded }: ApiContext): Router {
  const router = Router();
  router.get(
    '/search',
    ...bounded('search', async (req, res) => {
      const query = parse(SearchQuery, req.query);
      const labels = await checkLabels(store, query.labels);
      res.json(await search(store, { q: query.q, labels, limit: query.limit }));
    }),
  );
  return router;
}
