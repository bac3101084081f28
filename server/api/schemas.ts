// The zod schemas of every request: they validate requests and generate the OpenAPI document
// (openapi.ts), so the two cannot drift apart. Response schemas are for the document only; their
// types are checked against common/api.ts at the bottom of this file.
import { z } from 'zod';
import { exportFormats } from '../../common/api.ts';
import type {
  BetweenResponse,
  ClaimsResponse,
  CypherResponse,
  GraphResponse,
  SubgraphRequest,
  SubgraphResponse,
  HealthResponse,
  NodeResponse,
  PathsResponse,
  Problem,
  SchemaResponse,
  SearchResponse,
  SourceResponse,
} from '../../common/api.ts';
import { maxPathLength } from '../domain/paths.ts';

export const limits = {
  idLength: 200,
  neighborhoodIds: 50,
  neighborhoodLimit: 2000,
  exportIds: 5000,
  subgraphIds: 5000,
  subgraphLimit: 20_000,
  relationshipIds: 50_000,
  searchLimit: 100,
  names: 50,
  queryLength: 20_000,
  relationshipList: 2000,
  /** A source's claims are found by reading every relationship; past this many their sorting and mapping outgrow the time budget on a 1M-relationship store. */
  claimsList: 500,
  /** Query parameters: how deep lists and maps may nest, and how large they may be as JSON. */
  paramDepth: 32,
  paramBytes: 65_536,
} as const;

/** A list in the query string: `a,b,c`, or the parameter repeated. Optional lists default to []. */
function list<T extends z.ZodType>(item: T, max: number, description: string, required = false) {
  return z
    .preprocess(
      (value) => {
        if (value === undefined) return required ? undefined : [];
        const parts = Array.isArray(value)
          ? value.flatMap((part) => String(part).split(','))
          : String(value).split(',');
        return parts.map((part) => part.trim()).filter((part) => part.length > 0);
      },
      z
        .array(item, { error: (issue) => (issue.input === undefined ? 'required' : 'must be a list') })
        .min(required ? 1 : 0, 'give at least one value')
        .max(max, `at most ${max} values`),
    )
    .meta({
      description: `${description} Comma-separated, or the parameter repeated.`,
      type: 'string',
      param: { required },
    } as never);
}

const nodeId = z.string().min(1).max(limits.idLength).meta({ example: 'person:li-qiang' });
const label = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a label name')
  .meta({ example: 'Country' });
const relType = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a relationship type name')
  .meta({ example: 'VISITED' });

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD')
  .refine((text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text), 'not a real date')
  .meta({ format: 'date', example: '2024-08-01' });

/** A from..to range whose `to` is not before its `from`. */
const dateRangeInOrder: [(query: { from?: string; to?: string }) => boolean, { message: string; path: string[] }] = [
  (query) => !query.from || !query.to || query.from <= query.to,
  { message: 'must not be before from', path: ['to'] },
];

const dateBounds = {
  from: isoDate.optional().meta({
    description:
      'Only relationships whose date, at its precision, reaches this day or later: a month-precision date counts as its whole month, a year-precision one as its year, a period (dateEnd) to the end of its last month or year.',
  }),
  to: isoDate.optional().meta({
    description: 'Only relationships whose date, at its precision, begins on or before this day (see from).',
  }),
};

const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1')
  .meta({ type: 'boolean' } as never);

// ---- requests

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .min(1, 'must not be empty')
    .max(200)
    .meta({ description: 'Text to find in names, aliases and ids.', example: 'li qiang' }),
  labels: list(label, limits.names, 'Only nodes with one of these labels.'),
  limit: z.coerce.number().int().min(1).max(limits.searchLimit).default(20),
});

export const NodeParams = z.strictObject({
  id: nodeId.meta({ description: "The node's stable id.", example: 'country:RUS' }),
});

export const NeighborhoodQuery = z
  .strictObject({
    ids: list(nodeId, limits.neighborhoodIds, 'Ids of the start nodes.', true),
    depth: z.coerce.number().int().min(1).max(3).default(1).meta({ description: 'Hops from the start nodes.' }),
    types: list(relType, limits.names, 'Follow only relationships of these types.'),
    labels: list(label, limits.names, 'Only neighbours with one of these labels.'),
    ...dateBounds,
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(limits.neighborhoodLimit)
      .default(200)
      .meta({ description: 'The most relationships to return.' }),
  })
  .refine(...dateRangeInOrder);

