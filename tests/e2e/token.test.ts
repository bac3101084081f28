// The explorer behind an API token (API_TOKEN): the page asks for it once and sends it on every call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test as base } from 'vitest';
import { ExplorerPage } from './explorer-page.ts';
import {
  buildClient,
  launchChromium,
  prepareOutput,
  removeDownloads,
  screenshotDir,
  skipReason,
  startExplorer,
  type Running,
} from './harness.ts';

const token = 'e2e-token-0123456789abcdef';
const startCountries = ['country:BLR', 'country:CHN', 'country:PRK', 'country:RUS', 'country:UKR'];
const reason = skipReason();

const test = base.extend<{ tokenServer: Running; tokenPage: Page }>({
  tokenServer: [
    async ({}, use) => {
      prepareOutput();
      buildClient();
      const running = await startExplorer({ apiToken: token });
      await use(running);
      await running.stop();
      removeDownloads();
    },
    { scope: 'file' },
  ],
  tokenPage: async ({ tokenServer }, use) => {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(tokenServer.url);
    await use(page);
    await browser.close();
  },
});

describe.skipIf(reason !== null)('the explorer behind an API token (API_TOKEN)', () => {
  test('when the API needs a token, refuses it without one', async ({ tokenServer }) => {
    expect((await fetch(`${tokenServer.apiUrl}/api/schema`)).status).toBe(401);
  });

  test('when a wrong token is given, says so; with the right one, opens the start view', async ({ tokenPage }) => {
    const dialog = tokenPage.getByRole('dialog', { name: 'API token needed' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await tokenPage.locator('dialog[open]').count()).toBe(1);
    await tokenPage.screenshot({ path: join(screenshotDir, '10-token-prompt.png') });
    await tokenPage.keyboard.insertText('not-the-token-at-all');
    await tokenPage.keyboard.press('Enter');
    await expect
      .poll(() => tokenPage.locator('#token-error').textContent(), { timeout: 15_000 })
      .toContain('not accepted');
    await tokenPage.locator('#token-input').fill(token);
    await tokenPage.getByRole('button', { name: 'Use token' }).click();
    await tokenPage.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    const explorer = new ExplorerPage(tokenPage);
    await explorer.settle();
    expect((await explorer.scene()).nodes).toEqual(startCountries);
    expect(await tokenPage.evaluate(() => sessionStorage.getItem('kg-explorer.api-token'))).toBe(token);
    const file = await explorer.exportFile('#export-json');
    expect(readFileSync(file.path, 'utf8')).toContain('country:RUS');
  });
});
