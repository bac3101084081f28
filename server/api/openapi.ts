// The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { problemContentType } from '../../common/api.ts';
import {
  BetweenQuery,
  BetweenResponseSchema,
  ClaimsQuery,
  ClaimsResponseSchema,
  CypherBody,
  CypherResponseSchema,
  ExportBody,
  ExportQuery,
  GraphResponseSchema,
  HealthResponseSchema,
  NeighborhoodQuery,
  NodeParams,
  NodeResponseSchema,
  PathsQuery,
  PathsResponseSchema,
  ProblemSchema,
  SchemaResponseSchema,
  SearchQuery,
  SearchResponseSchema,
  SourceParams,
  SourceResponseSchema,
  SubgraphBody,
  SubgraphResponseSchema,
} from './schemas.ts';

type Headers = NonNullable<Exclude<ResponseConfig['headers'], z.ZodObject>>;

const json = (schema: z.ZodType, description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema } },
});
const problemResponse = (description: string, headers?: Headers): ResponseConfig => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [problemContentType]: { schema: ProblemSchema } },
});

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
} satisfies Headers;

// Every /api route answers these: the token check and the cross-site refusal run before any route.
const guarded = {
  401: problemResponse('The server requires a token (API_TOKEN) and the request has none, or a wrong one.', {
    'WWW-Authenticate': {
      description: 'Bearer, with error="invalid_token" for a wrong token.',
      schema: { type: 'string' },
    },
  }),
  403: problemResponse('A browser request from a site that CORS_ORIGIN does not allow.'),
};
const invalid = problemResponse('Invalid request: `errors` names each field and why.');
const unknownNode = problemResponse('A node id is not in the graph.');
const unknownSource = problemResponse('No source has this id.');
const tooLarge = problemResponse('The JSON body is over the size limit (256 kB).');
const rateLimited = problemResponse('Past the per-client limit on ad-hoc queries (RATE_LIMIT_CYPHER).', {
  ...retryAfter,
  RateLimit: { description: 'The limit left in this window (IETF draft 8).', schema: { type: 'string' } },
  'RateLimit-Policy': { description: 'The limit and its window (IETF draft 8).', schema: { type: 'string' } },
});
const readLimited = problemResponse(
  'Past a per-client limit on this kind of read: too many at once (CONCURRENT_READS_PER_CLIENT), or too many in the window (RATE_LIMIT_READS).',
  {
    ...retryAfter,
    RateLimit: { description: 'The limit left in this window (IETF draft 8).', schema: { type: 'string' } },
    'RateLimit-Policy': { description: 'The limit and its window (IETF draft 8).', schema: { type: 'string' } },
  },
);
const storeTooSlow = problemResponse(
  "The store's work for this request ran past its time budget (QUERY_TIMEOUT_MS, or the store's own timeout): ask for less, or try again after Retry-After.",
  retryAfter,
);
/** What every per-client bounded read may answer besides its own statuses. */
const bounded = { 429: readLimited, 503: storeTooSlow };
const tooManyIds = problemResponse(
  'Too many node ids: more than the server takes per request (MAX_VIEW_IDS, given as `maxIds`), or a JSON body over the size limit (256 kB).',
);
const queryErrors = {
  400: problemResponse(
    'Invalid request (parameters nest at most 32 levels and take at most 64 kB), or the query is not valid Cypher, failed, or is too complex for the read-only check (or shaped like one that was, and at least as long); or it holds a carriage return not followed by a line feed, U+0085, U+2028 or U+2029 (lines end with LF or CRLF; inside strings, write them as escapes); or, with writes enabled, its LOAD CSV reads from anything but a literal name of a regular file in the import folder (IMPORT_DIR; unset: LOAD CSV is refused).',
  ),
  403: problemResponse(
    'The query would write and writes are not enabled, or a browser request from a site CORS_ORIGIN does not allow.',
  ),
  408: problemResponse('The query ran past the timeout, counted from its arrival, and was stopped.'),
  409: problemResponse('The engine rolled the query back (a conflict); it may succeed if sent again.'),
  413: tooLarge,
  422: problemResponse('The query used more memory than a Cypher worker may (CYPHER_WORKER_MEMORY_MB).'),
  429: rateLimited,
  503: problemResponse(
    "The Cypher console cannot take the query: not enabled on this server, its queue or the client's share of it is full, or no worker can run queries (then with Retry-After).",
    retryAfter,
  ),
};

