// Each known difference of the embedded engine's Cypher from Neo4j's (README: "Cypher on the
// embedded store", server/cypher-console/embedded-differences.ts): its example's answer on the
// embedded store is pinned, so an engine upgrade that changes it fails here and says what to
// update; where a Neo4j is available (testcontainers or NEO4J_TEST_URI), Neo4j's answer is checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDifferences } from '../../server/cypher-console/embedded-differences.ts';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { loadGraph } from '../../server/loader/load.ts';
import { seedCurated } from '../../server/loader/seed-curated.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { GraphNode, type Row } from '../../server/store/graph-values.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { neo4jStore } from './available-stores.ts';

/** What an example answers: the value compared (by default the column r of the first row). */
interface Answer {
  /** The compared value, or an error matching this pattern. */
  value: unknown;
  error?: RegExp;
}
interface Pinned {
  embedded: Answer;
  neo4j: Answer;
  /** What is compared (default: the first row's r). */
  read?: (rows: Row[]) => unknown;
  /** The example writes (run with writes, on a store of its own). */
  writes?: boolean;
}

const error = (pattern: RegExp): Answer => ({ value: undefined, error: pattern });
const value = (answer: unknown): Answer => ({ value: answer });

const pinned: Record<string, Pinned> = {
  'null-in-collection-equality': { embedded: value(false), neo4j: value(null) },
  'null-in-list-predicate': { embedded: value(true), neo4j: value(null) },
  'string-number-coercion': { embedded: value(true), neo4j: value(false) },
  'ordering-lists-booleans': { embedded: value(null), neo4j: value(true) },
  'namespaced-temporal-functions': { embedded: error(/syntax error/), neo4j: value('2024-08-01') },
  'sub-millisecond-temporal': {
    embedded: value('2024-01-02T03:04:05.123'),
    neo4j: value('2024-01-02T03:04:05.123456789'),
  },
  'with-where-dropped-variable': { embedded: error(/Undefined variable 'r'/), neo4j: value(0) },
  'zero-length-named-path': { embedded: error(/Undefined variable 'p'/), neo4j: value(0) },
  'reversed-length-range': { embedded: value(true), neo4j: value(false) },
  'negative-slice': { embedded: value([]), neo4j: value([2, 3]) },
  'power-associativity': { embedded: value(512), neo4j: value(64) },
  'unnamed-aggregate-beside-node': {
    embedded: value('an internal id'),
    neo4j: value('a node'),
    read: (rows) =>
      rows[0]!.n instanceof GraphNode ? 'a node' : typeof rows[0]!.n === 'number' ? 'an internal id' : rows[0]!.n,
  },
  'type-errors-not-raised': { embedded: value(null), neo4j: error(/Type mismatch|type/i) },
  'variable-bound-twice': {
    embedded: value('no error, nothing created'),
    neo4j: error(/already declared/),
    read: () => 'no error, nothing created',
    writes: true,
  },
};

async function answerOf(store: GraphStore, example: string, entry: Pinned): Promise<Answer> {
  try {
    const before = entry.writes ? (await store.read('counts')).rows[0] : undefined;
    const { rows } = entry.writes ? await store.write({ text: example }) : await store.read({ text: example });
    if (entry.writes && JSON.stringify((await store.read('counts')).rows[0]) !== JSON.stringify(before))
      return value('it created something');
    return value((entry.read ?? ((r: Row[]) => r[0]!.r))(rows));
  } catch (e) {
    return { value: undefined, error: new RegExp((e as Error).message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) };
  }
}

function expectAnswer(actual: Answer, expected: Answer, message: string): void {
  if (expected.error) {
    expect(actual.error?.source, message).toMatch(expected.error);
  } else {
    expect(actual.error?.source, message).toBeUndefined();
    expect(actual.value, message).toEqual(expected.value);
  }
}

it('pins an answer for every known difference', () => {
  expect(Object.keys(pinned).sort()).toEqual(embeddedDifferences.map((difference) => difference.id).sort());
});

describe('on the embedded store', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = openEmbeddedStore();
    await seedCurated(store);
  });
  afterAll(() => store.close());

  it.each(embeddedDifferences.map((difference) => [difference.id, difference.example] as const))(
    '%s: the embedded engine still answers as documented',
    async (id, example) => {
      const entry = pinned[id]!;
      expectAnswer(
        await answerOf(store, example, entry),
        entry.embedded,
        `the embedded engine now answers "${example}" differently: update README's "Cypher on the embedded store" and server/cypher-console/embedded-differences.ts`,
      );
    },
  );
});

const neo4j = await neo4jStore();
if ('skipped' in neo4j) {
  console.warn(`[embedded differences] Neo4j's answers not checked: ${neo4j.skipped}`);
  describe("Neo4j's answers", () => {
    it.skip(`skipped: ${neo4j.skipped}`, () => {});
  });
} else {
  const subject = neo4j.store;
  describe(`Neo4j's answers on ${subject.name}`, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await subject.open();
      await loadGraph(store, toGraphData(readCurated()));
    });
    afterAll(async () => {
      await store?.close();
      await subject.teardown();
    });

    it.each(embeddedDifferences.map((difference) => [difference.id, difference.example] as const))(
      '%s: Neo4j answers as the README says',
      async (id, example) => {
        const entry = pinned[id]!;
        expectAnswer(await answerOf(store, example, entry), entry.neo4j, `Neo4j answers "${example}" differently`);
      },
    );
  });
}
