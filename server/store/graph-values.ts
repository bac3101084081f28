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
  | null
  | boolean
  | number
  | string
  | GraphNode
  | GraphRelationship
  | GraphPath
  | Value[]
  | { [key: string]: Value };

export type Row = Record<string, Value>;

export interface QueryResult {
  columns: string[];
  rows: Row[];
}

export type Params = Record<string, unknown>;
