// Apps built with a given configuration, and a fingerprint of the data to prove nothing changed.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.ts';
import type { AppDeps } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { StoreConsole } from '../../server/cypher-console/store-console.ts';
import { createLogger } from '../../server/logger.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { seedCurated } from '../../server/loader/seed-curated.ts';
import { seededFileApp } from '../api/harness.ts';

export interface App {
  app: ReturnType<typeof createApp>;
  store: GraphStore;
  close(): Promise<void>;
}

/** A seeded in-memory store, ad-hoc Cypher in-process (read-only), configured from `env`. */
export async function appWith(env: Record<string, string>, deps: Partial<AppDeps> = {}): Promise<App> {
  const store = openEmbeddedStore();
  await seedCurated(store);
  const config = loadConfig(env);
  const cypherConsole = new StoreConsole(store, { allowWrites: false, timeoutMs: 5000, maxRows: 50 });
  const app = createApp({ store, config, logger: createLogger('silent'), cypherConsole, clientDir: false, ...deps });
  return { app, store, close: () => store.close() };
}

/**
 * The app as production runs it on the embedded store: a seeded file opened read-only, ad-hoc
 * Cypher in killable worker processes.
 */
export function fileAppWith(env: Record<string, string>, limits = { timeoutMs: 1500, maxRows: 50 }): Promise<App> {
  return seededFileApp(limits, { env, deps: { clientDir: false } });
}

/** Listens on 127.0.0.1 at a free port; the base URL and a close function. */
export async function listen(app: App['app']): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  /** sha256 over every node's id, labels and properties and every relationship's id, type, ends and properties. */
  checksum: string;
}

export async function fingerprint(store: GraphStore): Promise<Fingerprint> {
  const nodes = await store.read({
    text: 'MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id',
  });
  const rels = await store.read({
    text: 'MATCH (a)-[r]->(b) RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props ORDER BY id',
  });
  const hash = createHash('sha256');
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
        : v,
    );
  for (const row of nodes.rows) hash.update(canonical(row)).update('\n');
  for (const row of rels.rows) hash.update(canonical(row)).update('\n');
  return { nodes: nodes.rows.length, relationships: rels.rows.length, checksum: hash.digest('hex') };
}
