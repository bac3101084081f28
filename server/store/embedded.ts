import { isDeepStrictEqual } from 'node:util';
import grafeo from '@grafeo-db/js';
import type { GrafeoDB as Database, QueryResult as EngineResult } from '@grafeo-db/js';
import { GraphNode, GraphPath, GraphRelationship } from './graph-values.ts';
import type { Params, Properties, QueryResult, Row, Value } from './graph-values.ts';
import type { GraphStore, NodeRow, RelationshipRow, RunOptions, Statement } from './port.ts';
import { queryText } from './queries.ts';
import { ownValue, setOwn } from '../../common/own-keys.ts';
import type { QueryName } from './queries.ts';

const { GrafeoDB } = grafeo;

/** The one property key the engine's binding loses (it sets keys by assignment; see ResultMapper). */
const protoKey = '__proto__';

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
  return typeof statement === 'string' ? queryText(statement, 'embedded') : statement.text;
}

/** Whether the statement is the app's own (a cypher/ file), whose element-shaped values are elements. */
const isOwn = (statement: Statement): boolean => typeof statement === 'string' || statement.from !== undefined;

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

const FULLTEXT_INDEX =
  /^\s*CREATE\s+FULLTEXT\s+INDEX\s+\w+\s+(?:IF\s+NOT\s+EXISTS\s+)?FOR\s*\(\s*(\w+)\s*:\s*(\w+)\s*\)\s*ON\s+EACH\s*\[\s*\1\.(\w+)\s*\](?:\s+OPTIONS\s*\{[\s\S]*\})?\s*$/i;

/**
 * Neo4j's full-text index DDL, which this engine does not parse, as the engine's own text index
 * on one label and property. Query terms are matched as the words they are (the index tokenises
 * on spaces and punctuation, keeps every word and stems none), as Neo4j's whitespace analyzer
 * does for the terms search writes. An index that is there already is left as it is, as IF NOT
 * EXISTS leaves it.
 */
function textIndexFor(query: string): { label: string; property: string } | undefined {
  const match = FULLTEXT_INDEX.exec(query);
  if (/^\s*CREATE\s+FULLTEXT\s+INDEX/i.test(query) && !match)
    throw new Error('the embedded store takes a full-text index on one label and one property only');
  return match ? { label: match[2]!, property: match[3]! } : undefined;
}