const names = (item: z.ZodString, description: string) =>
  z.array(item).max(limits.names, `at most ${limits.names} values`).default([]).meta({ description });

export const SubgraphBody = z
  .strictObject({
    ids: z
      .array(nodeId)
      .min(1, 'give at least one node id')
      .max(limits.subgraphIds, `at most ${limits.subgraphIds} ids`)
      .meta({ description: 'Ids of the nodes: every relationship among them that passes the filters is returned.' }),
    types: names(relType, 'Only relationships of these types (any type when empty).'),
    labels: names(label, 'Only nodes with one of these labels, and relationships between such nodes (any when empty).'),
    from: isoDate.optional().meta({ description: 'Only relationships dated (or lasting) on or after this day.' }),
    to: isoDate.optional().meta({ description: 'Only relationships dated on or before this day.' }),
    limit: z
      .number()
      .int()
      .min(1)
      .max(limits.subgraphLimit)
      .default(5000)
      .meta({ description: 'The most relationships to return (the first by id); `meta.total` counts them all.' }),
  })
  .refine((body) => !body.from || !body.to || body.from <= body.to, {
    message: 'must not be before from',
    path: ['to'],
  });

export const PathsQuery = z.strictObject({
  from: nodeId.meta({ description: 'Id of the start node.', example: 'person:li-qiang' }),
  to: nodeId.meta({ description: 'Id of the end node.', example: 'country:UKR' }),
  maxLength: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPathLength)
    .default(4)
    .meta({ description: 'The most hops a path may have.' }),
  types: list(relType, limits.names, 'Use only relationships of these types.'),
  all: flag.meta({ description: 'Every shortest path (up to 50) instead of one.' }),
});

const sourceId = z
  .string()
  .max(limits.idLength)
  .regex(
    /^(?:[a-z0-9-]+:)*source:[A-Za-z0-9._-]+$/,
    'must be a source id, such as source:semafor-2024-08-21-li-qiang-moscow',
  )
  .meta({ description: "The source's stable id.", example: 'source:semafor-2024-08-21-li-qiang-moscow' });

const listLimit = (what: string, max: number = limits.relationshipList) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(500)
    .meta({ description: `The most ${what} to return, oldest first; meta.truncated says whether some were left out.` });

export const SourceParams = z.strictObject({ id: sourceId });

export const ClaimsQuery = z.strictObject({ limit: listLimit('claims', limits.claimsList) });

export const BetweenQuery = z
  .strictObject({
    a: nodeId.meta({ description: 'Id of one node.', example: 'country:RUS' }),
    b: nodeId.meta({ description: 'Id of the other node.', example: 'country:CHN' }),
    types: list(relType, limits.names, 'Only relationships of these types.'),
    ...dateBounds,
    limit: listLimit('relationships'),
  })
  .refine((query) => query.a !== query.b, { message: 'must differ from a', path: ['b'] })
  .refine(...dateRangeInOrder);

/** How deep a JSON value nests (a scalar: 0), counted without recursion (a value may nest 100,000 deep). */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const params = z
  .record(z.string(), z.unknown())
  .superRefine((value, context) => {
    // The object holding the parameters is one level; each parameter may nest paramDepth more.
    const depth = nestingDepth(value) - 1;
    if (depth > limits.paramDepth) {
      context.addIssue({
        code: 'custom',
        message: `nested ${depth} levels deep: at most ${limits.paramDepth} levels of lists and maps`,
      });
      return;
    }
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > limits.paramBytes) {
      context.addIssue({ code: 'custom', message: `${bytes} bytes as JSON: at most ${limits.paramBytes}` });
    }
  })
  .meta({
    description: `Query parameters ($name), JSON values: lists and maps nested at most ${limits.paramDepth} levels, at most ${limits.paramBytes} bytes in all.`,
  });
const cypherText = z.string().trim().min(1, 'must not be empty').max(limits.queryLength);

export const CypherBody = z.strictObject({
  query: cypherText.meta({ example: 'MATCH (p:Person)-[v:VISITED]->(c:Country {id: $country}) RETURN p, v, c' }),
  params: params.optional(),
});

export const ExportFormatSchema = z.enum(exportFormats).meta({
  description:
    'The file format: cyjs (Cytoscape), json, csv (a zip for spreadsheets and Gephi), graphml (APOC keys), gexf ' +
    '(Gephi, with time), cypher (a MERGE script), neo4j-csv (a zip for neo4j-admin and LOAD CSV), graphml-yed.',
});

