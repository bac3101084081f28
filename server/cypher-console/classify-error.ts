import { QueryConflictError, QueryError, QueryTimeoutError, WriteRefusedError } from './types.ts';

const readOnly = 'the store is read-only: this query would change data';

/**
 * GQLSTATUS classes (ISO/IEC 39075, which both engines report: @grafeo-db/js as `gqlStatus`,
 * neo4j-driver as `gqlStatus`) that are the query's fault: its syntax, its data, its use of the
 * graph. Connection, system and other classes are the server's side and stay unexpected (500).
 */
const queryClasses = new Set([
  '22', // data exception: division by zero, a bad date, a negative LIMIT
  '42', // syntax error or access rule violation: bad Cypher, an unknown function, a missing parameter
  'G1', // dependent object error: deleting a node that still has relationships
  'G2', // graph type violation
  '25', // invalid transaction state: a write where only reads are allowed
  '2D', // invalid transaction termination
]);

/** Turns the engines' errors about a query into the console's errors; anything else is returned as it is. */
export function classifyError(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  const { gqlStatus, code } = error as Error & { gqlStatus?: string; code?: string };
  // Neo4j's own codes first: they are finer than its GQLSTATUS for these two.
  if (code === 'Neo.ClientError.Statement.AccessMode') return new WriteRefusedError(readOnly);
  if (code?.includes('TransactionTimedOut'))
    return new QueryTimeoutError('the query ran past its timeout and was stopped');
  // 25G03 (embedded): a write in a read-only transaction.
  if (gqlStatus === '25G03') return new WriteRefusedError(readOnly);
  const statusClass = gqlStatus?.slice(0, 2);
  if (statusClass === '40') return new QueryConflictError(engineMessage(error.message));
  if (statusClass && queryClasses.has(statusClass)) return new QueryError(engineMessage(error.message));
  if (code?.startsWith('Neo.ClientError.')) return new QueryError(error.message);
  return error;
}

/** "Query error: GRAFEO-Q001: syntax error: ..." → "syntax error: ..." with the caret excerpt kept. */
function engineMessage(message: string): string {
  return message.replace(/^[A-Za-z ]+error: GRAFEO-[A-Z0-9]+: /, '');
}
