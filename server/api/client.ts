// Serves the built front end (dist/client, from `npm run build`): its files, and index.html for
// any other GET outside /api (the client's own routes and permalinks). Without a build, pages get
// a short 503 saying how to make one; the API works either way.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { RequestHandler, Router } from 'express';

export const defaultClientDir = fileURLToPath(new URL('../../dist/client', import.meta.url));

const notBuilt = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Knowledge-graph explorer: client not built</title></head>
<body><h1>The client is not built</h1>
<p>The API is running (<a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>),
but there is no built front end to serve. Run <code>npm run build</code> (or start with <code>npm start</code>,
which builds first), then reload this page.</p></body></html>
`;

export function clientRoutes(dir: string = defaultClientDir): Router {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  const router = express.Router();
  // Source maps would publish the client's source: a build keeps them, the server does not serve them.
  router.use((req, _res, next) => (req.path.endsWith('.map') ? next('router') : next()));
  router.use(
    express.static(root, {
      index: false,
      fallthrough: true,
      setHeaders: (res, path) => {
        // Vite names assets by content hash: they never change. Everything else is revalidated.
        res.set(
          'Cache-Control',
          path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  const fallback: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) {
      next();
      return;
    }
    // A missing asset is a 404, not the page.
    if (req.path.startsWith('/assets/')) {
      next();
      return;
    }
    if (!existsSync(index)) {
      res.status(503).type('html').set('Cache-Control', 'no-store').send(notBuilt);
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
  router.use(fallback);
  return router;
}
