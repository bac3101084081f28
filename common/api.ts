// Types shared by the server and the client: the element model and the API payloads.
// The server builds these from the store's plain model; the client renders them.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A node as a Cytoscape element: `data.id` is the stable id, `data.label` the caption. */
export interface NodeElement {
  group: 'nodes';
  data: {
    id: string;
    label: string;
    labels: string[];
    [property: string]: JsonValue;
  };
}

/** A relationship as a Cytoscape element; `data.type` is the relationship type. */
export interface EdgeElement {
  group: 'edges';
  data: {
    id: string;
    source: string;
    target: string;
    type: string;
    [property: string]: JsonValue;
  };
}

export interface Elements {
  nodes: NodeElement[];
  edges: EdgeElement[];
}

/** Neighbours a limit cut off: per node, per relationship type, how many were left out. */
export interface Truncation {
  nodeId: string;
  type: string;
  omitted: number;
}

export interface GraphResponse {
  elements: Elements;
  meta: {
    truncated: boolean;
    omitted: Truncation[];
  };
}

export interface HealthResponse {
  status: 'ok';
  store: 'embedded' | 'neo4j';
  counts: { nodes: number; relationships: number };
}

export interface SchemaResponse {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number }[];
  propertyKeys: string[];
}

export interface SearchHit {
  id: string;
  label: string;
  labels: string[];
  rank: number;
}

export interface SearchResponse {
  hits: SearchHit[];
}

export interface NodeResponse {
  node: NodeElement;
  degree: { type: string; direction: 'in' | 'out'; count: number }[];
}

export interface CypherRequest {
  query: string;
  params?: Record<string, JsonValue>;
}

export interface CypherResponse {
  columns: string[];
  /** JSON-safe rows; nodes, relationships and paths appear as their element data. */
  rows: Record<string, JsonValue>[];
  /** The graph part of the result. */
  elements: Elements;
  capped: boolean;
  elapsedMs: number;
}

export const exportFormats = ['cyjs', 'json', 'csv', 'graphml', 'gexf', 'cypher'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Errors everywhere are RFC 9457 problem+json. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** For validation errors: which field and why. */
  errors?: { field: string; message: string }[];
}
