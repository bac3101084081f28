import { QueryError, QueryTimeoutError, WriteRefusedError } from './types.ts';

/** Turns the engines' errors about a query into the console's errors; anything else is rethrown. */
export function classifyError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const { gqlStatus, code } = error as Error & { gqlStatus?: string; code?: string };
  // Embedded (@grafeo-db/js): GQLSTATUS classes. 25G03: a write in a read-only transaction.
  if (gqlStatus === '25G03') return new WriteRefusedError('the store is read-only: this query would change data');
  if (gqlStatus && /^(42|22)/.test(gqlStatus)) return new QueryError(engineMessage(error.message));
  // Neo4j: status codes.
  if (code === 'Neo.ClientError.Statement.AccessMode')
    return new WriteRefusedError('the store is read-only: this query would change data');
  if (code?.includes('TransactionTimedOut'))
    return new QueryTimeoutError('the query ran past its timeout and was stopped');
  if (code?.startsWith('Neo.ClientError.')) return new QueryError(error.message);
  return error;
}

/** "Query error: GRAFEO-Q001: syntax error: ..." → "syntax error: ..." with the caret excerpt kept. */
function engineMessage(message: string): string {
  return message.replace(/^[A-Za-z ]+error: GRAFEO-[A-Z0-9]+: /, '');
}