class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  /** Engine ids of the nodes this handle created in bulk, by stable id: the native edge batch
   *  takes engine ids. Any other write may have deleted some, so it clears the map. */
  private readonly engineIds = new Map<string, number>();
  /** Whether any element may hold a property named `__proto__` (see ResultMapper); asked again
   *  after a write that may have added the key. */
  private mayHoldProtoKey: Promise<boolean> | undefined;

  constructor(private readonly db: Database) {}

  async read(statement: Statement, params: Params = {}, options: RunOptions = {}): Promise<QueryResult> {
    const counted = typeof statement === 'string' ? this.fromCounts(statement) : undefined;
    if (counted) return counted;
    const [result, protoKey] = await Promise.all([this.db.executeCypher(text(statement), params), this.hasProtoKey()]);
    return this.toResult(result, options.maxRows, isOwn(statement), protoKey);
  }

  /** The store's property keys (a catalog read, milliseconds at a million nodes): asked once per handle. */
  private hasProtoKey(): Promise<boolean> {
    this.mayHoldProtoKey ??= this.db.executeCypher(queryText('property-keys', 'embedded')).then(
      (result) => result.toArray().some((row) => row.propertyKey === protoKey),
      // Not known: read it back for every element rather than lose it.
      () => true,
    );
    return this.mayHoldProtoKey;
  }

  /** After a write: ad-hoc Cypher could set any key, the app's own statements only the keys their parameters hold. */
  private forgetProtoKeyAfter(statement: Statement | undefined, params: unknown): void {
    if ((statement !== undefined && !isOwn(statement)) || mentionsProtoKey(params)) this.mayHoldProtoKey = undefined;
  }

  async write(statement: Statement, params: Params = {}, options: RunOptions = {}): Promise<QueryResult> {
    this.engineIds.clear();
    const query = text(statement);
    const textIndex = textIndexFor(query);
    if (textIndex) {
      await this.createTextIndex(textIndex.label, textIndex.property);
      return { columns: [], rows: [] };
    }
    const tx = this.db.beginTransaction();
    try {
      const result = await tx.executeCypher(query, params);
      const index = indexBehindConstraint(query);
      if (index) await tx.executeCypher(index);
      tx.commit();
      this.forgetProtoKeyAfter(statement, params);
      return this.toResult(result, options.maxRows, isOwn(statement), await this.hasProtoKey());
    } catch (error) {
      if (tx.isActive) tx.rollback();
      throw error;
    }
  }

  /**
   * The queries that count the whole graph, answered from the counts the engine keeps: their
   * Cypher reads every node or relationship (seconds at a million relationships), and health and
   * schema ask them. The rows are the ones the cypher/ file returns, in its order.
   */
  private fromCounts(name: QueryName): QueryResult | undefined {
    if (name === 'counts') {
      return {
        columns: ['nodes', 'relationships'],
        rows: [{ nodes: this.db.nodeCount(), relationships: this.db.edgeCount() }],
      };
    }
    if (name !== 'labels' && name !== 'relationship-types') return undefined;
    const schema = this.db.schema() as EngineSchema;
    const counts = name === 'labels' ? schema.labels : schema.edge_types;
    const key = name === 'labels' ? 'label' : 'type';
    const rows = counts
      .filter(({ count }) => count > 0)
      .map(({ name: value, count }) => ({ [key]: value, count }))
      .sort((a, b) => (a[key]! < b[key]! ? -1 : a[key]! > b[key]! ? 1 : 0));
    return { columns: [key, 'count'], rows };
  }

  /** The engine rebuilds a text index it is asked to create again (seconds at a million nodes), and
   *  lists none in SHOW INDEXES: a search of it tells whether it is there. */
  private async createTextIndex(label: string, property: string): Promise<void> {
    const exists = await this.db.textSearch(label, property, '', 1).then(
      () => true,
      () => false,
    );
    if (!exists) await this.db.createTextIndex(label, property, { tokenizer: 'standard', stopWords: [] });
  }

  /** The engine's native node batch: one transaction (a constraint broken by one row: none is
   *  created), no Cypher to parse or plan. */
  async bulkCreateNodes(label: string, rows: NodeRow[]): Promise<void> {
    const ids = await this.db.batchCreateNodesWithProps(
      ['Entity', label],
      rows.map((row) => row.properties),
    );
    this.forgetProtoKeyAfter(undefined, rows);
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
    this.forgetProtoKeyAfter(undefined, rows);
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
  private toResult(
    result: EngineResult,
    maxRows: number | undefined,
    own: boolean,
    mayHoldProtoKey: boolean,
  ): QueryResult {
    // A query without RETURN also yields the engine's own variables (_anon_edge_0, _path_nodes_p).
    const columns = result.columns.filter((column) => !column.startsWith('_') || column === protoKey);
    const mapper = new ResultMapper(this.db, own, mayHoldProtoKey);
    const count = Math.min(result.length, maxRows ?? Infinity);
    const rows = rawRows(result, count).map((record): Row =>
      Object.fromEntries(columns.map((column) => [column, mapper.value(ownValue(record, column))])),
    );
    return result.length > count ? { columns, rows, more: true } : { columns, rows };
  }
}