const contentDisposition = {
  'Content-Disposition': {
    description: 'attachment; filename="kg-export-<date>.<extension>"',
    required: true,
    schema: { type: 'string' },
  },
} satisfies Headers;

const exportContent = {
  'application/json': { schema: z.unknown() },
  'application/zip': { schema: z.string().meta({ format: 'binary' }) },
  'application/graphml+xml': { schema: z.string() },
  'application/gexf+xml': { schema: z.string() },
  'application/x-cypher-query': { schema: z.string() },
  'text/markdown': { schema: z.string() },
};
const exportDescription =
  'The file: cyjs and json (application/json); csv (a zip of nodes.csv, relationships.csv and, with ' +
  'includeSources, sources.csv, for spreadsheets and Gephi); graphml (APOC keys) and graphml-yed; gexf (GEXF ' +
  '1.3 with time); cypher (a MERGE script, one statement per line); neo4j-csv (a zip of neo4j-admin CSVs, ' +
  'load-csv.cypher and the commands); citations (text/markdown: per relationship, oldest first, its quote and ' +
  'its source with title, publisher and date). The file is sent as it is written (chunked): every refusal ' +
  'comes before its first byte, and a failure after it ends the connection.';
const exportFile = (headers: Headers): ResponseConfig => ({
  description: exportDescription,
  headers,
  content: exportContent,
});
const unexportable = problemResponse(
  'The data holds a name the format cannot write safely (a label with a backslash, for a Cypher script).',
);
const idsOrExportTooLarge = problemResponse(
  'Too many node ids (more than MAX_VIEW_IDS, given as `maxIds`), the JSON body is over the size limit (256 kB), ' +
    'or the export would hold more graph data than EXPORT_MAX_MB (its nodes and relationships as JSON text, ' +
    'counted before any byte is sent): export fewer nodes, or only the relationships in view (relationshipIds).',
);
const boundedOrExportsBusy = problemResponse(
  "Every export slot is taken (EXPORT_SLOTS exports are being built), or the store's work for the ids ran past " +
    'its time budget (QUERY_TIMEOUT_MS); with Retry-After.',
  retryAfter,
);
const unexportableOrTooHungry = problemResponse(
  'The data holds a name the format cannot write safely (a label with a backslash, for a Cypher script), or the query used more memory than a Cypher worker may (CYPHER_WORKER_MEMORY_MB).',
);

