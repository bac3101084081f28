import type { QueryName } from './queries.ts';
import type { Params, QueryResult } from './graph-values.ts';

/** A statement to run: a named query from cypher/, or Cypher text built from one (see queries.ts). */
export type Statement = QueryName | { text: string };

export interface RunOptions {
  /** Neo4j ends the transaction after this long. The embedded engine cannot stop a running
   *  query: the Cypher console runs those in a process it can kill (see server/cypher-console). */
  timeoutMs?: number;
}

/**
 * The one port the app talks to. Both adapters run the same Cypher text and map
 * results to the plain model in graph-values.ts.
 */
export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Runs in a read transaction (routed to a reader on a Neo4j cluster). */
  read(statement: Statement, params?: Params, options?: RunOptions): Promise<QueryResult>;
  /** Runs in one write transaction: all of it is applied, or none. */
  write(statement: Statement, params?: Params, options?: RunOptions): Promise<QueryResult>;
  close(): Promise<void>;
}
