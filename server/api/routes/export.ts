import { Router } from 'express';
import type { Response } from 'express';
import type { ExportFormat } from '../../../common/api.ts';
import { graphOfRows } from '../../domain/ad-hoc.ts';
import type { Subgraph } from '../../domain/elements.ts';
import { exportSubgraph } from '../../domain/export/index.ts';
import { cappedIds } from '../../domain/id-cap.ts';
import { inducedSubgraph } from '../../domain/nodes.ts';
import { consoleCall } from '../console-call.ts';
import type { ApiContext } from '../context.ts';
import { requireConsole } from '../context.ts';
import { ExportBody, ExportQuery } from '../schemas.ts';
import { sendExport } from '../send-export.ts';
import { parse } from '../validate.ts';

interface Wanted {
  format: ExportFormat;
  includeSources?: boolean;
}

export function exportRoutes(context: ApiContext): Router {
  const { store, exports, bounded, maxIds } = context;
  const router = Router();
  // In a slot from reading the subgraph to the last byte sent: that is while it holds memory.
  const send = (res: Response, read: () => Promise<Subgraph>, { format, includeSources }: Wanted) =>
    exports.slots.run(async () => {
      const file = await exportSubgraph(store, await read(), format, { includeSources, maxBytes: exports.maxBytes });
      // Past the time budget the client was already answered 503 (bounded-routes.ts).
      if (!res.headersSent) await sendExport(res, file);
    });

  router.get(
    '/export',
    ...bounded('export', async (req, res) => {
      const query = parse(ExportQuery, req.query);
      const ids = cappedIds(query.ids, maxIds);
      await send(res, () => inducedSubgraph(store, ids), query);
    }),
  );
  router.post(
    '/export',
    ...bounded('export', async (req, res) => {
      const body = parse(ExportBody, req.body);
      if (body.ids) {
        const ids = cappedIds(body.ids, maxIds);
        await send(res, () => inducedSubgraph(store, ids, body.relationshipIds), body);
        return;
      }
      const result = await requireConsole(context).run(body.query!, body.params ?? {}, consoleCall(req, res));
      // The console's row cap and byte budget apply to exports too; say so rather than export a silent part.
      res.set('X-Rows-Capped', String(result.capped));
      await send(res, () => graphOfRows(store, result.rows), body);
    }),
  );
  return router;
}
