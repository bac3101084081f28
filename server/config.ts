import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Folder of the embedded store's database file. */
  DATA_DIR: z.string().default('./data'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'must start with bolt://, neo4j:// or their +s/+ssc forms')
    .optional(),
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().optional(),
  /** On start, apply the schema and seed the store when it holds less than the curated set (empty, or an interrupted seed). */
  SEED_ON_START: flag.default(true),
  /** Let ad-hoc Cypher change data. Off unless set explicitly. */
  ALLOW_WRITES: flag.default(false),
  /** With ALLOW_WRITES, the one folder LOAD CSV may read files from (FROM 'file:///name.csv'); unset, LOAD CSV is
   *  refused. On Neo4j, Neo4j's own server.directories.import applies instead. */
  IMPORT_DIR: z.string().optional(),
  CYPHER_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  CYPHER_MAX_ROWS: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Ad-hoc queries run at once: processes on the embedded store (each can be killed), slots on Neo4j.
   *  Unset: on the embedded store as many worker processes as memory allows (defaultCypherWorkers), else 2. */
  CYPHER_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  /** Ad-hoc results are cut to this many bytes of JSON rows (the response says so). */
  CYPHER_MAX_BYTES: z.coerce.number().int().min(1024).max(268_435_456).default(4_194_304),
  /** Ad-hoc queries that may wait beyond those running; past it, 503 with Retry-After. */
  CYPHER_QUEUE: z.coerce.number().int().min(0).max(1000).default(16),
  /** Ad-hoc queries one client address may have running or waiting at once; past it, 503 with Retry-After. */
  CYPHER_QUEUE_PER_CLIENT: z.coerce.number().int().min(1).max(100).default(4),
  /** Memory a query may use in a Cypher worker beyond the store it holds (peak resident size over the peak once the
   *  store was open; also its JS heap), in MB; past it the query ends with 422. */
  CYPHER_WORKER_MEMORY_MB: z.coerce.number().int().min(128).max(65_536).default(1024),
  /** The longest the read-only check may take to parse one query, in ms; past it, 400. */
  CYPHER_GUARD_MS: z.coerce.number().int().min(50).max(60_000).default(1500),
  /** Threads that parse ad-hoc queries for the read-only check; with two or more, one is kept for clients that have
   *  not overrun CYPHER_GUARD_MS lately. One starts with the server, the others when a check first has to wait. */
  CYPHER_GUARD_THREADS: z.coerce.number().int().min(1).max(8).default(2),
  /** Cypher worker processes (read-only embedded store) run in a bubblewrap sandbox that cannot read files beyond
   *  the store: `auto` where bwrap works (else a warning, and health says the sandbox is off), `required` (the server
   *  does not start without it) or `off`. */
  CYPHER_SANDBOX: z.enum(['required', 'auto', 'off']).default('auto'),
  /** Exports (by ids or by query) built at once, server-wide; past it, 503 with Retry-After. */
  EXPORT_SLOTS: z.coerce.number().int().min(1).max(1000).default(2),
  /** The most graph data one export may hold, in MB: its nodes and relationships (ids, labels, properties) as JSON
   *  text, the sources cited included. Past it, 413 before any byte is sent. */
  EXPORT_MAX_MB: z.coerce.number().int().min(1).max(4096).default(64),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** When set, every /api request needs `Authorization: Bearer <API_TOKEN>`. At least 16 characters. */
  API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Origins (comma-separated, e.g. https://analyst.example.org) whose pages may call the API. Unset: same origin only. */
  CORS_ORIGIN: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin.length > 0),
    )
    .pipe(
      z.array(
        z
          .url({ protocol: /^https?$/ })
          .refine((url) => new URL(url).origin === url, 'must be an origin: scheme://host[:port], no path or slash'),
      ),
    )
    .default([]),
  /** Ad-hoc Cypher (POST /api/cypher and query exports): at most this many per client per window; 0 turns the limit off. */
  RATE_LIMIT_CYPHER: z.coerce.number().int().min(0).max(1_000_000).default(120),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  /** The app's own store work for one request (every route but ad-hoc Cypher), in ms; past it, 503 with Retry-After.
   *  Neo4j ends the transaction; the embedded engine cannot stop a query (it ends its own at 30 s), so it runs on. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Node ids one subgraph or export by ids may name; past it, 413 naming the cap. */
  MAX_VIEW_IDS: z.coerce.number().int().min(1).max(5000).default(1000),
  /** Expensive reads of one kind (subgraph, export, claims, schema, search, ...) one client may have running at once; past it, 429. */
  CONCURRENT_READS_PER_CLIENT: z.coerce.number().int().min(1).max(100).default(2),
  /** Expensive reads of one kind per client per RATE_LIMIT_WINDOW_MS; past it, 429. 0 turns the limit off. */
  RATE_LIMIT_READS: z.coerce.number().int().min(0).max(1_000_000).default(300),
  /** Proxy hops in front of the server whose X-Forwarded-For is trusted (for the client address the rate limit keys on). */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type Config = z.infer<typeof EnvSchema>;

/** Reads the configuration from the environment; a bad value stops the start with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (NEO4J_URI=) means unset, as in most shells' idiom.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/** The most ad-hoc Cypher workers started by default, and the share of memory they may take. */
const maxDefaultWorkers = 2;
const workerMemoryShare = 0.25;
/** A worker's resident memory over the store's size on disk: each opens the store read-only and
 *  the engine holds all of it in that process (1.9 at 100k nodes / 1M relationships, bench/RESULTS.md). */
const workerMemoryPerStoreByte = 2;

/**
 * How many ad-hoc Cypher workers to start when CYPHER_WORKERS is unset: each holds a private copy
 * of the embedded store, so at most as many as fit in a quarter of the machine's memory, at least
 * one (the console needs one) and at most two.
 */
export function defaultCypherWorkers(storeBytes: number, totalMemoryBytes: number): number {
  const perWorker = Math.max(storeBytes * workerMemoryPerStoreByte, 1);
  const fit = Math.floor((totalMemoryBytes * workerMemoryShare) / perWorker);
  return Math.min(maxDefaultWorkers, Math.max(1, fit));
}

/** Memory an export may take beyond the idle server, per MB of EXPORT_MAX_MB: the subgraph read from the store as
 *  JavaScript objects, and its rows as the store returned them, while they become those objects. */
export const exportMemoryPerMaxMb = 4;

/** The most memory the exports running at once may take beyond the idle server, in MB. */
export const exportMemoryBoundMb = (config: Pick<Config, 'EXPORT_SLOTS' | 'EXPORT_MAX_MB'>) =>
  config.EXPORT_SLOTS * config.EXPORT_MAX_MB * exportMemoryPerMaxMb;
