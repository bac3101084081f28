// A seeded app on an in-memory embedded store, and the curated data to derive expectations from.
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { StoreConsole } from '../../server/cypher-console/store-console.ts';
import type { CypherConsole } from '../../server/cypher-console/types.ts';
import { createLogger } from '../../server/logger.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { readCurated } from '../../seed/curated.ts';
import { seedCurated } from '../../seed/seed.ts';

export const curated = readCurated();

export interface Harness {
  app: ReturnType<typeof createApp>;
  store: GraphStore;
  close(): Promise<void>;
}

export async function seededApp(options: { cypherConsole?: CypherConsole | null; deps?: Partial<AppDeps> } = {}): Promise<Harness> {
  const store = openEmbeddedStore();
  await seedCurated(store);
  const cypherConsole =
    options.cypherConsole === null
      ? undefined
      : (options.cypherConsole ?? new StoreConsole(store, { allowWrites: false, timeoutMs: 5000, maxRows: 50 }));
  const app = createApp({ store, config: loadConfig({}), logger: createLogger('silent'), cypherConsole, ...options.deps });
  return { app, store, close: () => store.close() };
}

/** The curated relations touching a node, as the API should count them. */
export function relationsOf(id: string) {
  return curated.relations.filter((relation) => relation.source === id || relation.target === id);
}
