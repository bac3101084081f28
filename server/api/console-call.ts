import type { Request, Response } from 'express';
import type { RunOptions } from '../cypher-console/types.ts';
import { clientKey } from './security.ts';

/**
 * How a request runs ad-hoc Cypher: on behalf of its client's address (for the queue shares), and
 * cancelled when its connection closes before the answer is sent (the query is dropped, or its
 * worker stopped).
 */
export function consoleCall(req: Request, res: Response): RunOptions {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return { client: clientKey(req), signal: controller.signal };
}
