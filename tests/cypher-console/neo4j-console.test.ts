// The write battery and the timeout on Neo4j, where one is available (testcontainers or
// NEO4J_TEST_URI): ad-hoc reads run in READ access-mode transactions with a server-side timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitsOf, storeConsole } from '../../server/cypher-console/create.ts';
import { loadConfig } from '../../server/config.ts';
import {
  QueryError,
  QueryTimeoutError,
  WriteRefusedError,
  type CypherConsole,
} from '../../server/cypher-console/types.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { loadGraph } from '../../server/loader/load.ts';
import { escapeAttempts } from '../fixtures/escape-attempts.ts';
import { lineTerminatorAttempts } from '../fixtures/line-terminator-attempts.ts';
import { writeAttempts } from '../fixtures/write-attempts.ts';
import { neo4jStore } from '../store/available-stores.ts';

const neo4j = await neo4jStore();

if ('skipped' in neo4j) {
  console.warn(`[neo4j console] skipped: ${neo4j.skipped}`);
  describe('the Cypher console on Neo4j', () => {
    it.skip(`skipped: ${neo4j.skipped}`, () => {});
  });
} else {
  const subject = neo4j.store;
  describe(`the Cypher console on ${subject.name}`, () => {
    let store: GraphStore;
    let console_: CypherConsole;
    const fingerprint = async () =>
      (
        await store.read({
          text: 'MATCH (n) OPTIONAL MATCH (n)-[r]->() WITH n, collect(r.id) AS rels RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, rels ORDER BY id',
        })
      ).rows;

    beforeAll(async () => {
      store = await subject.open();
      await loadGraph(store, toGraphData(readCurated()));
      console_ = storeConsole(store, { ...limitsOf(loadConfig({})), timeoutMs: 2000, maxRows: 10 }, false);
    });
    afterAll(async () => {
      await console_?.close();
      await store?.close();
      await subject.teardown();
    });

    it('refuses every write attempt of the first battery and leaves the data identical', async () => {
      const before = await fingerprint();
      for (const attempt of writeAttempts) {
        const error = await console_.run(attempt.query, attempt.params).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(
          error instanceof WriteRefusedError || error instanceof QueryError,
          `${attempt.name}: ${String(error)}`,
        ).toBe(true);
      }
      expect(await fingerprint()).toEqual(before);
    });

    it('refuses every escape attempt of the second battery and leaves the data identical', async () => {
      const before = await fingerprint();
      for (const attempt of escapeAttempts) {
        const error = await console_.run(attempt.query).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, attempt.name).toBeInstanceOf(Error);
      }
      expect(await fingerprint()).toEqual(before);
    });

    it.each(lineTerminatorAttempts)('when the query holds $name, it is refused as not canonical', async ({ query }) => {
      await expect(console_.run(query)).rejects.toThrow(QueryError);
      await expect(console_.run(query)).rejects.toThrow(/LF or CRLF/);
    });

    it('stops a runaway query at its timeout', async () => {
      await expect(console_.run('MATCH (a), (b), (c), (d), (e) RETURN count(*) AS c')).rejects.toBeInstanceOf(
        QueryTimeoutError,
      );
    });
  });
}
