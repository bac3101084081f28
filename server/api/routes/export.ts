import { Router } from 'express';
import type { Response } from 'express';
import type { ExportFormat } from '../../../common/api.ts';
import { graphOfRows } from '../../domain/ad-hoc.ts';
import type { Subgraph } from '../../domain/elements.ts';
import { exportSubgraph } from '../../domain/export/index.ts';
import { cappedIds } from '../../domain/id-cap.ts';
import { inducedSubgraph } from '../../domain/nodes.ts';
import type { GraphStore } from '../../store/port.ts';
import { consoleCall } from '../console-call.ts';
import type { ApiContext } from '../context.ts';
import { requireConsole } from '../context.ts';
import { ExportBody, ExportQuery } from '../schemas.ts';
import { parse } from '../validate.ts';

async function send(
  res: Response,
  store: GraphStore,
  subgraph: Subgraph,
  format: ExportFormat,
  includeSources: boolean | undefined,
): Promise<void> {
  const file = await exportSubgraph(store, subgraph, format, { includeSources });
  res.attachment(file.filename).type(file.contentType).send(file.body);
}

export function exportRoutes(context: ApiContext): Router {
  const { store, bounded, maxIds } = context;
  const router = Router();
  router.get(
    '/export',
    ...bounded('export', async (req, res) => {
      const query = parse(ExportQuery, req.query);
      const ids = cappedIds(query.ids, maxIds);
      await send(res, store, await inducedSubgraph(store, ids), query.format, query.includeSources);
    }),
  );
  router.post(
    '/export',
    ...bounded('export', async (req, res) => {
      const body = parse(ExportBody, req.body);
      let subgraph: Subgraph;
      if (body.ids) subgraph = await inducedSubgraph(store, cappedIds(body.ids, maxIds), body.relationshipIds);
      else {
        const result = await requireConsole(context).run(body.query!, body.params ?? {}, consoleCall(req, res));
        // The console's row cap and byte budget apply to exports too; say so rather than export a silent part.
        res.set('X-Rows-Capped', String(result.capped));
        subgraph = await graphOfRows(store, result.rows);
      }
      await send(res, store, subgraph, body.format, body.includeSources);
    }),
  );
  return router;
}
