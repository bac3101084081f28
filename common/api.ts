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
    /** True when the limit left out relationships that matched the filters. */
    truncated: boolean;
    /** Per expanded node and relationship type, how many matching relationships were left out. */
    omitted: Truncation[];
  };
}

/**
 * `POST /api/graph/subgraph`: every relationship among the nodes `ids` that passes the filters.
 * `types` and `labels` keep only those (labels: both ends must have one; nodes without one are
 * left out); `from`/`to` keep relationships whose date or period overlaps the range.
 */
export interface SubgraphRequest {
  ids: string[];
  types?: string[];
  labels?: string[];
  from?: string;
  to?: string;
  limit?: number;
}

export interface SubgraphResponse {
  /** The nodes found (with the labels asked for) and the relationships among them, at most `limit`. */
  elements: Elements;
  meta: {
    /** Ids given that are not in the graph. */
    missing: string[];
    /** How many relationships among the nodes pass the filters (all of them, past the limit too). */
    total: number;
    /** True when the limit left some of them out (`total` says how many there are). */
    truncated: boolean;
  };
}

/** Shortest path(s) between two nodes; `paths` lists each path as its node ids, in order. */
export interface PathsResponse {
  elements: Elements;
  meta: {
    found: boolean;
    length: number | null;
    paths: { nodes: string[]; edges: string[] }[];
  };
}

/** Where a claim's quote sits in an article's text: [start, end) in UTF-16 code units (String.slice). */
export interface QuoteSpan {
  relationshipId: string;
  start: number;
  end: number;
}

/** `GET /api/sources/:id`: a source and the article it stands for. */
export interface SourceResponse {
  /** The Source node: title, publisher, published, file, ... */
  source: NodeElement;
  /** The article's text as the data set holds it; null when the source has no article file. */
  text: string | null;
  /**
   * Where the quotes of the relationships citing this source sit in `text`, ordered by start.
   * A quote is taken from the first source a relationship cites, so a relationship that cites
   * this one later may have no quote here; those are left out.
   */
  quotes: QuoteSpan[];
}

/** A list of relationships (with both ends) that a limit may have cut. */
export interface RelationshipList {
  /** The relationships' ends, and the relationships in time order (date, then id). */
  elements: Elements;
  meta: {
    /** How many relationships matched. */
    total: number;
    /** True when the limit left some out (the latest ones). */
    truncated: boolean;
  };
}

/** `GET /api/sources/:id/claims`: the relationships that cite a source. */
export type ClaimsResponse = RelationshipList;

/** `GET /api/graph/between?a=&b=`: every relationship between two nodes, with the sources they cite. */
export interface BetweenResponse extends RelationshipList {
  /** The Source nodes the relationships cite (metadata only; the text is at /api/sources/:id). */
  sources: NodeElement[];
}

/** What the Cypher console can do now. */
export interface ConsoleHealth {
  /** 'degraded' when it cannot run queries now (no worker is running and none could start). */
  state: 'ok' | 'degraded';
  /** Query runners: worker processes on the embedded store, slots on Neo4j. */
  workers: { ready: number; busy: number; starting: number };
  /** Queries waiting for a worker. */
  queued: number;
  reason?: string;
  /** Whether the embedded store's query workers run sandboxed (no files beyond the store, no
   *  network), and why not; absent when queries run in the server process. */
  sandbox?: { state: 'on' | 'off'; reason?: string };
}

export interface HealthResponse {
  /** 'degraded' when a part (the Cypher console) cannot serve; the rest of the API still answers. */
  status: 'ok' | 'degraded';
  store: 'embedded' | 'neo4j';
  counts: { nodes: number; relationships: number };
  /** Absent on a server without a console. */
  console?: ConsoleHealth;
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
  /** 0: exact name or id, 1: a word of the name starts with the query, 2: substring of name, aliases or id. */
  rank: number;
  match: 'exact' | 'prefix' | 'substring';
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
  /** True when the result was cut: by the row cap (CYPHER_MAX_ROWS) or the byte budget (CYPHER_MAX_BYTES). */
  capped: boolean;
  /** What cut it, when it was cut. */
  cappedBy?: 'rows' | 'bytes';
  elapsedMs: number;
  /** On the embedded store: where the query uses a construct the engine answers differently from Neo4j. */
  warnings?: string[];
}

/**
 * The formats the export API writes: Cytoscape JSON, plain JSON, a spreadsheet/Gephi CSV zip, the
 * Neo4j bulk import (neo4j-admin CSVs with a LOAD CSV script), GraphML (APOC's keys) and GraphML
 * with yEd's graphics, GEXF 1.3, a Cypher script, and citations (Markdown).
 */
export const exportFormats = [
  'cyjs',
  'json',
  'csv',
  'neo4j-csv',
  'graphml',
  'graphml-yed',
  'gexf',
  'cypher',
  'citations',
] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * `POST /api/export`: give `ids` (the nodes, plus every relationship among them, or only those of
 * them listed in `relationshipIds`) or `query` (read-only Cypher run like `POST /api/cypher`; its
 * nodes, relationships and paths are exported). `includeSources` adds the sources the
 * relationships cite. `GET /api/export?ids=a,b&format=graphml` does the same for ids.
 */
export type ExportRequest =
  | {
      format: ExportFormat;
      ids: string[];
      relationshipIds?: string[];
      query?: undefined;
      params?: undefined;
      includeSources?: boolean;
    }
  | {
      format: ExportFormat;
      query: string;
      params?: Record<string, JsonValue>;
      ids?: undefined;
      relationshipIds?: undefined;
      includeSources?: boolean;
    };

/** The `json` export format: the plain graph model; `sources` when the export includes the sources cited. */
export interface GraphJson {
  nodes: { id: string; labels: string[]; properties: Record<string, JsonValue> }[];
  relationships: { id: string; type: string; source: string; target: string; properties: Record<string, JsonValue> }[];
  sources?: { id: string; labels: string[]; properties: Record<string, JsonValue> }[];
}

/** Errors everywhere are RFC 9457 problem+json. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** For validation errors: which field and why. */
  errors?: { field: string; message: string }[];
  /** For a request naming more node ids than the server takes (413): how many it takes. */
  maxIds?: number;
}

export const problemContentType = 'application/problem+json';
