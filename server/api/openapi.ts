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

const json = (schema: z.ZodType, description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema } },
});
const problemResponse = (description: string): ResponseConfig => ({
  description,
  content: { [problemContentType]: { schema: ProblemSchema } },
});
const invalid = problemResponse('Invalid request: `errors` names each field and why.');
const unknownNode = problemResponse('A node id is not in the graph.');
const unknownSource = problemResponse('No source has this id.');
const tooLarge = problemResponse('The JSON body is over the size limit.');
const queryErrors = {
  400: problemResponse('Invalid request, or the query is not valid Cypher or failed.'),
  403: problemResponse('The query would write and writes are not enabled.'),
  408: problemResponse('The query ran past the timeout and was stopped.'),
  413: tooLarge,
  503: problemResponse('The Cypher console is not enabled on this server.'),
};

const exportFile: ResponseConfig = {
  description:
    'The file, with a Content-Disposition attachment filename: cyjs and json (application/json), csv (a zip of nodes.csv ' +
    'and relationships.csv), graphml, gexf, cypher (a MERGE script, one statement per line), citations (Markdown: per ' +
    'relationship, oldest first, its quote and its source with title, publisher and date). For a query, the ' +
    'X-Rows-Capped header says whether the row cap cut its result.',
  content: {
    'application/json': { schema: z.unknown() },
    'application/zip': { schema: z.string().meta({ format: 'binary' }) },
    'application/graphml+xml': { schema: z.string() },
    'application/gexf+xml': { schema: z.string() },
    'application/x-cypher-query': { schema: z.string() },
    'text/markdown': { schema: z.string() },
  },
};

export function openApiDocument(): object {
  const registry = new OpenAPIRegistry();
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Status, which store, and its counts',
    responses: { 200: json(HealthResponseSchema, 'The server is up.') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/schema',
    summary: 'Labels and relationship types with counts, property keys',
    responses: { 200: json(SchemaResponseSchema, 'The graph schema.') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/search',
    summary: 'Nodes whose name, alias or id matches, ranked exact, prefix, substring',
    description: 'Case- and accent-insensitive.',
    request: { query: SearchQuery },
    responses: { 200: json(SearchResponseSchema, 'The hits, best first.'), 400: invalid },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/nodes/{id}',
    summary: 'One node, its properties and degree per relationship type',
    request: { params: NodeParams },
    responses: { 200: json(NodeResponseSchema, 'The node.'), 400: invalid, 404: unknownNode },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/graph/neighborhood',
    summary: 'The subgraph around some nodes, as Cytoscape elements',
    description:
      'Walks `depth` hops out, newest relationships first, up to `limit` relationships. `meta.omitted` says, per expanded ' +
      'node and relationship type, how many matching relationships the limit left out.',
    request: { query: NeighborhoodQuery },
    responses: { 200: json(GraphResponseSchema, 'The subgraph.'), 400: invalid, 404: unknownNode },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/graph/subgraph',
    summary: 'Every relationship among some nodes, as Cytoscape elements',
    description:
      'The nodes found and every relationship between two of them that passes the filters, in one answer: what a ' +
      'view of these nodes shows. `meta.missing` lists the ids not in the graph; `meta.total` counts the matching ' +
      'relationships and `meta.truncated` says whether `limit` left some out.',
    request: { body: { content: { 'application/json': { schema: SubgraphBody } } } },
    responses: { 200: json(SubgraphResponseSchema, 'The subgraph.'), 400: invalid, 413: tooLarge },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/graph/paths',
    summary: 'Shortest path(s) between two nodes, as Cytoscape elements',
    request: { query: PathsQuery },
    responses: {
      200: json(PathsResponseSchema, 'The paths; `meta.found` is false when there is none.'),
      400: invalid,
      404: unknownNode,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/graph/between',
    summary: 'Every relationship between two nodes, in time order, with the sources they cite',
    description:
      'Both directions; oldest first (by date, then id), up to `limit`. Each relationship carries its date, dateEnd, ' +
      'datePrecision, type, summary, quote and the ids of its sources; `sources` holds those Source nodes.',
    request: { query: BetweenQuery },
    responses: { 200: json(BetweenResponseSchema, 'The relationships.'), 400: invalid, 404: unknownNode },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/sources/{id}',
    summary: "A source's metadata, its article's text, and where the claims citing it quote it",
    request: { params: SourceParams },
    responses: { 200: json(SourceResponseSchema, 'The source.'), 400: invalid, 404: unknownSource },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/sources/{id}/claims',
    summary: 'The relationships that cite a source, with both ends, in time order',
    request: { params: SourceParams, query: ClaimsQuery },
    responses: { 200: json(ClaimsResponseSchema, 'The claims.'), 400: invalid, 404: unknownSource },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cypher',
    summary: 'Run ad-hoc Cypher (read-only unless writes are enabled)',
    description:
      'Every query has a timeout and a row cap. Rows are JSON; nodes, relationships and paths also come as elements.',
    request: { body: { content: { 'application/json': { schema: CypherBody } } } },
    responses: { 200: json(CypherResponseSchema, 'The result.'), ...queryErrors },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/export',
    summary: 'Export a subgraph: given node ids, or a read-only query',
    request: { body: { content: { 'application/json': { schema: ExportBody } } } },
    responses: { 200: exportFile, ...queryErrors, 404: unknownNode },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/export',
    summary: 'Export the nodes with these ids and the relationships among them',
    request: { query: ExportQuery },
    responses: { 200: exportFile, 400: invalid, 404: unknownNode },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: json(z.record(z.string(), z.unknown()), 'The OpenAPI 3.1 document.') },
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
  });
}
