import { Router } from 'express';
import { cappedIds } from '../../domain/id-cap.ts';
import { neighborhood } from '../../domain/neighborhood.ts';
import { shortestPaths } from '../../domain/paths.ts';
import { checkLabels, checkTypes } from '../../domain/schema.ts';
import { subgraph } from '../../domain/subgraph.ts';
import type { ApiContext } from '../context.ts';
import { NeighborhoodQuery, PathsQuery, SubgraphBody } from '../schemas.ts';
import { parse } from '../validate.ts';

export function graphRoutes({ store, bounded, maxIds }: ApiContext): Router {
  const router = Router();
  router.get(
    '/graph/neighborhood',
    ...bounded('neighborhood', async (req, res) => {
      const query = parse(NeighborhoodQuery, req.query);
      const [types, labels] = await Promise.all([checkTypes(store, query.types), checkLabels(store, query.labels)]);
      res.json(
        await neighborhood(store, {
          ids: query.ids,
          depth: query.depth,
          types,
          labels,
          from: query.from ?? null,
          to: query.to ?? null,
          limit: query.limit,
        }),
      );
    }),
  );
  router.post(
    '/graph/subgraph',
    ...bounded('subgraph', async (req, res) => {
      const body = parse(SubgraphBody, req.body);
      const ids = cappedIds(body.ids, maxIds);
      const [types, labels] = await Promise.all([checkTypes(store, body.types), checkLabels(store, body.labels)]);
      res.json(
        await subgraph(store, {
          ids,
          types,
          labels,
          from: body.from ?? null,
          to: body.to ?? null,
          limit: body.limit,
        }),
      );
    }),
  );
  router.get(
    '/graph/paths',
    ...bounded('paths', async (req, res) => {
      const query = parse(PathsQuery, req.query);
      const types = await checkTypes(store, query.types);
      res.json(await shortestPaths(store, { ...query, types }));
    }),
  );
  return router;
}
