// Issue 12: dense views stay readable. Bundles (click lists the members, unfold), the bundling
// toggle, the style editor (in the link, in this browser, as a file), hover and the menus, Ctrl+A,
// and the console's tabs, downloads, favourites, history, warnings and error position.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect } from 'vitest';
import { ExplorerPage, SCREEN_SIZES } from './explorer-page.ts';
import { curated } from '../support/curated.ts';
import { test } from './fixtures.ts';
import { downloadDir, screenshotDir, skipReason } from './harness.ts';

const { relations } = curated;
const between = (a: string, b: string) =>
  relations.filter((r) => (r.source === a && r.target === b) || (r.source === b && r.target === a));

const reason = skipReason();
if (reason) console.warn(`[e2e] skipping the browser tests: ${reason}`);

const saveDownload = async (explorer: ExplorerPage, click: () => Promise<void>) => {
  const [download] = await Promise.all([explorer.page.waitForEvent('download'), click()]);
  const path = join(downloadDir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
};

describe.skipIf(reason !== null)('dense views (issue 12)', () => {
  test('when the start view opens, China and Russia are joined by one bundle of all their relationships', async ({
    explorer,
  }) => {
    const members = between('country:CHN', 'country:RUS')
      .map((r) => r.id)
      .sort();
    const bundle = (await explorer.bundles()).find((b) => b.members.includes(members[0]!))!;
    expect(bundle).toMatchObject({ source: 'country:CHN', target: 'country:RUS', type: null, members });
    const scene = await explorer.scene();
    expect(scene.edges).toEqual(expect.arrayContaining(members));
    await explorer.screenshot(join(screenshotDir, '12-start-view-bundled.png'));
  });

  test('when a bundle is clicked, its members are listed with dates and quotes, and Unfold draws each', async ({
    explorer,
  }) => {
    const members = between('country:CHN', 'country:RUS');
    const bundle = (await explorer.bundles()).find((b) => b.members.includes(members[0]!.id))!;
    await explorer.click(bundle.id);
    await expect.poll(() => explorer.page.locator('#bundle-members li').count()).toBe(members.length);
    const selection = await explorer.page.evaluate(() => [...window.explorer!.state().selection].sort());
    expect(selection).toEqual(members.map((r) => r.id).sort());
    const quotes = await explorer.page.locator('#bundle-members .member-quote').allTextContents();
    expect(quotes).toContain(`“${members[0]!.quote}”`);
    const dates = await explorer.page.locator('#bundle-members .member-date').allTextContents();
    expect(dates.every((text) => /^(\d{1,2}(–\d{1,2})? )?([A-Z][a-z]{2}(–[A-Z][a-z]{2})? )?\d{4}/.test(text))).toBe(
      true,
    );
    await explorer.screenshot(join(screenshotDir, '12-bundle-members.png'));
    await explorer.page.locator('#bundle-unfold').click();
    await explorer.settle();
    expect((await explorer.bundles()).some((b) => b.id === bundle.id)).toBe(false);
    expect(await explorer.page.locator('#bundle-card').isHidden()).toBe(true);
    const folded = await explorer.page.evaluate(() => window.explorer!.cy.edges('.folded').map((edge) => edge.id()));
    expect(folded.filter((id) => members.some((r) => r.id === id))).toEqual([]);
  });

  test('when bundling is turned off, every relationship is drawn and the link and the export hold the same ones', async ({
    explorer,
    context,
  }) => {
    const before = await explorer.scene();
    await explorer.setBundling(false);
    expect(await explorer.bundles()).toEqual([]);
    expect(await explorer.scene()).toEqual(before);
    const reopened = await ExplorerPage.open(context, explorer.page.url());
    expect(await reopened.page.evaluate(() => window.explorer!.state().bundling.on)).toBe(false);
    expect(await reopened.bundles()).toEqual([]);
  });

  test('when the style editor captions relationships by date and sizes nodes by degree, the link and this browser keep it', async ({
    explorer,
    context,
    server,
  }) => {
    await explorer.setBundling(false);
    await explorer.page.locator('#style-menu summary').click();
    await explorer.page.locator('select[data-caption-type="*"]').selectOption(JSON.stringify(['date']));
    await explorer.page.locator('#style-node-size').selectOption(JSON.stringify({ by: 'degree' }));
    await explorer.settle();
    const relation = between('country:CHN', 'country:RUS').find((r) => r.date)!;
    const caption = String(await explorer.elementData(relation.id, '_caption'));
    expect(caption).toMatch(/\d{4}$/);
    expect(caption).not.toContain(relation.type);
    const sizes = await explorer.page.evaluate(() =>
      Object.fromEntries(window.explorer!.cy.nodes().map((node) => [node.id(), node.width()])),
    );
    expect(sizes['country:RUS']).toBeGreaterThan(sizes['country:PRK']!);
    await explorer.screenshot(join(screenshotDir, '12-style-editor.png'));
    const reopened = await ExplorerPage.open(context, explorer.page.url());
    expect(await reopened.page.evaluate(() => window.explorer!.state().style.nodeSize)).toEqual({ by: 'degree' });
    const fresh = await ExplorerPage.open(context, server.url);
    expect(await fresh.page.evaluate(() => window.explorer!.state().style.edgeCaptions)).toEqual({ '*': ['date'] });
  });

  test('when a style is exported and imported into a page with another style, the page takes it', async ({
    explorer,
    browser,
    server,
  }) => {
    await explorer.page.locator('#style-menu summary').click();
    await explorer.page
      .locator('#style-node-color')
      .selectOption(JSON.stringify({ by: 'property', property: 'iso3', scale: 'categorical' }));
    await explorer.settle();
    expect(await explorer.elementData('country:RUS', '_color')).toMatch(/^#[0-9a-f]{6}$/);
    expect(await explorer.page.locator('#style-node-legend li').count()).toBe(5);
    const file = await saveDownload(explorer, () => explorer.page.locator('#style-export').click());
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toMatchObject({ kind: 'kg-explorer style' });
    const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ExplorerPage.open(other, server.url);
    expect(await page.page.evaluate(() => window.explorer!.state().style.nodeColor)).toEqual({ by: 'kind' });
    await page.page.locator('#style-menu summary').click();
    await page.page.locator('#style-import-file').setInputFiles(file.path);
    await expect
      .poll(() => page.page.evaluate(() => window.explorer!.state().style.nodeColor))
      .toEqual({ by: 'property', property: 'iso3', scale: 'categorical' });
    expect(page.problems).toEqual([]);
    await other.close();
  });

  test('when a node is hovered, its neighbourhood stays lit and a tooltip names it', async ({ explorer }) => {
    const at = await explorer.pointOf('country:PRK');
    await explorer.page.mouse.move(at.x, at.y);
    const tooltip = explorer.page.locator('#graph-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('North Korea');
    expect(await tooltip.textContent()).toContain('Country');
    const faded = await explorer.page.evaluate(() => window.explorer!.cy.nodes('.hover-far').map((n) => n.id()));
    const neighbours = new Set(
      relations
        .filter((r) => r.source === 'country:PRK' || r.target === 'country:PRK')
        .flatMap((r) => [r.source, r.target]),
    );
    for (const id of faded) expect(neighbours.has(id)).toBe(false);
    await explorer.screenshot(join(screenshotDir, '12-hover.png'));
    await explorer.page.mouse.move(5, 5);
    await tooltip.waitFor({ state: 'hidden' });
  });

  test('when the menu expands a node by one type, only neighbours along that type come', async ({ explorer }) => {
    await explorer.rightClick('country:BLR');
    await explorer.page.locator('#context-menu button[data-command="expand-by-type"]').click();
    const entry = explorer.page.locator('#context-menu button[data-entry]').filter({ hasText: 'HOLDS_OFFICE' });
    await entry.waitFor();
    await explorer.screenshot(join(screenshotDir, '12-expand-by-type.png'));
    const before = (await explorer.scene()).nodes;
    await entry.click();
    await explorer.settle();
    const added = (await explorer.scene()).nodes.filter((id) => !before.includes(id));
    expect(added.length).toBeGreaterThan(0);
    const office = relations
      .filter((r) => r.type === 'HOLDS_OFFICE' && r.target === 'country:BLR')
      .map((r) => r.source);
    for (const id of added) expect(office).toContain(id);
  });

  test('when "select neighbours" is chosen, the node and its neighbours are selected; Ctrl+A on the graph selects all', async ({
    explorer,
  }) => {
    await explorer.rightClick('country:UKR');
    await explorer.page.locator('#context-menu button[data-command="select-neighbours"]').click();
    await expect.poll(() => explorer.selection()).toEqual(['country:CHN', 'country:RUS', 'country:UKR']);
    await explorer.page.locator('#cy').focus();
    await explorer.page.keyboard.press('Control+a');
    await expect.poll(() => explorer.selection()).toEqual((await explorer.scene()).nodes);
    const pageSelection = await explorer.page.evaluate(() => String(window.getSelection()));
    expect(pageSelection).toBe('');
  });

  test('when the menu sets a path from one node and to another, the path is found', async ({ explorer }) => {
    await explorer.rightClick('country:PRK');
    await explorer.page.locator('#context-menu button[data-command="path-from"]').click();
    await expect.poll(() => explorer.page.locator('#context-menu').isVisible()).toBe(false);
    await explorer.settle();
    await explorer.click('country:UKR');
    await expect.poll(() => explorer.selection()).toEqual(['country:UKR']);
    await explorer.page.locator('#cy').focus();
    await explorer.page.keyboard.press(']');
    await expect.poll(() => explorer.page.locator('#path-result').textContent(), { timeout: 15_000 }).toContain('→');
  });

  test('when a query returns paths, the Graph tab draws them, the Table shows chips and JSON the rows', async ({
    explorer,
  }) => {
    await explorer.runQuery(
      "MATCH p = (a:Person)-[:VISITED]->(c:Country {id: 'country:CHN'}) RETURN p, a.name AS name LIMIT 5",
    );
    const graphTab = explorer.page.locator('#cypher-tab-graph');
    await expect.poll(() => graphTab.getAttribute('aria-selected'), { timeout: 20_000 }).toBe('true');
    expect(await explorer.page.locator('#cypher-graph canvas').count()).toBeGreaterThan(0);
    await explorer.screenshot(join(screenshotDir, '12-console-graph.png'));
    await explorer.page.locator('#cypher-tab-table').click();
    const firstCell = explorer.page.locator('#cypher-table tbody tr').first().locator('td').first();
    expect(await firstCell.locator('.chip-node').count()).toBe(2);
    expect(await firstCell.locator('.chip-rel').count()).toBe(1);
    expect(await firstCell.textContent()).not.toContain('{');
    await explorer.screenshot(join(screenshotDir, '12-console-table.png'));
    await explorer.page.locator('#cypher-tab-json').click();
    const rows = JSON.parse((await explorer.page.locator('#cypher-json').textContent())!) as unknown[];
    expect(rows.length).toBe(await explorer.page.locator('#cypher-table tbody tr').count());
    const before = (await explorer.scene()).nodes.length;
    await explorer.page.locator('#cypher-tab-graph').click();
    await explorer.addQueryResult();
    expect((await explorer.scene()).nodes.length).toBeGreaterThan(before);
  });

  test('when the result is downloaded as CSV, a CSV reader gets the columns and rows', async ({ explorer }) => {
    await explorer.runQuery('MATCH (c:Country) RETURN c.name AS name, c ORDER BY name');
    await explorer.page.locator('#cypher-download-csv').waitFor({ timeout: 20_000 });
    const file = await saveDownload(explorer, () => explorer.page.locator('#cypher-download-csv').click());
    expect(file.name).toMatch(/^cypher-result-\d+\.csv$/);
    const rows = parse(readFileSync(file.path, 'utf8')) as string[][];
    expect(rows[0]).toEqual(['name', 'c']);
    expect(rows.slice(1).map((row) => row[0])).toContain('Russia');
    expect(JSON.parse(rows.find((row) => row[0] === 'Russia')![1]!)).toMatchObject({ id: 'country:RUS' });
  });

  test('when a query is saved as a favourite, it stays after a reload and exports as a .cypher file', async ({
    explorer,
    context,
    server,
  }) => {
    const query = "MATCH (c:Country {id: 'country:BLR'}) RETURN c";
    await explorer.runQuery(query);
    await explorer.page.locator('#cypher-save-favourite').click();
    await explorer.page.locator('#favourite-name').fill('Belarus');
    await explorer.page.locator('#favourite-save').click();
    await expect.poll(() => explorer.page.locator('#cypher-favourites-list li').count()).toBe(1);
    const file = await saveDownload(explorer, () => explorer.page.locator('#favourites-export').click());
    expect(readFileSync(file.path, 'utf8')).toBe(`// Belarus\n${query};\n`);
    const again = await ExplorerPage.open(context, server.url);
    await again.page.locator('#console-toggle').click();
    await again.page.locator('#cypher-favourites-menu summary').click();
    const item = again.page.locator('#cypher-favourites-list li[data-name="Belarus"] .query-item');
    expect(await item.getAttribute('title')).toBe(query);
    await item.click();
    await expect.poll(() => again.page.locator('#cypher-editor .cm-content').textContent()).toBe(query);
  });

  test('when queries fail or repeat with other spacing, history keeps one entry of each that ran', async ({
    explorer,
  }) => {
    await explorer.runQuery('MATCH (c:Country) RETURN count(c)');
    await explorer.page.locator('#cypher-meta').waitFor({ timeout: 20_000 });
    await explorer.runQuery('MATCH (c:Country)\n   RETURN count(c)');
    await explorer.runQuery('MATCH (n RETURN n');
    await explorer.page.locator('#cypher-error').waitFor();
    await explorer.settle();
    await explorer.page.locator('#cypher-history-menu summary').click();
    const items = explorer.page.locator('#cypher-history-list .query-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('title')).toMatch(/^MATCH \(c:Country\)\s+RETURN count\(c\)$/);
  });

  test('when a label is misspelt, the console warns with the nearest one; a syntax error is marked where it is', async ({
    explorer,
  }) => {
    await explorer.runQuery('MATCH (c:Contry) RETURN c');
    const warnings = explorer.page.locator('#cypher-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('no label Contry; did you mean Country?');
    await expect.poll(() => explorer.page.locator('#cypher-editor .cm-lintRange-warning').count()).toBeGreaterThan(0);
    await explorer.runQuery('MATCH (n RETURN n');
    const caret = explorer.page.locator('#cypher-error-caret');
    await caret.waitFor({ timeout: 15_000 });
    expect(await caret.textContent()).toBe('1 | MATCH (n RETURN n\n  |          ^');
    await expect.poll(() => explorer.page.locator('#cypher-editor .cm-lintRange-error').count()).toBeGreaterThan(0);
    await explorer.screenshot(join(screenshotDir, '12-console-error.png'));
  });

  test('when the console opens and closes, the graph is refitted into what is left of the screen', async ({
    explorer,
  }) => {
    const inside = async () => {
      const box = (await explorer.page.locator('#cy').boundingBox())!;
      for (const id of (await explorer.scene()).nodes) {
        const at = await explorer.pointOf(id);
        if (at.y < box.y || at.y > box.y + box.height || at.x < box.x || at.x > box.x + box.width) return false;
      }
      return true;
    };
    await explorer.page.locator('#console-toggle').click();
    await expect.poll(inside).toBe(true);
    await explorer.page.locator('#console-toggle').click();
    await expect.poll(inside).toBe(true);
  });

  test('when the console opens at 414x896, the timeline steps aside and the graph keeps a third of the screen', async ({
    explorer,
  }) => {
    await explorer.page.setViewportSize({ width: 414, height: 896 });
    await explorer.page.locator('#console-toggle').click();
    await expect.poll(async () => (await explorer.page.locator('#cy').boundingBox())!.height).toBeGreaterThan(896 / 3);
    expect(await explorer.page.locator('#timeline').isVisible()).toBe(false);
    await explorer.page.locator('#console-toggle').click();
    await expect.poll(() => explorer.page.locator('#timeline').isVisible()).toBe(true);
  });

  test.for(SCREEN_SIZES)('the start view, bundled, at %ix%i', async ([width, height], { context, server }) => {
    const explorer = await ExplorerPage.open(context, server.url, [width, height]);
    await explorer.screenshot(join(screenshotDir, `12-dense-${width}x${height}.png`));
    expect(await explorer.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(explorer.problems).toEqual([]);
  });
});
