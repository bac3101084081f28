// A worker thread that runs the read-only check (read-only-check.ts): parsing can take seconds on
// a pathological query, so it never runs on the server's event loop, and the pool terminates a
// thread whose check runs past its budget. Node runs this file as TypeScript by stripping types.
import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { GuardVerdict } from './write-guard.ts';

export interface GuardRequest {
  id: number;
  query: string;
}

export type GuardReply = { ready: true } | { id: number; verdict: GuardVerdict };

// The parser is megabytes of JavaScript: a thread that replaces a stuck one starts from Node's
// compile cache, not from source.
enableCompileCache();
const { checkQuery } = await import('./read-only-check.ts');

const port = parentPort!;
// Warm the parser (its first parse compiles much of it) before saying this thread is ready.
checkQuery('MATCH (n) WHERE n.id = $id RETURN n LIMIT 1');
port.on('message', ({ id, query }: GuardRequest) => {
  let verdict: GuardVerdict;
  try {
    verdict = checkQuery(query);
  } catch (error) {
    verdict = { ok: false, kind: 'invalid', reason: `the query could not be checked: ${(error as Error).message}` };
  }
  port.postMessage({ id, verdict } satisfies GuardReply);
});
port.postMessage({ ready: true } satisfies GuardReply);
