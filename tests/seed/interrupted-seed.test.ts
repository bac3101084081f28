// The store against the curated set: a seed cut short is completed on the next start, and a store
// seeded from an older set gets today's claims and loses the ones curation removed.
import { storeCounts } from '../../server/domain/schema.ts';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { loadGraph } from '../../server/loader/load.ts';
import { curatedDrift, seedCurated } from '../../server/loader/seed-curated.ts';
import type { GraphStore } from '../../server/store/port.ts';
import { describe, expect, it } from '../support/fixtures.ts';

const data = toGraphData(readCurated());

it('when the store is empty, every curated record is missing', async ({ memoryStore }) => {
  expect(await curatedDrift(memoryStore())).toEqual({
    missing: data.nodes.length + data.relationships.length,
    stale: [],
  });
});

describe('a first seed cut short', () => {
  /** A store holding every node and the first 10 relationships. */
  const cutShort = async (store: GraphStore) => {
    await loadGraph(store, { nodes: data.nodes, relationships: data.relationships.slice(0, 10) });
    return store;
  };

  it('when checked, the rest is missing', async ({ memoryStore }) => {
    const store = await cutShort(memoryStore());
    expect(await curatedDrift(store)).toEqual({ missing: data.relationships.length - 10, stale: [] });
  });

  it('when re-seeded, nothing is missing', async ({ memoryStore }) => {
    const store = await cutShort(memoryStore());
    await seedCurated(store);
    expect(await curatedDrift(store)).toEqual({ missing: 0, stale: [] });
  });

  it('when re-seeded, the store holds the whole set once', async ({ memoryStore }) => {
    const store = await cutShort(memoryStore());
    await seedCurated(store);
    expect(await storeCounts(store)).toEqual({ nodes: data.nodes.length, relationships: data.relationships.length });
  });
});

describe('a claim the set no longer makes', () => {
  const [kept] = data.relationships;
  const withdrawn = { ...kept!, id: 'rel:withdrawn-by-curation' };
  const unrelated = {
    ...kept!,
    id: 'rel:cites-no-curated-source',
    properties: { ...kept!.properties, sources: ['source:elsewhere'] },
  };
  /** A store seeded from an older set: today's claims, one withdrawn since, one citing no curated source. */
  const older = async (store: GraphStore) => {
    await loadGraph(store, { nodes: data.nodes, relationships: [...data.relationships, withdrawn, unrelated] });
    return store;
  };

  it('when checked, it is stale (and a claim citing no curated source is not)', async ({ memoryStore }) => {
    const store = await older(memoryStore());
    expect((await curatedDrift(store)).stale).toEqual([{ id: withdrawn.id, from: withdrawn.source }]);
  });

  it('when re-seeded, it is removed and reported', async ({ memoryStore }) => {
    const store = await older(memoryStore());
    const { removed } = await seedCurated(store);
    expect(removed).toEqual([withdrawn.id]);
    expect(await curatedDrift(store)).toEqual({ missing: 0, stale: [] });
  });

  it('when re-seeded, only it is removed', async ({ memoryStore }) => {
    const store = await older(memoryStore());
    await seedCurated(store);
    expect((await storeCounts(store)).relationships).toBe(data.relationships.length + 1);
  });
});
