// Browser-test fixtures: one server and one Chromium per file; a fresh browser context and page per
// test (so tests are independent of each other), closed after it with no page errors left unseen.
import type { Browser, BrowserContext } from 'playwright-core';
import { expect, test as base } from 'vitest';
import { ExplorerPage } from './explorer-page.ts';
import { buildClient, launchChromium, prepareOutput, removeDownloads, startExplorer, type Running } from './harness.ts';

export interface Fixtures {
  server: Running;
  browser: Browser;
  context: BrowserContext;
  /** The explorer at 1440x900 on the start view. */
  explorer: ExplorerPage;
}

export const test = base.extend<Fixtures>({
  server: [
    async ({}, use) => {
      prepareOutput();
      buildClient();
      const running = await startExplorer();
      await use(running);
      await running.stop();
      removeDownloads();
    },
    { scope: 'file' },
  ],
  browser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  context: async ({ browser }, use) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await use(context);
    await context.close();
  },
  explorer: async ({ context, server }, use) => {
    const explorer = await ExplorerPage.open(context, server.url);
    await use(explorer);
    expect(explorer.problems).toEqual([]);
  },
});
