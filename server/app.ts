import compression from 'compression';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { CypherConsole } from './cypher-console/types.ts';
import type { GraphStore } from './store/port.ts';
import type { ApiContext } from './api/context.ts';
import { errorHandler, notFound } from './api/problems.ts';
import { cypherRoutes } from './api/routes/cypher.ts';
import { exportRoutes } from './api/routes/export.ts';
import { graphRoutes } from './api/routes/graph.ts';
import { metaRoutes } from './api/routes/meta.ts';
import { nodeRoutes } from './api/routes/nodes.ts';
import { searchRoutes } from './api/routes/search.ts';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  logger: Logger;
  /** Runs POST /api/cypher and query exports; without it they answer 503. */
  cypherConsole?: CypherConsole;
  /** The JSON body size limit (default 256kb). */
  bodyLimit?: string | number;
}

export function createApp({ store, logger, cypherConsole, bodyLimit = '256kb' }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger,
      // One line per request, with its timing; no headers (they may carry credentials).
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );
  app.use(helmet());
  app.use(compression());
  app.use(express.json({ limit: bodyLimit }));

  const context: ApiContext = { store, cypherConsole };
  const api = express.Router();
  for (const routes of [metaRoutes, searchRoutes, nodeRoutes, graphRoutes, cypherRoutes, exportRoutes]) api.use(routes(context));
  api.use(notFound);
  app.use('/api', api);
  app.use(errorHandler);
  return app;
}
