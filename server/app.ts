import compression from 'compression';
import express from 'express';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { CypherConsole } from './cypher-console/types.ts';
import type { ArticleReader } from './domain/sources.ts';
import { readArticleText } from './loader/curated.ts';
import type { GraphStore } from './store/port.ts';
import type { ApiContext } from './api/context.ts';
import { boundedRoutes } from './api/bounded-routes.ts';
import { clientRoutes } from './api/client.ts';
import { ExportSlots } from './api/export-slots.ts';
import { errorHandler, notFound } from './api/problems.ts';
import { requestLog } from './api/request-log.ts';
import { cypherRoutes } from './api/routes/cypher.ts';
import { exportRoutes } from './api/routes/export.ts';
import { graphRoutes } from './api/routes/graph.ts';
import { metaRoutes } from './api/routes/meta.ts';
import { nodeRoutes } from './api/routes/nodes.ts';
import { searchRoutes } from './api/routes/search.ts';
import { sourceRoutes } from './api/routes/sources.ts';
import { betweenRoutes } from './api/routes/between.ts';
import { cors, cypherRateLimit, requireToken, securityHeaders } from './api/security.ts';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  logger: Logger;
  /** Runs POST /api/cypher and query exports; without it they answer 503. */
  cypherConsole?: CypherConsole;
  /** The JSON body size limit (default 256kb). */
  bodyLimit?: string | number;
  /** The built client to serve (default dist/client); false serves the API only. */
  clientDir?: string | false;
  /** Reads source articles (default: the data set's, in seed/articles/). */
  readArticle?: ArticleReader;
}

export function createApp({
  store,
  config,
  logger,
  cypherConsole,
  bodyLimit = '256kb',
  clientDir,
  readArticle = readArticleText,
}: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', config.TRUST_PROXY);
  // One line per request, with its timing; no headers (they may carry credentials).
  app.use(requestLog(logger));
  app.use(securityHeaders());
  // Small bodies go out as they are: gzip on a pool thread cost a 1-hop answer (3 kB) more time
  // than the bytes it saved, even on a slow link. Large ones (subgraphs, exports) are compressed.
  app.use(compression({ threshold: '4kb' }));

  const bounded = boundedRoutes({
    concurrentPerClient: config.CONCURRENT_READS_PER_CLIENT,
    ratePerWindow: config.RATE_LIMIT_READS,
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    budgetMs: config.QUERY_TIMEOUT_MS,
  });
  const context: ApiContext = {
    store,
    cypherConsole,
    readArticle,
    bounded,
    maxIds: config.MAX_VIEW_IDS,
    exports: { slots: new ExportSlots(config.EXPORT_SLOTS), maxBytes: config.EXPORT_MAX_MB * 2 ** 20 },
  };
  const api = express.Router();
  // Order matters: CORS answers preflights (which carry no credentials) before the token check;
  // the token is checked before any body is read; the rate limit needs the body (query exports).
  api.use(cors(config.CORS_ORIGIN));
  api.use(requireToken(config.API_TOKEN));
  api.use(express.json({ limit: bodyLimit }));
  api.use(cypherRateLimit(config.RATE_LIMIT_CYPHER, config.RATE_LIMIT_WINDOW_MS));
  for (const routes of [
    metaRoutes,
    searchRoutes,
    nodeRoutes,
    graphRoutes,
    betweenRoutes,
    sourceRoutes,
    cypherRoutes,
    exportRoutes,
  ])
    api.use(routes(context));
  api.use(notFound);
  app.use('/api', api);
  if (clientDir !== false) app.use(clientRoutes(clientDir));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
