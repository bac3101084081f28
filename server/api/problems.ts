// Errors as RFC 9457 problem+json, everywhere. Known errors map to their status; anything else is
// a 500 with a generic detail (logged in full, never sent).
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { problemContentType } from '../../common/api.ts';
import type { Problem } from '../../common/api.ts';
import {
  ConsoleBusyError,
  MemoryLimitError,
  QueryCancelledError,
  QueryConflictError,
  QueryError,
  QueryTimeoutError,
  QueryTooComplexError,
  WriteRefusedError,
} from '../cypher-console/types.ts';
import {
  ExportTooLargeError,
  InvalidFieldError,
  StoreBudgetError,
  TooManyIdsError,
  UnexportableError,
  UnknownNodesError,
  UnknownSourceError,
} from '../domain/errors.ts';
import { ExportsBusyError } from './export-slots.ts';
import { isStoreTimeout } from '../store/timeout.ts';

export type FieldError = { field: string; message: string };

/** A request that failed validation: 400 with the fields and why. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
  }
}

/** An error that already knows its HTTP status. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  const title = extra.title ?? titles[status] ?? 'Error';
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { type: `about:blank#${slug}`, title, status, detail, ...extra };
}

export function sendProblem(res: Response, body: Problem): void {
  res.status(body.status).type(problemContentType).send(JSON.stringify(body));
}

/** The Problem an error stands for, or undefined for an unexpected one. */
export function toProblem(error: unknown): Problem | undefined {
  if (error instanceof ValidationError) {
    return problem(400, 'the request is not valid: see errors', { title: 'Invalid request', errors: error.errors });
  }
  if (error instanceof InvalidFieldError) {
    return problem(400, error.message, {
      title: 'Invalid request',
      errors: [{ field: error.field, message: error.message }],
    });
  }
  if (error instanceof UnknownNodesError) return problem(404, error.message, { title: 'Node not found' });
  if (error instanceof TooManyIdsError) {
    return problem(413, error.message, {
      title: 'Too many node ids',
      errors: [{ field: error.field, message: `at most ${error.max} ids` }],
      maxIds: error.max,
    });
  }
  const budget = storeBudget(error);
  if (budget) return problem(503, budget.message, { title: 'Store too slow for this request' });
  if (error instanceof UnexportableError) return problem(422, error.message, { title: 'Cannot export in this format' });
  if (error instanceof ExportTooLargeError) return problem(413, error.message, { title: 'Export too large' });
  if (error instanceof ExportsBusyError) return problem(503, error.message, { title: 'Exports busy' });
  if (error instanceof UnknownSourceError) return problem(404, error.message, { title: 'Source not found' });
  if (error instanceof WriteRefusedError) return problem(403, error.message, { title: 'Write refused' });
  if (error instanceof QueryTimeoutError) return problem(408, error.message, { title: 'Query timed out' });
  if (error instanceof QueryError) {
    return problem(400, error.message, {
      title: 'Invalid query',
      errors: [{ field: 'query', message: error.message }],
    });
  }
  if (error instanceof QueryTooComplexError) {
    return problem(400, error.message, {
      title: 'Query too complex to check',
      errors: [{ field: 'query', message: error.message }],
    });
  }
  if (error instanceof MemoryLimitError) return problem(422, error.message, { title: 'Query used too much memory' });
  if (error instanceof QueryConflictError) return problem(409, error.message, { title: 'Query conflicted' });
  if (error instanceof ConsoleBusyError) return problem(503, error.message, { title: 'Cypher console busy' });
  // Nobody is left to read this answer; the status is for the log.
  if (error instanceof QueryCancelledError) return problem(499, error.message, { title: 'Client closed request' });
  if (error instanceof HttpProblem) return problem(error.status, error.message, { title: error.title });
  // The router could not decode a percent-encoded path parameter (/api/nodes/%ff).
  if (error instanceof URIError) {
    return problem(400, 'the path is not valid percent-encoding (UTF-8)', {
      errors: [{ field: 'path', message: 'not valid percent-encoding' }],
    });
  }
  // body-parser's errors carry their status and a `type`, other http-errors `expose`; their
  // messages are safe to show (a body whose Content-Encoding does not decode: "Decompression failed").
  const e = error as { status?: unknown; type?: unknown; expose?: unknown; message?: unknown };
  if (
    typeof e?.status === 'number' &&
    e.status >= 400 &&
    e.status < 500 &&
    (typeof e.type === 'string' || e.expose === true)
  ) {
    if (e.type === 'entity.too.large') return problem(413, 'the request body is larger than the limit');
    if (e.type === 'entity.parse.failed') {
      return problem(400, 'the request body is not valid JSON', {
        errors: [{ field: 'body', message: 'not valid JSON' }],
      });
    }
    return problem(e.status, typeof e.message === 'string' ? e.message : 'bad request');
  }
  return undefined;
}

/** The store ran past a time budget: ours (StoreBudgetError), or its own (a store timeout error). */
function storeBudget(error: unknown): StoreBudgetError | undefined {
  if (error instanceof StoreBudgetError) return error;
  return isStoreTimeout(error) ? new StoreBudgetError() : undefined;
}

/** Seconds a client is asked to wait after a store timeout: the store may be busy with other work. */
const storeRetryAfterSeconds = 5;

export const notFound: RequestHandler = (req, res) => {
  sendProblem(res, problem(404, `no route ${req.method} ${req.path}`));
};

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const known = toProblem(error);
  if (known) {
    if (error instanceof ConsoleBusyError || error instanceof ExportsBusyError)
      res.set('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof ConsoleBusyError) res.set('Retry-After', String(error.retryAfterSeconds));
    if (storeBudget(error)) res.set('Retry-After', String(storeRetryAfterSeconds));
    sendProblem(res, known);
    return;
  }
  req.log?.error({ err: error }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendProblem(res, problem(500, 'the server failed to handle this request; it has been logged'));
};
