// The Neo4j adapter's mapping, against the driver's own value types and a recording transaction,
// so the Neo4j path is checked where no Neo4j server runs (the conformance suite runs it for real
// where one does).
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { GraphNode, GraphPath, GraphRelationship } from '../../server/store/graph-values.ts';
import { Neo4jStore } from '../../server/store/neo4j.ts';

const { Node, Relationship, Path, PathSegment, Record, Integer } = neo4j.types;
const int = (value: number) => neo4j.int(value);

const russia = new Node(int(1), ['Entity', 'Country'], { id: 'country:RUS', name: 'Russia' }, 'e:1');
const china = new Node(int(2), ['Entity', 'Country'], { id: 'country:CHN', name: 'China' }, 'e:2');
const trade = new Relationship(
  int(7),
  int(1),
  int(2),
  'TRADES_WITH',
  { id: 'rel:t', date: '2024-05-16' },
  'r:7',
  'e:1',
  'e:2',
);
const unseenEnd = new Relationship(int(8), int(1), int(9), 'VISITED', { id: 'rel:v' }, 'r:8', 'e:1', 'e:9');

interface Call {
  query: string;
  params: Record<string, unknown>;
  config?: unknown;
  mode: string;
}

function fakeDriver(
  answers: (query: string, params: Record<string, unknown>) => { keys: string[]; values: unknown[][] },
  calls: Call[],
): Driver {
  const tx = (mode: string, config?: unknown) => ({
    run(query: string, params: Record<string, unknown>) {
      calls.push({ query, params, config, mode });
      const { keys, values } = answers(query, params);
      const records = values.map((row) => new Record(keys, row));
      const result = Promise.resolve({ records });
      return Object.assign(result, { keys: async () => keys });
    },
  });
  return {
    session: () => ({
      executeRead: (work: (t: unknown) => unknown, config?: unknown) => work(tx('read', config)),
      executeWrite: (work: (t: unknown) => unknown, config?: unknown) => work(tx('write', config)),
      close: async () => {},
    }),
    close: async () => {},
  } as unknown as Driver;
}

describe('the Neo4j adapter', () => {
  it('maps nodes, relationships and paths to the plain model with stable ids', async () => {
    const calls: Call[] = [];
    const store = new Neo4jStore(
      fakeDriver(
        () => ({
          keys: ['a', 'r', 'p'],
          values: [[russia, trade, new Path(russia, china, [new PathSegment(russia, trade, china)])]],
        }),
        calls,
      ),
      undefined,
    );
    const { columns, rows } = await store.read({ text: 'MATCH ...' });
    expect(columns).toEqual(['a', 'r', 'p']);
    expect(rows[0]!.a).toEqual(
      new GraphNode('country:RUS', ['Country', 'Entity'], { id: 'country:RUS', name: 'Russia' }),
    );
    expect(rows[0]!.r).toEqual(
      new GraphRelationship('rel:t', 'TRADES_WITH', 'country:RUS', 'country:CHN', { id: 'rel:t', date: '2024-05-16' }),
    );
    const path = rows[0]!.p as GraphPath;
    expect(path).toBeInstanceOf(GraphPath);
    expect(path.nodes.map((node) => node.id)).toEqual(['country:RUS', 'country:CHN']);
    expect(calls).toHaveLength(1); // every end was in the result: no lookup
    expect(calls[0]!.mode).toBe('read');
  });

  it('looks up the stable ids of relationship ends missing from the result, in the same transaction', async () => {
    const calls: Call[] = [];
    const store = new Neo4jStore(
      fakeDriver((query, params) => {
        if (!query.includes('elementId(n) IN $ids')) return { keys: ['r'], values: [[unseenEnd]] };
        const known: Record<string, string> = { 'e:1': 'country:RUS', 'e:9': 'country:UKR' };
        return { keys: ['elementId', 'id'], values: (params.ids as string[]).map((id) => [id, known[id]]) };
      }, calls),
      undefined,
    );
    const { rows } = await store.read({ text: 'MATCH ()-[r]->() RETURN r' });
    expect(rows[0]!.r).toMatchObject({ source: 'country:RUS', target: 'country:UKR' });
    expect(calls[1]!.params.ids).toEqual(expect.arrayContaining(['e:1', 'e:9']));
  });

  it('sends integral numbers as Neo4j integers (LIMIT 25, not 25.0) and passes the timeout', async () => {
    const calls: Call[] = [];
    const store = new Neo4jStore(
      fakeDriver(() => ({ keys: [], values: [] }), calls),
      'neo4j',
    );
    await store.read(
      { text: 'RETURN 1 LIMIT $limit' },
      { limit: 25, ratio: 0.5, nested: { list: [1, 2] } },
      { timeoutMs: 1500 },
    );
    const { params, config } = calls[0]!;
    expect(params.limit).toBeInstanceOf(Integer);
    expect(params.ratio).toBe(0.5);
    expect((params.nested as { list: unknown[] }).list[0]).toBeInstanceOf(Integer);
    expect(config).toEqual({ timeout: 1500 });
  });

  it('maps integers, big integers and temporal values to JSON-safe values', async () => {
    const store = new Neo4jStore(
      fakeDriver(
        () => ({
          keys: ['small', 'big', 'day', 'list'],
          values: [
            [int(42), neo4j.int('9007199254740993'), new neo4j.types.Date(int(2024), int(8), int(21)), [int(1), 'a']],
          ],
        }),
        [],
      ),
      undefined,
    );
    const { rows } = await store.read({ text: 'RETURN ...' });
    expect(rows[0]).toEqual({ small: 42, big: '9007199254740993', day: '2024-08-21', list: [1, 'a'] });
  });

  it('writes in write transactions', async () => {
    const calls: Call[] = [];
    const store = new Neo4jStore(
      fakeDriver(() => ({ keys: [], values: [] }), calls),
      undefined,
    );
    await store.write({ text: 'CREATE (n)' });
    expect(calls[0]!.mode).toBe('write');
  });
});
