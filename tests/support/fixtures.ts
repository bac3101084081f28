// Apps, listening servers, stores and temp folders that clean up after themselves. A test file shares
// one app through `fileApp(options)`; a test gets its own through the `makeApp`, `serve`, `memoryStore`
// and `tempDir` fixtures, closed or removed when the test ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, test as base } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { buildApp, listen, type AppOptions, type AppUnderTest, type Listening } from './app.ts';

/** One app for the whole test file: built before its first test, closed after its last. */
export function fileApp(options: AppOptions = {}): AppUnderTest {
  let built: AppUnderTest | undefined;
  beforeAll(async () => {
    built = await buildApp(options);
  });
  afterAll(() => built?.close());
  const current = () => {
    if (!built) throw new Error('fileApp is built in beforeAll: use it inside tests and hooks');
    return built;
  };
  return {
    get app() {
      return current().app;
    },
    get store() {
      return current().store;
    },
    close: () => current().close(),
  };
}

export const test = base
  .extend('makeApp', async ({}, { onCleanup }) => {
    const apps: AppUnderTest[] = [];
    onCleanup(async () => {
      await Promise.all(apps.map((app) => app.close()));
    });
    return async (options: AppOptions = {}) => {
      const app = await buildApp(options);
      apps.push(app);
      return app;
    };
  })
  .extend('serve', async ({}, { onCleanup }) => {
    const servers: Listening[] = [];
    onCleanup(async () => {
      await Promise.all(servers.map((server) => server.close()));
    });
    return async (app: AppUnderTest['app']) => {
      const server = await listen(app);
      servers.push(server);
      return server;
    };
  })
  .extend('memoryStore', async ({}, { onCleanup }) => {
    const stores: GraphStore[] = [];
    onCleanup(async () => {
      await Promise.all(stores.map((store) => store.close()));
    });
    /** An empty in-memory embedded store. */
    return () => {
      const store = openEmbeddedStore();
      stores.push(store);
      return store;
    };
  })
  .extend('tempDir', async ({}, { onCleanup }) => {
    const dirs: string[] = [];
    onCleanup(() => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });
    return (prefix = 'kg-test-') => {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    };
  });

export const it = test;
export { describe, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
