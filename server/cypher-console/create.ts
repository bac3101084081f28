import { statSync } from 'node:fs';
import os from 'node:os';
import { defaultCypherWorkers, type Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { GraphStore } from '../store/port.ts';
import { StoreConsole } from './store-console.ts';
import type { CypherConsole } from './types.ts';
import { WorkerPoolConsole } from './worker-pool.ts';

export interface ConsoleDeps {
  store: GraphStore;
  config: Config;
  logger: Logger;
  /** The embedded store's database file; absent for Neo4j and in-memory stores. */
  embeddedPath?: string;
}

export function createCypherConsole({ store, config, logger, embeddedPath }: ConsoleDeps): CypherConsole {
  const limits = { timeoutMs: config.CYPHER_TIMEOUT_MS, maxRows: config.CYPHER_MAX_ROWS };
  if (store.kind === 'embedded' && embeddedPath && !config.ALLOW_WRITES) {
    const size = config.CYPHER_WORKERS ?? defaultCypherWorkers(storeBytes(embeddedPath), os.totalmem());
    return new WorkerPoolConsole({ databasePath: embeddedPath, size, logger, ...limits });
  }
  return new StoreConsole(store, { allowWrites: config.ALLOW_WRITES, ...limits });
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
