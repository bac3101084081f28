import type { QueryName } from './queries.ts';
import type { Params, Properties, QueryResult } from './graph-values.ts';

/**
 * A statement to run: a named query from cypher/, Cypher text built from one (`from` names the
 * file, see queries.ts), or other text (ad-hoc Cypher). The app's own queries never return a map
 * shaped like a node or relationship, so only other text has such maps checked against the store.
 */
export type Statement = QueryName | { text: string; from?: QueryName };

export interface RunOptions {
  /** Neo4j ends the transaction after this long. The embedded engine cannot stop a running
   *  query: the Cypher console runs those in a process it can kill (see server/cypher-console). */
  timeoutMs?: number;
  /** Map at most this many rows; the result's `more` says whether there were others. */
  maxRows?: number;
}

/** A node to create in bulk: its stable id and all its properties (the id among them). */
export interface NodeRow {
  id: string;
  properties: Properties;
}

/** A relationship to create in bulk, its ends given by their stable ids. */
export interface RelationshipRow {
  id: string;
  source: string;
  target: string;
  properties: Properties;
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
  /**
   * The bulk path for a store known to hold none of these nodes yet (a fresh load): creates
   * without looking for existing ones, so it is not idempotent. One transaction per call: all
   * rows or none. Every node gets the label `Entity` and `label`.
   */
  bulkCreateNodes(label: string, rows: NodeRow[]): Promise<void>;
  /** As bulkCreateNodes, for relationships of one type between existing nodes; a row naming a
   *  node that does not exist fails the whole call. */
  bulkCreateRelationships(type: string, rows: RelationshipRow[]): Promise<void>;
  close(): Promise<void>;
}
