// The store against the curated set: a seed cut short is completed on the next start, and a store
// seeded from an older set gets today's claims and loses the ones curation removed.
import { expect, it } from 'vitest';
import { storeCounts } from '../../server/domain/schema.ts';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { loadGraph } from '../../server/loader/load.ts';
import { curatedDrift, seedCurated } from '../../server/loader/seed-curated.ts';
import { openEmbeddedStore } from '../../server/store/embedded.ts';

const data = toGraphData(readCurated());

it('when the store is empty, every curated record is missing', async ({ onTestFinished }) => {
  const store = openEmbeddedStore();
  onTestFinished(() => store.close());
  expect(await curatedDrift(store)).toEqual({
    missing: data.nodes.length + data.relationships.length,
    stale: [],
  });
});

it('when a first seed was cut short, the rest is missing, and a re-seed completes it', async ({ onTestFinished }) => {
  const store = openEmbeddedStore();
  onTestFinished(() => store.close());
  await loadGraph(store, { nodes: data.nodes, relationships: data.relationships.slice(0, 10) });
  expect(await curatedDrift(store)).toEqual({ missing: data.relationships.length - 10, stale: [] });
  await seedCurated(store);
  expect(await curatedDrift(store)).toEqual({ missing: 0, stale: [] });
  expect(await storeCounts(store)).toEqual({ nodes: data.nodes.length, relationships: data.relationships.length });
});

it('when the store holds a claim the set no longer makes, a re-seed removes it and only it', async ({
  onTestFinished,
}) => {
  const store = openEmbeddedStore();
  onTestFinished(() => store.close());
  const [kept] = data.relationships;
  const withdrawn = { ...kept!, id: 'rel:withdrawn-by-curation' };
  const unrelated = {
    ...kept!,
    id: 'rel:cites-no-curated-source',
    properties: { ...kept!.properties, sources: ['source:elsewhere'] },
  };
  await loadGraph(store, { nodes: data.nodes, relationships: [...data.relationships, withdrawn, unrelated] });
  expect((await curatedDrift(store)).stale).toEqual([{ id: withdrawn.id, from: withdrawn.source }]);
  const { removed } = await seedCurated(store);
  expect(removed).toEqual([withdrawn.id]);
  expect(await curatedDrift(store)).toEqual({ missing: 0, stale: [] });
  expect((await storeCounts(store)).relationships).toBe(data.relationships.length + 1);
});