export function openApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Needed on every /api route when the server has an API_TOKEN; without one, no token is needed.',
  });
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Status, which store, and its counts',
    responses: { 200: json(HealthResponseSchema, 'The server is up.'), ...guarded },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/schema',
    operationId: 'getSchema',
    summary: 'Labels and relationship types with counts, property keys',
    responses: { 200: json(SchemaResponseSchema, 'The graph schema.'), ...bounded, ...guarded },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    operationId: 'searchNodes',
    summary: 'Nodes whose name, alias or id matches, ranked exact, prefix, substring',
    description: 'Case- and accent-insensitive.',
    request: { query: SearchQuery },
    responses: { 200: json(SearchResponseSchema, 'The hits, best first.'), 400: invalid, ...bounded, ...guarded },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/nodes/{id}',
    operationId: 'getNode',
    summary: 'One node, its properties and degree per relationship type',
    request: { params: NodeParams },
    responses: { 200: json(NodeResponseSchema, 'The node.'), 400: invalid, 404: unknownNode, ...guarded },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/graph/neighborhood',
    operationId: 'getNeighborhood',
    summary: 'The subgraph around some nodes, as Cytoscape elements',
    description:
      'Walks `depth` hops out, newest relationships first, up to `limit` relationships. `meta.omitted` says, per expanded ' +
      'node and relationship type, how many matching relationships the limit left out. `to` must not be before `from`.',
    request: { query: NeighborhoodQuery },
    responses: {
      200: json(GraphResponseSchema, 'The subgraph.'),
      400: invalid,
      404: unknownNode,
      ...bounded,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/graph/subgraph',
    operationId: 'getSubgraph',
    summary: 'Every relationship among some nodes, as Cytoscape elements',
    description:
      'The nodes found and every relationship between two of them that passes the filters, in one answer: what a ' +
      'view of these nodes shows. `meta.missing` lists the ids not in the graph; `meta.total` counts the matching ' +
      'relationships and `meta.truncated` says whether `limit` left some out.',
    request: { body: { content: { 'application/json': { schema: SubgraphBody } } } },
    responses: {
      200: json(SubgraphResponseSchema, 'The subgraph.'),
      400: invalid,
      413: tooManyIds,
      ...bounded,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/graph/paths',
    operationId: 'getPaths',
    summary: 'Shortest path(s) between two nodes, as Cytoscape elements',
    request: { query: PathsQuery },
    responses: {
      200: json(PathsResponseSchema, 'The paths; `meta.found` is false when there is none.'),
      400: invalid,
      404: unknownNode,
      ...bounded,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/graph/between',
    operationId: 'getBetween',
    summary: 'Every relationship between two nodes, in time order, with the sources they cite',
    description:
      'Both directions; oldest first (by date, then id), up to `limit`. Each relationship carries its date, dateEnd, ' +
      'datePrecision, type, summary, quote and the ids of its sources; `sources` holds those Source nodes.',
    request: { query: BetweenQuery },
    responses: {
      200: json(BetweenResponseSchema, 'The relationships.'),
      400: invalid,
      404: unknownNode,
      ...bounded,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/sources/{id}',
    operationId: 'getSource',
    summary: "A source's metadata, its article's text, and where the claims citing it quote it",
    request: { params: SourceParams },
    responses: {
      200: json(SourceResponseSchema, 'The source.'),
      400: invalid,
      404: unknownSource,
      ...bounded,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/sources/{id}/claims',
    operationId: 'getSourceClaims',
    summary: 'The relationships that cite a source, with both ends, in time order',
    request: { params: SourceParams, query: ClaimsQuery },
    responses: {
      200: json(ClaimsResponseSchema, 'The claims.'),
      400: invalid,
      404: unknownSource,
      ...bounded,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cypher',
    operationId: 'runCypher',
    summary: 'Run ad-hoc Cypher (read-only unless writes are enabled)',
    description:
      'Every query has a timeout counted from its arrival, a row cap and a byte budget (capped, cappedBy say whether they cut it), and a share of the queue per client. Rows are JSON; nodes, relationships and paths also come as elements.',
    request: { body: { content: { 'application/json': { schema: CypherBody } } } },
    responses: { 200: json(CypherResponseSchema, 'The result.'), ...guarded, ...queryErrors },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/export',
    operationId: 'exportSubgraph',
    summary: 'Export a subgraph: given node ids, or a read-only query',
    description:
      'Give `ids` (these nodes and every relationship among them) or `query` (read-only Cypher, run as /api/cypher ' +
      'runs it, with its row cap and rate limit), not both.',
    request: { body: { content: { 'application/json': { schema: ExportBody } } } },
    responses: {
      200: exportFile({
        ...contentDisposition,
        'X-Rows-Capped': {
          description:
            'For a query: true when the row cap or the byte budget cut its result, so the file holds part of it.',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
      }),
      ...guarded,
      ...queryErrors,
      404: unknownNode,
      413: idsOrExportTooLarge,
      422: unexportableOrTooHungry,
      429: problemResponse(
        'Past a per-client limit: on exports (CONCURRENT_READS_PER_CLIENT, RATE_LIMIT_READS), or on ad-hoc queries (RATE_LIMIT_CYPHER).',
        readLimited.headers as Headers,
      ),
      503: problemResponse(
        "Every export slot is taken (EXPORT_SLOTS), or the store's work for the ids ran past its time budget (QUERY_TIMEOUT_MS), or the Cypher console cannot take the query: not enabled on this server, its queue or the client's share of it is full, or no worker can run queries. With Retry-After.",
        retryAfter,
      ),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/export',
    operationId: 'exportNodes',
    summary: 'Export the nodes with these ids and the relationships among them',
    request: { query: ExportQuery },
    responses: {
      200: exportFile(contentDisposition),
      400: invalid,
      404: unknownNode,
      413: idsOrExportTooLarge,
      422: unexportable,
      ...bounded,
      503: boundedOrExportsBusy,
      ...guarded,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document.'), ...guarded },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Knowledge-graph explorer API',
      version: '0.1.0',
      description:
        'Subgraphs, search, paths, ad-hoc Cypher and export of a knowledge graph. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: '/' }],
    // The token is needed only when the server has one: either scheme satisfies the document.
    security: [{ bearer: [] }, {}],
  });
}
