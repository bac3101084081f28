import { statSync } from 'node:fs';
import os from 'node:os';
import { defaultCypherWorkers, type Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { GraphStore } from '../store/port.ts';
import { GuardPool } from './guard-pool.ts';
import { importFolder, neo4jImports, noImports, type ImportRule } from './import-folder.ts';
import { Scheduler } from './scheduler.ts';
import { StoreExecutor } from './store-executor.ts';
import type { CypherConsole } from './types.ts';
import { WorkerPool } from './worker-pool.ts';
import { workerSandbox, type SandboxMode } from './worker-sandbox.ts';

/** The console's limits: each one a configuration variable (see config.ts). */
export interface ConsoleLimits {
  timeoutMs: number;
  maxRows: number;
  maxBytes: number;
  /** Queries run at once. */
  workers: number;
  queueMax: number;
  perClient: number;
  /** Each worker process's memory ceiling (embedded store). */
  memoryMb: number;
  guardMs: number;
  guardThreads: number;
}

export const limitsOf = (config: Config): ConsoleLimits => ({
  timeoutMs: config.CYPHER_TIMEOUT_MS,
  maxRows: config.CYPHER_MAX_ROWS,
  maxBytes: config.CYPHER_MAX_BYTES,
  workers: config.CYPHER_WORKERS ?? 2,
  queueMax: config.CYPHER_QUEUE,
  perClient: config.CYPHER_QUEUE_PER_CLIENT,
  memoryMb: config.CYPHER_WORKER_MEMORY_MB,
  guardMs: config.CYPHER_GUARD_MS,
  guardThreads: config.CYPHER_GUARD_THREADS,
});

function schedule(
  executor: WorkerPool | StoreExecutor,
  limits: ConsoleLimits,
  allowWrites: boolean,
  engine: GraphStore['kind'],
  imports?: ImportRule,
): Scheduler {
  const guard = new GuardPool({ threads: limits.guardThreads, budgetMs: limits.guardMs });
  const { timeoutMs, queueMax, perClient } = limits;
  return new Scheduler(guard, executor, { timeoutMs, queueMax, perClient, allowWrites, engine, imports });
}

/**
 * Ad-hoc Cypher on a read-only embedded database file, in killable worker processes, sandboxed
 * (worker-sandbox.ts) unless the sandbox is off or, in `auto`, cannot be set up here (a warning).
 */
export function workerConsole(
  databasePath: string,
  limits: ConsoleLimits,
  logger: Logger,
  sandboxMode: SandboxMode = 'auto',
): Scheduler {
  const { workers: size, maxRows, maxBytes, memoryMb } = limits;
  const sandbox = workerSandbox({ mode: sandboxMode, databasePath });
  if (sandbox.status.state === 'off' && sandboxMode === 'auto') {
    logger.warn(
      { reason: sandbox.status.reason },
      'Cypher workers run without a sandbox: a query the guard missed could read files the server can read',
    );
  }
  return schedule(
    new WorkerPool({ databasePath, size, maxRows, maxBytes, memoryMb, logger, sandbox }),
    limits,
    false,
    'embedded',
  );
}

/** Where LOAD CSV may read with writes enabled: Neo4j's own import folder, or IMPORT_DIR (else nowhere). */
export const importsOf = (kind: GraphStore['kind'], importDir: string | undefined): ImportRule =>
  kind === 'neo4j' ? neo4jImports : importDir ? importFolder(importDir) : noImports;

/** Ad-hoc Cypher through the store itself (Neo4j, or an embedded store open for writing). */
export function storeConsole(
  store: GraphStore,
  limits: ConsoleLimits,
  allowWrites: boolean,
  importDir?: string,
): Scheduler {
  const { workers: size, maxRows, maxBytes } = limits;
  const imports = importsOf(store.kind, importDir);
  return schedule(new StoreExecutor(store, { size, maxRows, maxBytes }), limits, allowWrites, store.kind, imports);
}

export interface ConsoleDeps {
  store: GraphStore;
  config: Config;
  logger: Logger;
  /** The embedded store's database file; absent for Neo4j and in-memory stores. */
  embeddedPath?: string;
}

/**
 * The console the server runs: on a read-only embedded store, queries in worker processes; on
 * Neo4j, or an embedded store open for writing, through the store itself.
 */
export function createCypherConsole({ store, config, logger, embeddedPath }: ConsoleDeps): CypherConsole {
  const embedded = store.kind === 'embedded' && embeddedPath && !config.ALLOW_WRITES;
  const workers =
    config.CYPHER_WORKERS ?? (embedded ? defaultCypherWorkers(storeBytes(embeddedPath), os.totalmem()) : 2);
  const limits = { ...limitsOf(config), workers };
  return embedded
    ? workerConsole(embeddedPath, limits, logger, config.CYPHER_SANDBOX)
    : storeConsole(store, limits, config.ALLOW_WRITES, config.IMPORT_DIR);
}

/** The store's file and its write-ahead log beside it (`<file>.wal`), in bytes. */
function storeBytes(path: string): number {
  const size = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return size(path) + size(`${path}.wal`);
}
