// The keywords both read-only locks refuse (write-guard.ts reads words, parsed-guard.ts reads
// Neo4j's parse tree). The locks stay independent checks; only the list is shared, so a new
// write or administration keyword is added once. Each lock adds its own extras beside it.

/** Clauses that change data or read files. */
export const WRITE_KEYWORDS = ['CREATE', 'INSERT', 'MERGE', 'SET', 'REMOVE', 'DELETE', 'DETACH', 'FOREACH', 'LOAD'];

/** Administration commands, and USE, which switches database. */
export const ADMIN_KEYWORDS = [
  'USE',
  'DROP',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'RENAME',
  'START',
  'STOP',
  'TERMINATE',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
];
