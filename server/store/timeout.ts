// Which store errors mean "the store gave up on the query because it ran too long": the embedded
// engine's own query timeout (it has one, fixed, that its API cannot set or cancel), and a Neo4j
// transaction past the timeout the adapter gave it (RunOptions.timeoutMs).

/** The embedded engine's error code for a query past its timeout ("GRAFEO-Q003: ... exceeded the 30s timeout"). */
const engineTimeoutCode = 'GRAFEO-Q003';

export function isStoreTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as Error & { code?: unknown };
  if (typeof code === 'string' && code.includes('TransactionTimedOut')) return true;
  return error.message.includes(`${engineTimeoutCode}:`);
}
