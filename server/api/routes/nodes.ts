import { Router } from 'express';
import { nodeDetails } from '../../domain/nodes.ts';
import type { ApiContext } from '../context.ts';
import { NodeParams } from '../schemas.ts';
import { parse } from '../validate.ts';

export function nodeRoutes({ store }: ApiContext): Router {
  const router = Router();
  router.get('/nodes/:id', async (req, res) => {
    const { id } = parse(NodeParams, req.params);
    res.json(await nodeDetails(store, id));
  });
  return router;
}
