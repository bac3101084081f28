import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import { openEmbeddedStore } from './embedded.ts';
import { openNeo4jStore } from './neo4j.ts';
import type { GraphStore } from './port.ts';

export function embeddedDatabasePath(dataDir: string): string {
  return join(dataDir, 'graph.grafeo');
}

/**
 * Neo4j when NEO4J_URI is set, otherwise the embedded store in DATA_DIR. `readOnly` opens the
 * embedded store with a shared lock on which the engine refuses every write (Neo4j access is
 * per transaction instead: see the adapter).
 */
export async function openStore(config: Config, { readOnly = false } = {}): Promise<GraphStore> {
  if (config.NEO4J_URI) {
    return openNeo4jStore({
      uri: config.NEO4J_URI,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD,
      database: config.NEO4J_DATABASE,
      timeoutMs: config.QUERY_TIMEOUT_MS,
    });
  }
  mkdirSync(config.DATA_DIR, { recursive: true });
  return openEmbeddedStore({ path: embeddedDatabasePath(config.DATA_DIR), readOnly });
}
