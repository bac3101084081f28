import grafeo from '@grafeo-db/js';
import type { GrafeoDB as Database, QueryResult as EngineResult } from '@grafeo-db/js';
import { GraphNode, GraphPath, GraphRelationship } from './graph-values.ts';
import type { Params, Properties, QueryResult, Row, Value } from './graph-values.ts';
import type { GraphStore, NodeRow, RelationshipRow, RunOptions, Statement } from './port.ts';
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
  /** Engine ids of the nodes this handle created in bulk, by stable id: the native edge batch
   *  takes engine ids. Any other write may have deleted some, so it clears the map. */
  private readonly engineIds = new Map<string, number>();

  constructor(private readonly db: Database) {}

  async read(statement: Statement, params: Params = {}, options: RunOptions = {}): Promise<QueryResult> {
    const result = await this.db.executeCypher(text(statement), params);
    return this.toResult(result, options.maxRows);
  }

  async write(statement: Statement, params: Params = {}, options: RunOptions = {}): Promise<QueryResult> {
    this.engineIds.clear();
    const query = text(statement);
    const tx = this.db.beginTransaction();
    try {
      const result = await tx.executeCypher(query, params);
      const index = indexBehindConstraint(query);
      if (index) await tx.executeCypher(index);
      tx.commit();
      return this.toResult(result, options.maxRows);
    } catch (error) {
      if (tx.isActive) tx.rollback();
      throw error;
    }
  }

  /** The engine's native node batch: one transaction (a constraint broken by one row: none is
   *  created), no Cypher to parse or plan. */
  async bulkCreateNodes(label: string, rows: NodeRow[]): Promise<void> {
    const ids = await this.db.batchCreateNodesWithProps(
      ['Entity', label],
      rows.map((row) => row.properties),
    );
    rows.forEach((row, index) => this.engineIds.set(row.id, ids[index]!));
  }

  /** The engine's native edge batch: one transaction (a row naming a missing node: none is
   *  created). Ends this handle did not create are looked up by stable id first. */
  async bulkCreateRelationships(type: string, rows: RelationshipRow[]): Promise<void> {
    const unknown = new Set<string>();
    for (const { source, target } of rows) {
      if (!this.engineIds.has(source)) unknown.add(source);
      if (!this.engineIds.has(target)) unknown.add(target);
    }
    if (unknown.size > 0) await this.lookUpEngineIds([...unknown]);
    const missing = [...unknown].filter((id) => !this.engineIds.has(id));
    if (missing.length > 0)
      throw new Error(
        `no node with id ${missing
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`,
      );
    await this.db.batchCreateEdges(
      rows.map(({ source, target, properties }) => ({
        src: this.engineIds.get(source)!,
        dst: this.engineIds.get(target)!,
        type,
        properties,
      })),
    );
  }

  private async lookUpEngineIds(ids: string[]): Promise<void> {
    const result = await this.db.executeCypher(queryText('nodes-by-ids'), { ids });
    for (const { n } of result.toArray() as { n?: unknown }[]) {
      if (isRawNode(n) && typeof n.id === 'string') this.engineIds.set(n.id, n._id);
    }
  }

  async close(): Promise<void> {
    this.engineIds.clear();
    this.db.close();
  }

  /** Maps the first `maxRows` rows (all by default): the rest are never turned into JS values. */
  private toResult(result: EngineResult, maxRows = Infinity): QueryResult {
    // A query without RETURN also yields the engine's own variables (_anon_edge_0, _path_nodes_p).
    const columns = result.columns.filter((column) => !column.startsWith('_'));
    const mapper = new ResultMapper(this.db);
    const count = Math.min(result.length, maxRows);
    const records = count === result.length ? result.toArray() : Array.from({ length: count }, (_, i) => result.get(i));
    const rows = records.map((record) => {
      const row: Row = {};
      for (const column of columns) row[column] = mapper.value(record[column]);
      return row;
    });
    return result.length > count ? { columns, rows, more: true } : { columns, rows };
  }
}

type RawNode = { _id: number; _labels: string[] } & Properties;
type RawEdge = { _id: number; _source: number; _target: number; _type: string } & Properties;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isRawNode = (value: unknown): value is RawNode => isObject(value) && '_id' in value && '_labels' in value;
const isRawEdge = (value: unknown): value is RawEdge =>
  isObject(value) && '_id' in value && '_type' in value && '_source' in value;
const isPathShape = (value: object): value is { nodes: unknown[]; edges: unknown[] } =>
  Object.keys(value).length === 2 &&
  'nodes' in value &&
  Array.isArray(value.nodes) &&
  'edges' in value &&
  Array.isArray(value.edges);
const isRawPath = (value: object): value is { nodes: RawNode[]; edges: RawEdge[] } =>
  isPathShape(value) && value.nodes.every(isRawNode) && value.edges.every(isRawEdge);
/** A query without RETURN gives its path variables as internal ids: {nodes: [5, 6], edges: [45]}. */
const isIdPath = (value: object): value is { nodes: number[]; edges: number[] } =>
  isPathShape(value) &&
  value.nodes.length > 0 &&
  [...value.nodes, ...value.edges].every((id) => typeof id === 'number');

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
      return new GraphPath(
        raw.nodes.map((node) => this.node(node)),
        raw.edges.map((edge) => this.relationship(edge)),
      );
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
      rawNodes.map((node) =>
        this.node({ ...(node!.properties() as Properties), _id: node!.id, _labels: node!.labels }),
      ),
      rawEdges.map((edge) =>
        this.relationship({
          ...(edge!.properties() as Properties),
          _id: edge!.id,
          _type: edge!.edgeType,
          _source: edge!.sourceId,
          _target: edge!.targetId,
        }),
      ),
    );
  }
}
