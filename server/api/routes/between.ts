import { Router } from 'express';
import { relationshipsBetween } from '../../domain/relationships-between.ts';
import { checkTypes } from '../../domain/schema.ts';
import type { ApiContext } from '../context.ts';
import { BetweenQuery } from '../schemas.ts';
import { parse } from '../validate.ts';

export function betweenRoutes({ store, bounded }: ApiContext): Router {
  const router = Router();
  router.get(
    '/graph/between',
    ...bounded('between', async (req, res) => {
      const query = parse(BetweenQuery, req.query);
      const types = await checkTypes(store, query.types);
      res.json(await relationshipsBetween(store, { ...query, types, from: query.from ?? null, to: query.to ?? null }));
    }),
  );
  return router;
}
