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

const UNIQUE_CONSTRAINT =
  /^\s*CREATE\s+CONSTRAINT\s+(?:(\w+)\s+)?(?:IF\s+NOT\s+EXISTS\s+)?FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*REQUIRE\s+\2\.(\w+)\s+IS\s+UNIQUE\s*$/i;

/**
 * On Neo4j a uniqueness constraint comes with an index; on this engine it does not, and every
 * MERGE or MATCH on the property would scan all nodes. So the adapter adds the index itself.
 */
function indexBehindConstraint(query: string): string | undefined {
  const match = UNIQUE_CONSTRAINT.exec(query);
  if (!match) return undefined;
  const [, name, , label, property] = match;
  return `CREATE INDEX ${name ?? `${label}_${property}`}_index IF NOT EXISTS FOR (n:${label}) ON (n.${property})`;
}

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;

  constructor(private readonly db: Database) {}

  async read(statement: Statement, params: Params = {}): Promise<QueryResult> {
    const result = await this.db.executeCypher(text(statement), params);
    return this.toResult(result.columns, result.toArray());
  }

  async write(statement: Statement, params: Params = {}): Promise<QueryResult> {
    const query = text(statement);
    const tx = this.db.beginTransaction();
    try {
      const result = await tx.executeCypher(query, params);
      const index = indexBehindConstraint(query);
      if (index) await tx.executeCypher(index);
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

  private toResult(allColumns: string[], records: Record<string, unknown>[]): QueryResult {
    // A query without RETURN also yields the engine's own variables (_anon_edge_0, _path_nodes_p).
    const columns = allColumns.filter((column) => !column.startsWith('_'));
    const mapper = new ResultMapper(this.db);
    const rows = records.map((record) => {
      const row: Row = {};
      for (const column of columns) row[column] = mapper.value(record[column]);
      return row;
    });
    return { columns, rows };
  }
}

type RawNode = { _id: number; _labels: string[] } & Properties;
type RawEdge = { _id: number; _source: number; _target: number; _type: string } & Properties;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isRawNode = (value: unknown): value is RawNode => isObject(value) && '_id' in value && '_labels' in value;
const isRawEdge = (value: unknown): value is RawEdge =>
  isObject(value) && '_id' in value && '_type' in value && '_source' in value;
const isPathShape = (value: object): value is { nodes: unknown[]; edges: unknown[] } =>
  Object.keys(value).length === 2 && 'nodes' in value && Array.isArray(value.nodes) && 'edges' in value && Array.isArray(value.edges);
const isRawPath = (value: object): value is { nodes: RawNode[]; edges: RawEdge[] } =>
  isPathShape(value) && value.nodes.every(isRawNode) && value.edges.every(isRawEdge);
/** A query without RETURN gives its path variables as internal ids: {nodes: [5, 6], edges: [45]}. */
const isIdPath = (value: object): value is { nodes: number[]; edges: number[] } =>
  isPathShape(value) && value.nodes.length > 0 && [...value.nodes, ...value.edges].every((id) => typeof id === 'number');

/** Maps one result's raw values to the plain model. */
class ResultMapper {
  // Relationship ends come back as internal ids: one lookup per distinct node per result.
  private readonly stableIds = new Map<number, string>();

  constructor(private readonly db: Database) {}

  value(raw: unknown): Value {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'bigint') return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw.toString();
    if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
    if (raw instanceof Date) return raw.toISOString();
    if (Buffer.isBuffer(raw)) return raw.toString('base64');
    if (raw instanceof Float32Array) return Array.from(raw);
    if (Array.isArray(raw)) return raw.map((item) => this.value(item));
    if (typeof raw !== 'object') return String(raw);
    if (isRawPath(raw)) {
      return new GraphPath(raw.nodes.map((node) => this.node(node)), raw.edges.map((edge) => this.relationship(edge)));
    }
    if (isIdPath(raw)) {
      const path = this.pathOfIds(raw);
      if (path) return path;
    }
    if (isRawEdge(raw)) return this.relationship(raw);
    if (isRawNode(raw)) return this.node(raw);
    const map: Record<string, Value> = {};
    for (const [key, value] of Object.entries(raw)) map[key] = this.value(value);
    return map;
  }

  private stableId(internalId: number): string {
    let id = this.stableIds.get(internalId);
    if (id === undefined) {
      const property = this.db.getNode(internalId)?.get('id');
      id = typeof property === 'string' ? property : `n:${internalId}`;
      this.stableIds.set(internalId, id);
    }
    return id;
  }

  private properties(raw: Properties): Properties {
    const properties: Properties = {};
    for (const [key, value] of Object.entries(raw)) if (!key.startsWith('_')) properties[key] = this.value(value);
    return properties;
  }

  private node(raw: RawNode): GraphNode {
    const properties = this.properties(raw);
    const id = typeof properties.id === 'string' ? properties.id : `n:${raw._id}`;
    return new GraphNode(id, [...raw._labels].sort(), properties);
  }

  private relationship(raw: RawEdge): GraphRelationship {
    const properties = this.properties(raw);
    const id = typeof properties.id === 'string' ? properties.id : `e:${raw._id}`;
    return new GraphRelationship(id, raw._type, this.stableId(raw._source), this.stableId(raw._target), properties);
  }

  private pathOfIds({ nodes, edges }: { nodes: number[]; edges: number[] }): GraphPath | undefined {
    const rawNodes = nodes.map((id) => this.db.getNode(id));
    const rawEdges = edges.map((id) => this.db.getEdge(id));
    if (rawNodes.some((node) => !node) || rawEdges.some((edge) => !edge)) return undefined;
    return new GraphPath(
      rawNodes.map((node) => this.node({ ...(node!.properties() as Properties), _id: node!.id, _labels: node!.labels })),
      rawEdges.map((edge) =>
        this.relationship({ ...(edge!.properties() as Properties), _id: edge!.id, _type: edge!.edgeType, _source: edge!.sourceId, _target: edge!.targetId }),
      ),
    );
  }
}