const includeSources = z
  .boolean()
  .optional()
  .meta({
    description:
      'Add the sources the relationships cite: a sources table in csv and json, Source nodes and CITES links ' +
      'in the graph formats.',
  });

export const ExportBody = z
  .strictObject({
    format: ExportFormatSchema,
    includeSources,
    ids: z
      .array(nodeId)
      .min(1)
      .max(limits.exportIds)
      .optional()
      .meta({ description: 'Node ids: these nodes and every relationship among them.' }),
    relationshipIds: z.array(z.string().min(1).max(limits.idLength)).max(limits.relationshipIds).optional().meta({
      description:
        'With ids: export only these relationships among the nodes (the view as seen); each must be one of them.',
    }),
    query: cypherText.optional().meta({ description: 'Read-only Cypher: its nodes, relationships and paths.' }),
    params: params.optional(),
  })
  // Exactly one of ids and query, stated for the document; the refinement below enforces it.
  .meta({ oneOf: [{ required: ['ids'] }, { required: ['query'] }], dependentRequired: { params: ['query'] } })
  .superRefine((body, context) => {
    if ((body.ids === undefined) === (body.query === undefined)) {
      context.addIssue({ code: 'custom', path: ['ids'], message: 'give either ids or query (exactly one)' });
    }
    if (body.relationshipIds !== undefined && body.ids === undefined) {
      context.addIssue({ code: 'custom', path: ['relationshipIds'], message: 'relationshipIds go with ids' });
    }
    if (body.params !== undefined && body.query === undefined) {
      context.addIssue({ code: 'custom', path: ['params'], message: 'params go with a query' });
    }
  });

export const ExportQuery = z.strictObject({
  format: ExportFormatSchema,
  ids: list(nodeId, limits.exportIds, 'Node ids: these nodes and every relationship among them.', true),
  includeSources: flag.meta({
    description: 'Add the sources the relationships cite (a table, or Source nodes and CITES links).',
  }),
});

// ---- responses (for the document)

const json = z.unknown();
const NodeElementSchema = z
  .object({
    group: z.literal('nodes'),
    data: z.object({ id: z.string(), label: z.string(), labels: z.array(z.string()) }).catchall(json),
  })
  .meta({ id: 'NodeElement' });
const EdgeElementSchema = z
  .object({
    group: z.literal('edges'),
    data: z.object({ id: z.string(), source: z.string(), target: z.string(), type: z.string() }).catchall(json),
  })
  .meta({ id: 'EdgeElement' });
const ElementsSchema = z
  .object({ nodes: z.array(NodeElementSchema), edges: z.array(EdgeElementSchema) })
  .meta({ id: 'Elements' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    maxIds: z
      .number()
      .int()
      .optional()
      .meta({ description: 'For a request naming more node ids than the server takes (413): how many it takes.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

const ConsoleHealthSchema = z
  .object({
    state: z.enum(['ok', 'degraded']),
    workers: z.object({ ready: z.number().int(), busy: z.number().int(), starting: z.number().int() }),
    queued: z.number().int(),
    reason: z.string().optional(),
    sandbox: z
      .object({ state: z.enum(['on', 'off']), reason: z.string().optional() })
      .optional()
      .meta({
        description:
          'Whether the worker processes that run ad-hoc Cypher on the embedded store are sandboxed (no files beyond ' +
          'the store, no network: CYPHER_SANDBOX), and why not when off. Absent when queries run in the server ' +
          'process (Neo4j, or writes enabled).',
      }),
  })
  .meta({ id: 'ConsoleHealth' });

export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    store: z.enum(['embedded', 'neo4j']),
    counts: z.object({ nodes: z.number().int(), relationships: z.number().int() }),
    console: ConsoleHealthSchema.optional(),
  })
  .meta({ id: 'Health' });

export const SchemaResponseSchema = z
  .object({
    labels: z.array(z.object({ label: z.string(), count: z.number().int() })),
    relationshipTypes: z.array(z.object({ type: z.string(), count: z.number().int() })),
    propertyKeys: z.array(z.string()),
  })
  .meta({ id: 'Schema' });

export const SearchResponseSchema = z
  .object({
    hits: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        labels: z.array(z.string()),
        rank: z.number().int(),
        match: z.enum(['exact', 'prefix', 'substring']),
      }),
    ),
  })
  .meta({ id: 'SearchResults' });

