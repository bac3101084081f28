// A first seed cut short (nodes in, relationships not) is completed on the next start.
import { expect, it } from 'vitest';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { readCurated, toGraphData } from '../../server/loader/curated.ts';
import { loadGraph } from '../../server/loader/load.ts';
import { storeCounts } from '../../server/domain/schema.ts';
import { holdsLessThanCurated, seedCurated } from '../../server/loader/seed-curated.ts';

it('tells an interrupted seed from a complete one, and a re-seed completes it', async () => {
  const store = openEmbeddedStore();
  const data = toGraphData(readCurated());
  expect(await holdsLessThanCurated(store)).toBe(true);
  await loadGraph(store, { nodes: data.nodes, relationships: data.relationships.slice(0, 10) });
  expect(await holdsLessThanCurated(store)).toBe(true);
  await seedCurated(store);
  expect(await holdsLessThanCurated(store)).toBe(false);
  expect(await storeCounts(store)).toEqual({ nodes: data.nodes.length, relationships: data.relationships.length });
  await store.close();
});
