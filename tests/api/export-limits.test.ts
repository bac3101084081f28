// The limits on exports: the per-export cap on graph data (413 before any byte) and the
// server-wide export slots (503 with Retry-After while they are all taken).
import { applySchema } from '../../server/loader/load.ts';
import type { GraphStore } from '../../server/store/port.ts';
import type { AppOptions, AppUnderTest, Listening } from '../support/app.ts';
import { download } from '../support/export-files.ts';
import { describe, expect, it } from '../support/fixtures.ts';

// A node whose notes alone are 2 MB of text: over an EXPORT_MAX_MB of 1.
const withLargeNode = async (store: GraphStore) => {
  await applySchema(store);
  await store.write(
    { text: "CREATE (:Entity:Person {id: 'large:1', name: 'Large', notes: $notes})" },
    {
      notes: 'x'.repeat(2 * 2 ** 20),
    },
  );
  await store.write({ text: "CREATE (:Entity:Person {id: 'small:1', name: 'Small'})" });
};

const withTwoCountries = async (store: GraphStore) => {
  await applySchema(store);
  await store.write({
    text: "CREATE (:Entity:Country {id: 'country:RUS', name: 'Russia'})-[:TRADES_WITH {id: 'rel:1'}]->(:Entity:Country {id: 'country:CHN', name: 'China'})",
  });
};

/** The store, with reads of the relationships among nodes held until `release` is called. */
function heldStore(store: GraphStore) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const held = new Promise<void>((resolve) => (entered = resolve));
  const read: GraphStore['read'] = async (...args) => {
    if (args[0] === 'relationships-among') {
      entered();
      await released;
    }
    return store.read(...args);
  };
  const wrapped = new Proxy(store, {
    get: (target, key) => {
      if (key === 'read') return read;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: wrapped, held, release };
}

describe('the cap on graph data per export', () => {
  it.for(['json', 'graphml', 'csv'])(
    'when a %s export would hold more than EXPORT_MAX_MB, the answer is 413 naming the limit and what to do',
    async (format, { makeApp }) => {
      const app = await makeApp({ seed: withLargeNode, env: { EXPORT_MAX_MB: '1' } });
      const file = await download(app.app, { format, ids: ['large:1', 'small:1'] });
      expect(file.status).toBe(413);
      expect(file.headers['content-type']).toContain('application/problem+json');
      expect(JSON.parse(file.text).detail).toMatch(/over the limit of 1\.0 MB per export; export fewer nodes/);
    },
  );

  it('when an export is refused for its size, no file is offered', async ({ makeApp }) => {
    const app = await makeApp({ seed: withLargeNode, env: { EXPORT_MAX_MB: '1' } });
    const file = await download(app.app, { format: 'json', ids: ['large:1'] });
    expect(file.headers['content-disposition']).toBeUndefined();
  });
});

describe('the export slots', () => {
  interface Fixtures {
    makeApp: (options?: AppOptions) => Promise<AppUnderTest>;
    serve: (app: AppUnderTest['app']) => Promise<Listening>;
  }
  /** A server with one export slot, whose reads of relationships wait for `release`. */
  const oneSlot = async ({ makeApp, serve }: Fixtures) => {
    const seeded = await makeApp({ seed: withTwoCountries });
    const held = heldStore(seeded.store);
    // This app's own store is left empty: it serves the held one.
    const app = await makeApp({ env: { EXPORT_SLOTS: '1' }, seed: applySchema, deps: { store: held.store } });
    const server = await serve(app.app);
    const exportOf = (ids: string[]) =>
      fetch(`${server.url}/api/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'json', ids }),
      });
    return { ...held, exportOf };
  };
  const ids = ['country:RUS', 'country:CHN'];

  it('when every slot is taken, another export is answered 503 with Retry-After', async ({ makeApp, serve }) => {
    const { exportOf, held, release } = await oneSlot({ makeApp, serve });
    const first = exportOf(ids);
    await held;
    const second = await exportOf(ids);
    release();
    await (await first).arrayBuffer();
    expect(second.status).toBe(503);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await second.json()) as { detail: string }).detail).toContain('EXPORT_SLOTS');
  });
});