export const NodeResponseSchema = z
  .object({
    node: NodeElementSchema,
    degree: z.array(z.object({ type: z.string(), direction: z.enum(['in', 'out']), count: z.number().int() })),
  })
  .meta({ id: 'NodeDetails' });

export const GraphResponseSchema = z
  .object({
    elements: ElementsSchema,
    meta: z.object({
      truncated: z.boolean(),
      omitted: z.array(z.object({ nodeId: z.string(), type: z.string(), omitted: z.number().int() })),
    }),
  })
  .meta({ id: 'Subgraph' });

export const SubgraphResponseSchema = z
  .object({
    elements: ElementsSchema,
    meta: z.object({
      missing: z.array(z.string()).meta({ description: 'Ids given that are not in the graph.' }),
      total: z
        .number()
        .int()
        .meta({ description: 'Relationships among the nodes that pass the filters, all of them.' }),
      truncated: z.boolean().meta({ description: 'True when the limit left some out.' }),
    }),
  })
  .meta({ id: 'SubgraphAmong' });

export const PathsResponseSchema = z
  .object({
    elements: ElementsSchema,
    meta: z.object({
      found: z.boolean(),
      length: z.number().int().nullable(),
      paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()) })),
    }),
  })
  .meta({ id: 'Paths' });

export const CypherResponseSchema = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), json)),
    elements: ElementsSchema,
    capped: z.boolean(),
    cappedBy: z.enum(['rows', 'bytes']).optional(),
    elapsedMs: z.number(),
    warnings: z
      .array(z.string())
      .optional()
      .meta({ description: 'On the embedded store: constructs it answers differently from Neo4j.' }),
  })
  .meta({ id: 'CypherResult' });

const QuoteSpanSchema = z.object({
  relationshipId: z.string(),
  start: z.number().int().meta({ description: 'Offset of the first character, in UTF-16 code units.' }),
  end: z.number().int().meta({ description: 'Offset after the last character.' }),
});

export const SourceResponseSchema = z
  .object({
    source: NodeElementSchema,
    text: z.string().nullable().meta({ description: "The article's text; null when the source has no article file." }),
    quotes: z.array(QuoteSpanSchema).meta({
      description:
        'Where the quotes of the relationships citing this source sit in text, by start. A relationship whose quote is not in this article (quotes come from the first source cited) is left out.',
    }),
  })
  .meta({ id: 'Source' });

const RelationshipListMeta = z.object({
  total: z.number().int().meta({ description: 'How many relationships matched.' }),
  truncated: z.boolean().meta({ description: 'True when the limit left some out.' }),
});

export const ClaimsResponseSchema = z
  .object({ elements: ElementsSchema, meta: RelationshipListMeta })
  .meta({ id: 'Claims' });

export const BetweenResponseSchema = z
  .object({
    elements: ElementsSchema,
    sources: z.array(NodeElementSchema).meta({ description: 'The Source nodes the relationships cite.' }),
    meta: RelationshipListMeta,
  })
  .meta({ id: 'Between' });

// ---- the response schemas describe the shared types: a drift is a compile error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Covers<Schema extends z.ZodType, T> = [T] extends [z.output<Schema>] ? true : false;
const checks: [
  Covers<typeof HealthResponseSchema, HealthResponse>,
  Covers<typeof SchemaResponseSchema, SchemaResponse>,
  Covers<typeof SearchResponseSchema, SearchResponse>,
  Covers<typeof NodeResponseSchema, NodeResponse>,
  Covers<typeof GraphResponseSchema, GraphResponse>,
  Covers<typeof PathsResponseSchema, PathsResponse>,
  Covers<typeof SubgraphResponseSchema, SubgraphResponse>,
  Same<z.input<typeof SubgraphBody>, SubgraphRequest>,
  Covers<typeof CypherResponseSchema, CypherResponse>,
  Covers<typeof ProblemSchema, Problem>,
  Covers<typeof SourceResponseSchema, SourceResponse>,
  Covers<typeof ClaimsResponseSchema, ClaimsResponse>,
  Covers<typeof BetweenResponseSchema, BetweenResponse>,
  Same<z.output<typeof ExportBody>['format'], z.output<typeof ExportFormatSchema>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void checks;
