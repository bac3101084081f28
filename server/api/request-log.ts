// One log line per request, with its timing, by pino-http: `req: {method, url}`, `res:
// {statusCode}`, `responseTime`; "request completed", or "request errored" with `err` at 500 and
// above (warn at 400). No headers (they may carry credentials), and no query-string values: a
// token someone puts in a URL must not reach the log.
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.ts';

/** The URL with every query value replaced: `/api/search?q=putin&token=x` → `/api/search?q=…&token=…`. */
export function redactQuery(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const names = url
    .slice(mark + 1)
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => `${part.split('=')[0]}=…`);
  return `${url.slice(0, mark)}?${names.join('&')}`;
}

export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactQuery(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) =>
      error !== undefined || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
}
