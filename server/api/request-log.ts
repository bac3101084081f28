// One log line per request, with its timing, as pino-http wrote it (`req: {method, url}`,
// `res: {statusCode}`, `responseTime`; "request completed", or "request errored" with `err` at
// 500 and above), for a fraction of its cost: pino-http built a child logger per request,
// serialising its bindings whether or not the level let anything through (0.09 ms a request in
// a profile of the 1-hop endpoint). Here the request's logger (`req.log`, for the error handler)
// is a child made only when something uses it.
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.ts';

declare module 'http' {
  interface IncomingMessage {
    /** The server's logger bound to this request (`req: {method, url}`). */
    log: Logger;
  }
}

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const request = { method: req.method, url: req.url };
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get: () => (child ??= logger.child({ req: request })),
    });
    let done = false;
    const finished = (error?: Error) => {
      if (done) return;
      done = true;
      res.off('finish', onFinish);
      res.off('close', onFinish);
      res.off('error', finished);
      const { statusCode } = res;
      const failed = error !== undefined || statusCode >= 500;
      const level = failed ? 'error' : statusCode >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line: Record<string, unknown> = { req: request, res: { statusCode }, responseTime: Date.now() - started };
      if (failed) line.err = error ?? new Error(`failed with status code ${statusCode}`);
      logger[level](line, failed ? 'request errored' : 'request completed');
    };
    const onFinish = () => finished();
    res.on('finish', onFinish);
    res.on('close', onFinish);
    res.on('error', finished);
    next();
  };
}
