// A view whose nodes are labelled like Object.prototype's members (constructor, __proto__, ...)
// and whose relationships are typed hasOwnProperty opens as any other: the style, palette and
// icons look these names up as names, not as the prototype's functions.
import { join } from 'node:path';
import { openEmbeddedStore } from '../../server/store/embedded.ts';
import { seededFile } from '../support/seeded-file.ts';
import { prototypeIds, seedPrototypeNames } from '../support/prototype-names-graph.ts';
import { ExplorerPage } from './explorer-page.ts';
import { test as base } from './fixtures.ts';
import { buildClient, prepareOutput, removeDownloads, skipReason, startExplorer, type Running } from './harness.ts';
import { describe, expect } from 'vitest';

/** The curated data set and the prototype-named graph in the data folder the server opens. */
async function withPrototypeNames(dataDir: string): Promise<void> {
  await seededFile(dataDir);
  const store = openEmbeddedStore({ path: join(dataDir, 'graph.grafeo') });
  await seedPrototypeNames(store);
  await store.close();
}

const test = base.extend<{ server: Running }>({
  server: [
    async ({}, use) => {
      prepareOutput();
      buildClient();
      const running = await startExplorer({ prepare: withPrototypeNames });
      await use(running);
      await running.stop();
      removeDownloads();
    },
    { scope: 'file' },
  ],
});

const reason = skipReason();
if (reason) console.warn(`[prototype names] browser test skipped: ${reason}`);

describe.skipIf(reason !== null)('a view of names that are Object.prototype members', () => {
  const ids = [prototypeIds.builder, ...prototypeIds.others];

  test('when a link names nodes labelled constructor, __proto__, ... linked by hasOwnProperty, the view opens with all of them', async ({
    context,
    server,
  }) => {
    const explorer = await ExplorerPage.open(context, `${server.url}#n=${ids.map(encodeURIComponent).join(',')}`);
    const scene = await explorer.scene();
    expect(scene.nodes).toEqual([...ids].sort());
    expect(scene.edges).toHaveLength(prototypeIds.others.length);
    expect(await explorer.caption(prototypeIds.builder)).toBe('A constructor');
    expect(await explorer.legendTypes()).toContain('hasOwnProperty');
    expect(explorer.problems).toEqual([]);
  });
});
