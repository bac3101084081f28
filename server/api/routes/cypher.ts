import { Router } from 'express';
import { toCypherResponse } from '../../domain/ad-hoc.ts';
import { consoleCall } from '../console-call.ts';
import type { ApiContext } from '../context.ts';
import { requireConsole } from '../context.ts';
import { CypherBody } from '../schemas.ts';
import { parse } from '../validate.ts';

export function cypherRoutes(context: ApiContext): Router {
  const router = Router();
  router.post('/cypher', async (req, res) => {
    const body = parse(CypherBody, req.body);
    const result = await requireConsole(context).run(body.query, body.params ?? {}, consoleCall(req, res));
    res.json(await toCypherResponse(context.store, result));
  });
  return router;
}
