import grafeo from '@grafeo-db/js';
import type { GrafeoDB as Database } from '@grafeo-db/js';
import { GraphNode, GraphPath, GraphRelationship } from './graph-values.ts';
import type { Params, Properties, QueryResult, Row, Value } from './graph-values.ts';
import type { GraphStore, Statement } from './port.ts';
import { queryText } from './queries.ts';

const { GrafeoDB } = grafeo;

export interface EmbeddedOptions {
  /** Database file; omit for an in-memory store. */
  path?: string;
  /** Opens with a shared lock; the engine itself refuses every mutation. */
  readOnly?: boolean;
}

export function openEmbeddedStore(options: EmbeddedOptions = {}): GraphStore {
  const { path, readOnly = false } = options;
  if (readOnly && !path) throw new Error('a read-only embedded store needs a path');
  const db = readOnly ? GrafeoDB.openReadOnly(path!) : GrafeoDB.create(path ?? null);
  return new EmbeddedStore(db);
}

function text(statement: Statement): string {
  return typeof statement === 'string' ? queryText(statement) : statement.text;
}

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;

  constructor(private readonly db: Database) {}

  async read(statement: Statement, params: Params = {}): Promise<QueryResult> {
    const result = await this.db.executeCypher(text(statement), params);
    return this.toResult(result.columns, result.toArray());
  }

  async write(statement: Statement, params: Params = {}): Promise<QueryResult> {
    const tx = this.db.beginTransaction();
    try {
      const result = await tx.executeCypher(text(statement), params);
      tx.commit();
      return this.toResult(result.columns, result.toArray());
    } catch (error) {
      if (tx.isActive) tx.rollback();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private toResult(columns: string[], records: Record<string, unknown>[]): QueryResult {
    // Relationship ends come back as internal ids; one lookup per distinct node per result.
    const stableIds = new Map<number, string>();
    const stableId = (internalId: number): string => {
      let id = stableIds.get(internalId);
      if (id === undefined) {
        const node = this.db.getNode(internalId);
        const property = node?.get('id');
        id = typeof property === 'string' ? property : `n:${internalId}`;
        stableIds.set(internalId, id);
      }
      return id;
    };
    const rows = records.map((record) => {
      const row: Row = {};
      for (const column of columns) row[column] = toValue(record[column], stableId);
      return row;
    });
    return { columns, rows };
  }
}

type RawNode = { _id: number; _labels: string[] } & Properties;
type RawEdge = { _id: number; _source: number; _target: number; _type: string } & Properties;

const isRawNode = (value: object): value is RawNode => '_id' in value && '_labels' in value;
const isRawEdge = (value: object): value is RawEdge => '_id' in value && '_type' in value && '_source' in value;
const isRawPath = (value: object): value is { nodes: RawNode[]; edges: RawEdge[] } =>
  Object.keys(value).length === 2 &&
  'nodes' in value && Array.isArray(value.nodes) && value.nodes.every((n) => n && isRawNode(n)) &&
  'edges' in value && Array.isArray(value.edges) && value.edges.every((e) => e && isRawEdge(e));

function withoutInternals(raw: Properties, stableId: (id: number) => string): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith('_')) properties[key] = toValue(value, stableId);
  }
  return properties;
}

function toNode(raw: RawNode, stableId: (id: number) => string): GraphNode {
  const properties = withoutInternals(raw, stableId);
  const id = typeof properties.id === 'string' ? properties.id : `n:${raw._id}`;
  return new GraphNode(id, [...raw._labels].sort(), properties);
}

function toRelationship(raw: RawEdge, stableId: (id: number) => string): GraphRelationship {
  const properties = withoutInternals(raw, stableId);
  const id = typeof properties.id === 'string' ? properties.id : `e:${raw._id}`;
  return new GraphRelationship(id, raw._type, stableId(raw._source), stableId(raw._target), properties);
}

function toValue(raw: unknown, stableId: (id: number) => string): Value {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'bigint') return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw.toString();
  if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (raw instanceof Date) return raw.toISOString();
  if (Buffer.isBuffer(raw)) return raw.toString('base64');
  if (raw instanceof Float32Array) return Array.from(raw);
  if (Array.isArray(raw)) return raw.map((item) => toValue(item, stableId));
  if (typeof raw === 'object') {
    if (isRawPath(raw)) {
      return new GraphPath(
        raw.nodes.map((node) => toNode(node, stableId)),
        raw.edges.map((edge) => toRelationship(edge, stableId)),
      );
    }
    if (isRawEdge(raw)) return toRelationship(raw, stableId);
    if (isRawNode(raw)) return toNode(raw, stableId);
    const map: Record<string, Value> = {};
    for (const [key, value] of Object.entries(raw)) map[key] = toValue(value, stableId);
    return map;
  }
  return String(raw);
}