/** What GrafeoDB.schema() gives (typed `any` by the binding). */
interface EngineSchema {
  labels: { name: string; count: number }[];
  edge_types: { name: string; count: number }[];
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
/** Each relationship joins the nodes before and after it, in either direction. */
function connects(nodes: { _id: number }[], edges: { _source: number; _target: number }[]): boolean {
  return (
    nodes.length === edges.length + 1 &&
    edges.every(({ _source, _target }, i) => {
      const [a, b] = [nodes[i]!._id, nodes[i + 1]!._id];
      return (_source === a && _target === b) || (_source === b && _target === a);
    })
  );
}
/** A query without RETURN gives its path variables as internal ids: {nodes: [5, 6], edges: [45]}. */
const isIdPath = (value: object): value is { nodes: number[]; edges: number[] } =>
  isPathShape(value) &&
  value.nodes.length > 0 &&
  [...value.nodes, ...value.edges].every((id) => typeof id === 'number');

/** A local date-time (the engine gives it as a Date) as Neo4j prints one: ISO, with no zone. */
export function localDateTime(date: Date): string {
  return date.toISOString().replace(/(\.000)?Z$/, '');
}

/** Whether the value names the key `__proto__` (a key of a map in it, or a string). */
function mentionsProtoKey(value: unknown): boolean {
  if (value === protoKey) return true;
  if (Array.isArray(value)) return value.some(mentionsProtoKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.hasOwn(value, protoKey) || Object.values(value).some(mentionsProtoKey);
}

/**
 * The engine's rows as objects by column. Its JavaScript binding sets each key with an assignment,
 * so a column named `__proto__` is lost from those objects; such a result is read by position.
 */
function rawRows(result: EngineResult, count: number): Record<string, unknown>[] {
  if (result.columns.includes(protoKey)) {
    return result
      .rows()
      .slice(0, count)
      .map((values) => {
        const row: Record<string, unknown> = {};
        result.columns.forEach((column, index) => setOwn(row, column, values[index]));
        return row;
      });
  }
  return count === result.length ? result.toArray() : Array.from({ length: count }, (_, i) => result.get(i));
}

/** What the store holds for an element, to compare a raw value with. */
interface StoredNode {
  labels: string[];
  properties: Properties;
}
interface StoredEdge {
  type: string;
  source: number;
  target: number;
  properties: Properties;
}

const without = (raw: Properties, markers: string[]): Properties =>
  Object.fromEntries(Object.entries(raw).filter(([key]) => !markers.includes(key)));

/**
 * Maps one result's raw values to the plain model. The engine gives nodes, relationships and
 * paths as plain objects (`{_id, _labels, ...}`), exactly as it gives a map with those keys, so
 * for ad-hoc Cypher a raw value is taken for an element only when the store holds that element
 * with the same labels (or type and ends) and the same properties; anything else is a map. A query
 * can then not dress a map up as a node: a map equal in every respect to a stored node is that
 * node. The app's own queries (`own`) build no such maps, so what they return skips the check
 * (reading every node again doubled the cost of a 2-hop neighbourhood); the property values of
 * what they return are data, and are checked like ad-hoc results.
 *
 * The engine's JavaScript binding sets an element's properties by assignment, which drops a
 * property named `__proto__`; when the store has such a key (`mayHoldProtoKey`), each node and
 * relationship mapped reads it back by name and keeps it as an own property.
 */
class ResultMapper {
  // Relationship ends come back as internal ids: one lookup per distinct node per result.
  private readonly stableIds = new Map<number, string>();
  private readonly nodes = new Map<number, StoredNode | null>();
  private readonly edges = new Map<number, StoredEdge | null>();

  constructor(
    private readonly db: Database,
    private readonly own: boolean,
    private readonly mayHoldProtoKey: boolean,
  ) {}

  /** `trusted`: the value was built by the app's own query (a stored property value never is). */
  value(raw: unknown, trusted = this.own): Value {
    if (raw === null || raw === undefined) return null;
    if (typeof raw === 'bigint') return Number.isSafeInteger(Number(raw)) ? Number(raw) : raw.toString();
    if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') return raw;
    if (raw instanceof Date) return localDateTime(raw);
    if (Buffer.isBuffer(raw)) return raw.toString('base64');
    if (raw instanceof Float32Array) return Array.from(raw);
    if (Array.isArray(raw)) return raw.map((item) => this.value(item, trusted));
    if (typeof raw !== 'object') return String(raw);
    const element = this.element(raw, trusted);
    if (element) return element;
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, this.value(value, trusted)]));
  }

  /** The node, relationship or path a raw object stands for, if the store holds it as given. */
  private element(raw: object, trusted: boolean): GraphNode | GraphRelationship | GraphPath | undefined {
    if (isRawPath(raw)) {
      const nodes = raw.nodes.map((node) => (trusted || this.isStoredNode(node) ? this.node(node) : undefined));
      const edges = raw.edges.map((edge) => (trusted || this.isStoredEdge(edge) ? edge : undefined));
      if (nodes.every((node) => node) && edges.every((edge) => edge) && connects(raw.nodes, raw.edges)) {
        return new GraphPath(
          nodes as GraphNode[],
          raw.edges.map((edge) => this.relationship(edge)),
        );
      }
      return undefined;
    }
    if (isIdPath(raw)) return this.pathOfIds(raw);
    if (isRawEdge(raw)) return trusted || this.isStoredEdge(raw) ? this.relationship(raw) : undefined;
    if (isRawNode(raw)) return trusted || this.isStoredNode(raw) ? this.node(raw) : undefined;
    return undefined;
  }

  private storedNode(id: number): StoredNode | null {
    let stored = this.nodes.get(id);
    if (stored === undefined) {
      const node = this.db.getNode(id);
      // Spread: a plain object, whatever prototype the binding's `__proto__` assignment gave it.
      stored = node ? { labels: [...node.labels].sort(), properties: { ...(node.properties() as Properties) } } : null;
      this.nodes.set(id, stored);
    }
    return stored;
  }

  private storedEdge(id: number): StoredEdge | null {
    let stored = this.edges.get(id);
    if (stored === undefined) {
      const edge = this.db.getEdge(id);
      stored = edge
        ? {
            type: edge.edgeType,
            source: edge.sourceId,
            target: edge.targetId,
            properties: { ...(edge.properties() as Properties) },
          }
        : null;
      this.edges.set(id, stored);
    }
    return stored;
  }

  private isStoredNode(raw: RawNode): boolean {
    const stored = Number.isSafeInteger(raw._id) ? this.storedNode(raw._id) : null;
    return (
      stored !== null &&
      Array.isArray(raw._labels) &&
      isDeepStrictEqual([...raw._labels].sort(), stored.labels) &&
      isDeepStrictEqual(without(raw, ['_id', '_labels']), stored.properties)
    );
  }

  private isStoredEdge(raw: RawEdge): boolean {
    const stored = Number.isSafeInteger(raw._id) ? this.storedEdge(raw._id) : null;
    return (
      stored !== null &&
      raw._type === stored.type &&
      raw._source === stored.source &&
      raw._target === stored.target &&
      isDeepStrictEqual(without(raw, ['_id', '_type', '_source', '_target']), stored.properties)
    );
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

  private properties(raw: Properties, stored: { get(key: string): unknown } | null | false): Properties {
    const own = Object.entries(raw).filter(([key]) => !key.startsWith('_'));
    const properties = Object.fromEntries(own.map(([key, value]) => [key, this.value(value, false)]));
    const lost = stored ? stored.get(protoKey) : undefined;
    if (lost !== undefined && lost !== null) setOwn(properties, protoKey, this.value(lost, false));
    return properties;
  }

  private node(raw: RawNode): GraphNode {
    const properties = this.properties(raw, this.mayHoldProtoKey && this.db.getNode(raw._id));
    const id = typeof properties.id === 'string' ? properties.id : `n:${raw._id}`;
    return new GraphNode(id, [...raw._labels].sort(), properties);
  }

  private relationship(raw: RawEdge): GraphRelationship {
    const properties = this.properties(raw, this.mayHoldProtoKey && this.db.getEdge(raw._id));
    const id = typeof properties.id === 'string' ? properties.id : `e:${raw._id}`;
    return new GraphRelationship(id, raw._type, this.stableId(raw._source), this.stableId(raw._target), properties);
  }

  private pathOfIds({ nodes, edges }: { nodes: number[]; edges: number[] }): GraphPath | undefined {
    const rawNodes = nodes.map((id) => this.db.getNode(id));
    const rawEdges = edges.map((id) => this.db.getEdge(id));
    if (rawNodes.some((node) => !node) || rawEdges.some((edge) => !edge)) return undefined;
    const ends = rawEdges.map((edge) => ({ _source: edge!.sourceId, _target: edge!.targetId }));
    if (
      !connects(
        nodes.map((_id) => ({ _id })),
        ends,
      )
    )
      return undefined;
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
