// Hub summaries on every available store: a hub's page and counts read from its summary are the
// ones a full read gives, and stay so when relationships are added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubMinDegree, readHubSummaries } from '../../server/domain/hub-summaries.ts';
import { neighborhood, type NeighborhoodOptions } from '../../server/domain/neighborhood.ts';
import { nodeDetails } from '../../server/domain/nodes.ts';
import type { RelationshipRecord } from '../../server/loader/graph-data.ts';
import { loadGraph } from '../../server/loader/load.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { SyntheticGraph, loadSynthetic } from '../../seed/synthetic.ts';
import { embeddedStore, neo4jStore, type StoreUnderTest } from './available-stores.ts';
import { recording } from './recording-store.ts';

const graph = new SyntheticGraph({ nodes: 2000, relationships: 20_000, seed: 7 });
const degrees = graph.degrees();
const hubs = [...degrees].filter(([, degree]) => degree > hubMinDegree).map(([id]) => id);
const hub = 'syn:country:0';
const typical = [...degrees].find(([id, degree]) => id.startsWith('syn:person:') && degree === 8)![0];

const neo4j = await neo4jStore();
const stores: StoreUnderTest[] = [embeddedStore()];
if ('store' in neo4j) stores.push(neo4j.store);
else {
  console.warn(`[hub summaries] neo4j suite skipped: ${neo4j.skipped}`);
  describe(`${neo4j.name} store`, () => {
    it.skip(`skipped: ${neo4j.skipped}`, () => {});
  });
}

/** The same request with a filter every relationship passes: read whole, never from a summary. */
const whole = (options: NeighborhoodOptions): NeighborhoodOptions => ({ ...options, from: '0001-01-01' });
const hood = (ids: string[], depth: number, limit = 200): NeighborhoodOptions => ({
  ids,
  depth,
  types: [],
  labels: [],
  from: null,
  to: null,
  limit,
});

let added = 0;
/** Relationships newer than any the generator makes (its dates end in 2025), to the hub. */
function newRelationships(count: number, date: string): RelationshipRecord[] {
  return Array.from({ length: count }, () => {
    added += 1;
    return {
      id: `test:rel:${added}`,
      type: added % 2 === 0 ? 'SANCTIONS' : 'TRADES_WITH',
      source: hub,
      target: `syn:person:${added}`,
      properties: { date, summary: `added ${added}`, sources: ['syn:source:0'], quote: `added ${added}` },
    };
  });
}

describe.each(stores)('$name store', (subject) => {
  let store: GraphStore;

  beforeAll(async () => {
    store = await subject.open();
    await loadSynthetic(store, graph, { batchSize: 2000 });
  });

  afterAll(async () => {
    await store?.close();
    await subject.teardown();
  });

  it('when loaded, every node past the threshold has a summary and no other node has one', async () => {
    const read = await readHubSummaries(store, [...degrees.keys()], false);
    expect(
      read
        .filter((node) => node.summary)
        .map((node) => node.nodeId)
        .sort(),
    ).toEqual([...hubs].sort());
    expect(hubs.length).toBeGreaterThan(1);
  });

  it.each([
    ['1-hop of a hub', [hub], 1, 200],
    ['2-hop of a hub', [hub], 2, 200],
    ['1-hop of a hub, a page of 25', [hub], 1, 25],
    ['1-hop of two hubs', [hub, 'syn:country:1'], 1, 300],
    ['2-hop of a typical node', [typical], 2, 200],
    ['1-hop of a hub, a page past the summary', [hub], 1, 600],
  ] as const)('when asked for the %s, gives what a whole read gives', async (_, ids, depth, limit) => {
    const options = hood([...ids], depth, limit);
    const { store: recorded, reads } = recording(store);
    const fromSummaries = await neighborhood(recorded, options);
    expect(fromSummaries).toEqual(await neighborhood(store, whole(options)));
    expect(fromSummaries.meta.truncated).toBe(true);
    if (limit <= 255 && ids.includes(hub)) expect(reads.filter((name) => name === 'neighborhood-step')).toEqual([]);
  });

  it("when asked for a hub's details, gives the counts per type and direction a full count gives", async () => {
    const { rows } = await store.read('node-degrees', { id: hub });
    expect((await nodeDetails(store, hub)).degree).toEqual(
      rows.map((row) => ({ type: row.type, direction: row.direction, count: row.count })),
    );
  });

  it.each([
    ['merge', '2030-01-02'],
    ['create', '2030-01-03'],
  ] as const)(
    'when the loader adds relationships to a hub (%s), its page starts with them and its counts follow',
    async (mode, date) => {
      const before = await nodeDetails(store, hub);
      const fresh = newRelationships(6, date);
      await loadGraph(store, { nodes: [], relationships: fresh }, { relationships: mode });
      const [summary] = await readHubSummaries(store, [hub], true);
      expect(summary!.summary!.recent.slice(0, 6).map((entry) => entry.relationship.id)).toEqual(
        fresh.map((r) => r.id).sort(),
      );
      const page = await neighborhood(store, hood([hub], 1, 6));
      expect(page.elements.edges.map((edge) => edge.data.id).sort()).toEqual(fresh.map((r) => r.id).sort());
      expect(page).toEqual(await neighborhood(store, whole(hood([hub], 1, 6))));
      const count = (details: typeof before, type: string) =>
        details.degree.find((d) => d.type === type && d.direction === 'out')?.count ?? 0;
      const after = await nodeDetails(store, hub);
      expect(count(after, 'TRADES_WITH') + count(after, 'SANCTIONS')).toBe(
        count(before, 'TRADES_WITH') + count(before, 'SANCTIONS') + 6,
      );
    },
  );

  it('when a relationship is written around the loader, the stale summary is not used', async () => {
    await store.write(
      {
        text: `MATCH (a:Entity {id: $hub}) MATCH (b:Entity {id: 'syn:country:4'})
               CREATE (a)-[:TRADES_WITH {id: 'test:around', date: '2031-01-01'}]->(b)`,
      },
      { hub },
    );
    const [summary] = await readHubSummaries(store, [hub], true);
    expect(summary!.summary).toBeUndefined();
    const page = await neighborhood(store, hood([hub], 1, 5));
    expect(page.elements.edges[0]!.data.id).toBe('test:around');
    expect(page).toEqual(await neighborhood(store, whole(hood([hub], 1, 5))));
  });
});
