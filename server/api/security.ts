// Access control for the API: an optional bearer token, CORS for configured origins only, a rate
// limit on ad-hoc Cypher, and the security headers (with the content security policy the client
// runs under). Every refusal is problem+json.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { problem, sendProblem } from './problems.ts';

/**
 * The content security policy: everything from this origin only, no inline or evaluated script.
 * style-src allows inline styles because CodeMirror injects <style> elements at run time;
 * img-src allows data: and blob: for the exported images the client builds in the page. No
 * upgrade-insecure-requests: the server may be reached over plain HTTP on a private network.
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
} as const;

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    // The explorer is served over plain HTTP on loopback by default; HSTS belongs to the TLS proxy.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * When a token is configured, every request it guards must carry `Authorization: Bearer <token>`;
 * otherwise 401 with a WWW-Authenticate challenge. Compared in constant time.
 */
export function requireToken(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
    if (match && timingSafeEqual(digest(match[1]!), expected)) {
      next();
      return;
    }
    res.set('WWW-Authenticate', match ? 'Bearer error="invalid_token"' : 'Bearer');
    sendProblem(
      res,
      problem(
        401,
        match ? 'the API token is not valid' : 'this API needs a token: send Authorization: Bearer <token>',
        { title: 'Unauthorized' },
      ),
    );
  };
}

/**
 * CORS for the configured origins only. With none configured, no CORS headers are sent, so
 * browsers let only same-origin pages read responses (and never send preflighted requests, such
 * as JSON POSTs or ones with an Authorization header). Browsers' requests that say they come from
 * another site (Sec-Fetch-Site) with an origin not on the list are refused outright with 403, so
 * even "simple" cross-site requests never run a query.
 */
export function cors(allowed: readonly string[]): RequestHandler {
  const origins = new Set(allowed);
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin && origins.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      res.set(
        'Access-Control-Expose-Headers',
        'Content-Disposition, X-Rows-Capped, RateLimit, RateLimit-Policy, Retry-After',
      );
      if (req.method === 'OPTIONS' && req.get('access-control-request-method')) {
        res.set('Access-Control-Allow-Methods', 'GET, POST');
        res.set('Access-Control-Allow-Headers', 'Content-Type, Authorization');
        res.set('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    if (origin && (site === 'cross-site' || site === 'same-site')) {
      sendProblem(
        res,
        problem(403, `requests from ${origin.slice(0, 200)} are not allowed (CORS_ORIGIN)`, {
          title: 'Origin not allowed',
        }),
      );
      return;
    }
    next();
  };
}

/** Is this request an ad-hoc query: POST /cypher, or POST /export with a query? (Paths under
 *  /api, compared as the router matches them: any case, a trailing slash or not.) */
function isAdHocQuery(req: Request): boolean {
  if (req.method !== 'POST') return false;
  const path = req.path.toLowerCase().replace(/\/+$/, '');
  if (path === '/cypher') return true;
  const body = req.body as { query?: unknown } | undefined;
  return path === '/export' && typeof body === 'object' && body !== null && 'query' in body;
}

/** A client, as the rate limit and the Cypher console's queue shares count them: its address
 *  (an IPv6 address by its /56 network). */
export const clientKey = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown');

/** At most `limit` ad-hoc queries per client address per window; 429 problem+json past it. 0: no limit. */
export function cypherRateLimit(limit: number, windowMs: number): RequestHandler {
  if (limit === 0) return (_req, _res, next) => next();
  const limiter = rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => !isAdHocQuery(req),
    keyGenerator: clientKey,
    handler: (_req, res, _next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      sendProblem(
        res,
        problem(429, `too many ad-hoc queries: at most ${options.limit} per ${seconds} s per client; try again later`, {
          title: 'Too Many Requests',
        }),
      );
    },
  });
  // Only POSTs can be ad-hoc queries: every other request passes without the limiter's async round.
  return (req, res, next) => (req.method === 'POST' ? limiter(req, res, next) : next());
}
