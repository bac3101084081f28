// On a real Neo4j 5, where one is available (testcontainers, or NEO4J_TEST_URI): the Cypher script
// and the LOAD CSV script of the awkward graph recreate every node, relationship and property.
import type { GraphStore } from '../../server/store/port.ts';
import { seedAwkward } from '../support/awkward-graph.ts';
import { awkwardGraph, download, unzip } from '../support/export-files.ts';
import { afterAll, beforeAll, describe, expect, fileApp, it } from '../support/fixtures.ts';
import { replay, storeGraph } from '../support/replay.ts';
import { neo4jStore } from '../store/available-stores.ts';

const neo4j = await neo4jStore();
const ids = Object.keys(awkwardGraph().nodes);

if ('skipped' in neo4j) {
  console.warn(`[exports on Neo4j] skipped: ${neo4j.skipped}`);
  describe('exports replayed on Neo4j', () => {
    it.skip(`skipped: ${neo4j.skipped}`, () => {});
  });
} else {
  const h = fileApp({ seed: seedAwkward });
  const subject = neo4j.store;
  const importFiles = subject.importFiles;
  let store: GraphStore;
  beforeAll(async () => {
    store = await subject.open();
  });
  afterAll(async () => {
    await store?.close();
    await subject.teardown();
  });

  describe(`exports replayed on ${subject.name}`, () => {
    it('when the Cypher script runs, it recreates every node, relationship and property', async () => {
      await store.write({ text: 'MATCH (n) DETACH DELETE n' });
      await replay(store, (await download(h.app, { format: 'cypher', ids })).text);
      expect(await storeGraph(store)).toEqual(awkwardGraph());
    });

    const loadCsvSkip = typeof importFiles === 'function' ? undefined : importFiles?.unavailable;
    if (loadCsvSkip) console.warn(`[exports on Neo4j] LOAD CSV skipped: ${loadCsvSkip}`);
    it.skipIf(loadCsvSkip)(
      'when load-csv.cypher runs over the files, it recreates every node, relationship and property',
      async () => {
        await store.write({ text: 'MATCH (n) DETACH DELETE n' });
        const files = await unzip((await download(h.app, { format: 'neo4j-csv', ids })).body);
        await (importFiles as (files: Record<string, string>) => Promise<void>)(files);
        await replay(store, files['load-csv.cypher']!);
        expect(await storeGraph(store)).toEqual(awkwardGraph());
      },
    );
  });
}
