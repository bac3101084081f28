// The expensive reads (subgraph, exports by ids, claims, schema, search, neighbourhoods, paths,
// relationships between two nodes) are bounded per client like ad-hoc Cypher: a rate per window
// and a number running at once, each per kind of read, keyed as the Cypher limit keys clients;
// past either, 429 problem+json with Retry-After. Each request's store work has a time budget:
// past it the client gets a 503 problem with Retry-After. A store that cannot stop a query (the
// embedded engine) goes on with it; the request keeps its client's slot until that work ends, so
// a client cannot pile up work by retrying or hanging up.
import type { Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { StoreBudgetError } from '../domain/errors.ts';
import { problem, sendProblem } from './problems.ts';
import { clientKey } from './security.ts';

export const readKinds = [
  'subgraph',
  'export',
  'claims',
  'source',
  'schema',
  'search',
  'neighborhood',
  'paths',
  'between',
] as const;
export type ReadKind = (typeof readKinds)[number];

export interface ReadLimits {
  /** Requests of one kind a client may have running at once. */
  concurrentPerClient: number;
  /** Requests of one kind per client per window; 0: no rate limit. */
  ratePerWindow: number;
  windowMs: number;
  /** The longest a request's store work may take before the client gets a 503. */
  budgetMs: number;
}

type Handler = (req: Request, res: Response) => Promise<void>;

/** How many requests each client has running, for one kind of read. */
export class InFlight {
  private readonly running = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Takes a slot for the client, or says there is none left. */
  take(client: string): boolean {
    const count = this.running.get(client) ?? 0;
    if (count >= this.max) return false;
    this.running.set(client, count + 1);
    return true;
  }

  release(client: string): void {
    const count = (this.running.get(client) ?? 1) - 1;
    if (count <= 0) this.running.delete(client);
    else this.running.set(client, count);
  }
}

const tooMany = (res: Response, retryAfterSeconds: number, detail: string) => {
  res.set('Retry-After', String(retryAfterSeconds));
  sendProblem(res, problem(429, detail, { title: 'Too Many Requests' }));
};

function rateOf(kind: ReadKind, limits: ReadLimits): RequestHandler | undefined {
  if (limits.ratePerWindow === 0) return undefined;
  return rateLimit({
    windowMs: limits.windowMs,
    limit: limits.ratePerWindow,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: kind,
    keyGenerator: clientKey,
    // express-rate-limit sets Retry-After before it calls this.
    handler: (_req, res, _next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      sendProblem(
        res,
        problem(
          429,
          `too many ${kind} requests: at most ${options.limit} per ${seconds} s per client (RATE_LIMIT_READS); try again later`,
          { title: 'Too Many Requests' },
        ),
      );
    },
  });
}

/** Runs `handler` in one of the client's slots for `kind`, within the time budget. */
function slotted(kind: ReadKind, limits: ReadLimits): (handler: Handler) => RequestHandler {
  const inFlight = new InFlight(limits.concurrentPerClient);
  return (handler) => async (req, res, next) => {
    const client = clientKey(req);
    if (!inFlight.take(client)) {
      tooMany(
        res,
        1,
        `too many ${kind} requests at once: at most ${limits.concurrentPerClient} per client (CONCURRENT_READS_PER_CLIENT); wait for one to finish`,
      );
      return;
    }
    const work = handler(req, res);
    // The slot is the client's until the work ends, even after a 503 or a closed connection.
    const settled = work.then(
      () => undefined,
      (error: unknown) => error,
    );
    void settled.then(() => inFlight.release(client));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limits.budgetMs);
    });
    const outcome = await Promise.race([settled.then((error) => ({ error })), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      if (!res.headersSent) next(new StoreBudgetError(limits.budgetMs));
      return;
    }
    if (outcome.error !== undefined) next(outcome.error);
  };
}

/** The middleware that bounds one kind of read: wrap its handler, `router.get(path, ...bounded(kind, handler))`. */
export type Bounded = (kind: ReadKind, handler: Handler) => RequestHandler[];

export function boundedRoutes(limits: ReadLimits): Bounded {
  const byKind = new Map(
    readKinds.map((kind) => [kind, { rate: rateOf(kind, limits), slot: slotted(kind, limits) }] as const),
  );
  return (kind, handler) => {
    const { rate, slot } = byKind.get(kind)!;
    return rate ? [rate, slot(handler)] : [slot(handler)];
  };
}
