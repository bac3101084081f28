import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { GraphNode, GraphPath, GraphRelationship } from './graph-values.ts';
import type { Params, Properties, QueryResult, Row, Value } from './graph-values.ts';
import type { GraphStore, NodeRow, RelationshipRow, RunOptions, Statement } from './port.ts';
import { createNodesFor, createRelationshipsFor, queryText } from './queries.ts';

export interface Neo4jOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** The transaction timeout of a statement run without one of its own (RunOptions.timeoutMs). */
  timeoutMs?: number;
}

export async function openNeo4jStore(options: Neo4jOptions): Promise<GraphStore> {
  const auth = options.username ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
  const driver = neo4j.driver(options.uri, auth, { userAgent: 'kg-explorer' });
  await driver.verifyConnectivity({ database: options.database });
  return new Neo4jStore(driver, options.database, options.timeoutMs);
}

function text(statement: Statement): string {
  return typeof statement === 'string' ? queryText(statement) : statement.text;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;

  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly timeoutMs?: number,
  ) {}

  async read(statement: Statement, params: Params = {}, options: RunOptions = {}): Promise<QueryResult> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => run(tx, text(statement), params), {
        timeout: options.timeoutMs ?? this.timeoutMs,
      });
    } finally {
      await session.close();
    }
  }

  async write(statement: Statement, params: Params = {}, options: RunOptions = {}): Promise<QueryResult> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => run(tx, text(statement), params), { timeout: options.timeoutMs });
    } finally {
      await session.close();
    }
  }

  /** UNWIND ... CREATE (cypher/create-nodes.cypher) in one write transaction. */
  async bulkCreateNodes(label: string, rows: NodeRow[]): Promise<void> {
    await this.write(createNodesFor(label), { rows });
  }

  /** UNWIND ... MATCH ... CREATE (cypher/create-relationships.cypher) in one write transaction. */
  async bulkCreateRelationships(type: string, rows: RelationshipRow[]): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite(async (tx) => {
        // MATCH skips a row whose end is missing: count, and roll the batch back if one was.
        const {
          rows: [row],
        } = await run(tx, createRelationshipsFor(type).text, { rows });
        const created = Number(row?.created ?? 0);
        if (created !== rows.length)
          throw new Error(
            `${rows.length - created} of ${rows.length} ${type} relationships name a node that does not exist`,
          );
      });
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

async function run(tx: ManagedTransaction, query: string, params: Params): Promise<QueryResult> {
  const pending = tx.run(query, toNeo4jParams(params));
  const columns = (await pending.keys()).map(String);
  const { records } = await pending;
  const stableIds = await resolveStableIds(tx, records);
  const rows = records.map((record): Row =>
    Object.fromEntries(record.keys.map((key) => [String(key), toValue(record.get(key), stableIds)])),
  );
  return { columns, rows };
}

// JS numbers reach Neo4j as floats; integral ones must be sent as integers (LIMIT 25, not 25.0).
function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toNeo4jParams(item)]));
  }
  return value;
}

/**
 * Relationships carry only their ends' element ids. Map those to the stable `id` property:
 * from the nodes in the result where possible, and one lookup for the rest.
 */
async function resolveStableIds(tx: ManagedTransaction, records: Neo4jRecord[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const wanted = new Set<string>();
  const visit = (value: unknown): void => {
    if (neo4j.isNode(value)) {
      ids.set(value.elementId, stableNodeId(value.elementId, value.properties));
    } else if (neo4j.isRelationship(value)) {
      wanted.add(value.startNodeElementId);
      wanted.add(value.endNodeElementId);
    } else if (neo4j.isPath(value)) {
      visit(value.start);
      for (const segment of value.segments) visit(segment.end);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      Object.values(value).forEach(visit);
    }
  };
  for (const record of records) record.forEach((value) => visit(value));
  const missing = [...wanted].filter((elementId) => !ids.has(elementId));
  if (missing.length > 0) {
    const lookup = await tx.run('MATCH (n) WHERE elementId(n) IN $ids RETURN elementId(n) AS elementId, n.id AS id', {
      ids: missing,
    });
    for (const record of lookup.records) {
      const elementId = record.get('elementId') as string;
      ids.set(elementId, stableNodeId(elementId, { id: record.get('id') }));
    }
  }
  return ids;
}

function stableNodeId(elementId: string, properties: Properties): string {
  return typeof properties.id === 'string' ? properties.id : elementId;
}

function toProperties(raw: Properties, stableIds: Map<string, string>): Properties {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, toValue(value, stableIds)]));
}

function toValue(raw: unknown, stableIds: Map<string, string>): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'bigint') return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw.toString();
  if (neo4j.isInt(raw)) return raw.inSafeRange() ? raw.toNumber() : raw.toString();
  if (neo4j.isNode(raw)) {
    const properties = toProperties(raw.properties, stableIds);
    return new GraphNode(stableNodeId(raw.elementId, properties), [...raw.labels].sort(), properties);
  }
  if (neo4j.isRelationship(raw)) {
    const properties = toProperties(raw.properties, stableIds);
    const id = typeof properties.id === 'string' ? properties.id : raw.elementId;
    const endId = (elementId: string) => stableIds.get(elementId) ?? elementId;
    return new GraphRelationship(id, raw.type, endId(raw.startNodeElementId), endId(raw.endNodeElementId), properties);
  }
  if (neo4j.isPath(raw)) {
    const nodes = [raw.start, ...raw.segments.map((segment) => segment.end)];
    return new GraphPath(
      nodes.map((node) => toValue(node, stableIds) as GraphNode),
      raw.segments.map((segment) => toValue(segment.relationship, stableIds) as GraphRelationship),
    );
  }
  if (
    neo4j.isDate(raw) ||
    neo4j.isDateTime(raw) ||
    neo4j.isLocalDateTime(raw) ||
    neo4j.isTime(raw) ||
    neo4j.isLocalTime(raw) ||
    neo4j.isDuration(raw)
  ) {
    return raw.toString();
  }
  if (neo4j.isPoint(raw)) {
    return { srid: toValue(raw.srid, stableIds), x: raw.x, y: raw.y, ...(raw.z === undefined ? {} : { z: raw.z }) };
  }
  if (Array.isArray(raw)) return raw.map((item) => toValue(item, stableIds));
  if (raw instanceof Uint8Array) return Buffer.from(raw).toString('base64');
  if (typeof raw === 'object') {
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, toValue(value, stableIds)]));
  }
  return String(raw);
}
