// The plain result model both store adapters map to. Routes and domain code see only these,
// never a driver's types.

export type Properties = Record<string, unknown>;

export class GraphNode {
  constructor(
    /** The stable `id` property, or the store's element id for a node that has none. */
    readonly id: string,
    readonly labels: string[],
    readonly properties: Properties,
  ) {}
}

export class GraphRelationship {
  constructor(
    readonly id: string,
    readonly type: string,
    /** Stable id of the start node. */
    readonly source: string,
    /** Stable id of the end node. */
    readonly target: string,
    readonly properties: Properties,
  ) {}
}

export class GraphPath {
  constructor(
    readonly nodes: GraphNode[],
    readonly relationships: GraphRelationship[],
  ) {}
}

/** A value in a result row: JSON-safe scalars, lists, maps, and graph values. */
export type Value =
  null | boolean | number | string | GraphNode | GraphRelationship | GraphPath | Value[] | { [key: string]: Value };

export type Row = Record<string, Value>;

export interface QueryResult {
  columns: string[];
  rows: Row[];
  /** True when the store stopped at `maxRows` (see RunOptions) and more rows were left out. */
  more?: boolean;
}

export type Params = Record<string, unknown>;

/** A value in a form that survives JSON or structured clone (for IPC): graph values tagged. */
export type EncodedValue = unknown;

/** The tagged forms encodeValue writes; decodeValue trusts them (they come from our own worker). */
type Tagged =
  | { $node: { id: string; labels: string[]; properties: Properties } }
  | { $relationship: { id: string; type: string; source: string; target: string; properties: Properties } }
  | { $path: { nodes: EncodedValue[]; relationships: EncodedValue[] } }
  | { $map: Record<string, EncodedValue> };

export function encodeValue(value: Value): EncodedValue {
  if (value instanceof GraphNode)
    return { $node: { id: value.id, labels: value.labels, properties: value.properties } };
  if (value instanceof GraphRelationship) return { $relationship: { ...value } };
  if (value instanceof GraphPath) {
    return { $path: { nodes: value.nodes.map(encodeValue), relationships: value.relationships.map(encodeValue) } };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === 'object') {
    return { $map: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeValue(item)])) };
  }
  return value;
}

export function decodeValue(encoded: EncodedValue): Value {
  if (Array.isArray(encoded)) return encoded.map(decodeValue);
  if (encoded === null || typeof encoded !== 'object') return encoded as Value;
  const tagged = encoded as Tagged;
  if ('$node' in tagged) return new GraphNode(tagged.$node.id, tagged.$node.labels, tagged.$node.properties);
  if ('$relationship' in tagged) {
    const { id, type, source, target, properties } = tagged.$relationship;
    return new GraphRelationship(id, type, source, target, properties);
  }
  if ('$path' in tagged) {
    return new GraphPath(
      tagged.$path.nodes.map(decodeValue) as GraphNode[],
      tagged.$path.relationships.map(decodeValue) as GraphRelationship[],
    );
  }
  return Object.fromEntries(Object.entries(tagged.$map).map(([key, item]) => [key, decodeValue(item)]));
}
