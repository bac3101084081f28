// The explorer in real headless Chromium against the real server on the seeded embedded store.
// Each test starts from the start view in a fresh page (fixtures.ts); screenshots go to
// test-output/screenshots/ for review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { impliedInterval } from '../../common/dates/date-interval.ts';
import { formatDate } from '../../common/dates/format-date.ts';
import { describe, expect } from 'vitest';
import { ExplorerPage } from './explorer-page.ts';
import { curated } from '../support/curated.ts';
import { test } from './fixtures.ts';
import { downloadDir, screenshotDir, skipReason } from './harness.ts';

const { relations, sources } = curated;
const startCountries = ['country:BLR', 'country:CHN', 'country:PRK', 'country:RUS', 'country:UKR'];
const among = (nodes: string[]) => relations.filter((r) => nodes.includes(r.source) && nodes.includes(r.target));

const reason = skipReason();
if (reason) console.warn(`[e2e] skipping the browser tests: ${reason}`);

describe.skipIf(reason !== null)('the explorer in Chromium', () => {
  test('when opened, shows the five countries and every relation among them, under the CSP', async ({
    explorer,
    server,
  }) => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scene = await explorer.scene();
    expect(scene.nodes).toEqual(startCountries);
    expect(scene.edges.length).toBe(among(startCountries).length);
    expect(await explorer.counts()).toContain(`5 nodes · ${among(startCountries).length} relationships`);
    expect(await explorer.page.locator('#label-filters li').count()).toBeGreaterThanOrEqual(5);
    expect(new URL(explorer.page.url()).hash).toMatch(/^#v1\./);
    await explorer.screenshot(join(screenshotDir, '01-start-view.png'));
  });

  test('when a search hit is picked, adds the node with its relations to the view', async ({ explorer }) => {
    await explorer.page.keyboard.press('/');
    await explorer.page.keyboard.type('li qia');
    await explorer.page.locator('#search-list li[data-id="person:li-qiang"]').waitFor();
    await explorer.screenshot(join(screenshotDir, '02-search-suggestions.png'));
    await explorer.page.keyboard.press('ArrowDown');
    await explorer.page.keyboard.press('Enter');
    await expect.poll(async () => (await explorer.scene()).nodes).toContain('person:li-qiang');
    await explorer.settle();
    const office = relations.find(
      (r) => r.source === 'person:li-qiang' && r.type === 'HOLDS_OFFICE' && r.target === 'country:CHN',
    )!;
    expect((await explorer.scene()).edges).toContain(office.id);
    await expect.poll(() => explorer.page.locator('#inspect-title').textContent()).toBe('Li Qiang');
  });

  test('when a node is expanded past the limit, the inspector offers more of a type and loads it', async ({
    explorer,
  }) => {
    await explorer.doubleClick('country:RUS');
    await explorer.settle();
    const more = explorer.page.locator('#load-more button').first();
    await more.waitFor({ timeout: 10_000 });
    const type = (await more.getAttribute('data-type'))!;
    const ofType = async () =>
      (await explorer.edgeTypes((await explorer.scene()).edges)).filter((t) => t === type).length;
    const before = await ofType();
    await explorer.screenshot(join(screenshotDir, '03-expanded-russia.png'));
    await more.click();
    await expect.poll(ofType, { timeout: 15_000 }).toBeGreaterThan(before);
  });

  test('when a node is removed, undo and redo take the view back and forth', async ({ explorer }) => {
    const before = (await explorer.scene()).nodes;
    await explorer.click('country:PRK');
    await explorer.page.locator('#btn-remove').click();
    await explorer.settle();
    expect((await explorer.scene()).nodes).not.toContain('country:PRK');
    await explorer.page.locator('#cy').focus();
    await explorer.page.keyboard.press('Control+z');
    await explorer.settle();
    expect((await explorer.scene()).nodes).toEqual(before);
    await explorer.page.keyboard.press('Control+Shift+z');
    await explorer.settle();
    expect((await explorer.scene()).nodes).not.toContain('country:PRK');
    await explorer.page.locator('#btn-undo').click();
    await explorer.settle();
    expect((await explorer.scene()).nodes).toEqual(before);
  });

  test('when a relationship is inspected, shows its date, summary, verbatim quote and source article', async ({
    explorer,
  }) => {
    const relation = among(startCountries).find((r) => r.type === 'TRADES_WITH') ?? among(startCountries)[0]!;
    await explorer.setBundling(false);
    await explorer.click(relation.id);
    await expect.poll(() => explorer.page.locator('#inspect-quote').textContent()).toBe(relation.quote);
    expect(await explorer.page.locator('#inspect-date strong').textContent()).toBe(formatDate(relation));
    const source = sources.find((s) => s.id === relation.sources[0])!;
    await expect.poll(() => explorer.page.locator('#inspect-sources').textContent()).toContain(source.title);
    await explorer.screenshot(join(screenshotDir, '04-inspect-relationship.png'));
  });

  test('when a relationship with a context passage is inspected, shows the passage beside its quote', async ({
    explorer,
  }) => {
    const relation = among(startCountries).find((r) => r.context !== undefined)!;
    await explorer.setBundling(false);
    await explorer.click(relation.id);
    await expect.poll(() => explorer.page.locator('#inspect-quote').textContent()).toBe(relation.quote);
    expect(await explorer.page.locator('#inspect-context').textContent()).toBe(relation.context);
    await explorer.screenshot(join(screenshotDir, '04-inspect-context.png'));
  });

  test('when the date range starts later, relationships before it are not drawn', async ({ explorer }) => {
    const from = '2024-08-01';
    await explorer.typeDates('Aug 2024', '');
    expect(await explorer.dates()).toEqual({ from });
    const drawn = new Set(await explorer.drawnEdges());
    const shown = among(startCountries).filter((r) => drawn.has(r.id));
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect(impliedInterval(r)!.end >= from).toBe(true);
    expect(drawn.size).toBeLessThan(among(startCountries).length);
    await explorer.screenshot(join(screenshotDir, '05-filtered-by-date.png'));
    await explorer.page.locator('#date-clear').click();
    await explorer.settle();
    expect((await explorer.drawnEdges()).length).toBe(among(startCountries).length);
  });

  test('when a shortest path is asked for, merges and highlights it', async ({ explorer }) => {
    await explorer.page.locator('#path-from-input').fill('Li Qiang');
    await explorer.page.locator('#path-from-list li[data-id="person:li-qiang"]').click();
    await explorer.page.locator('#path-to-input').fill('Ukraine');
    await explorer.page.locator('#path-to-list li[data-id="country:UKR"]').click();
    await explorer.page.locator('#path-find').click();
    await expect.poll(() => explorer.page.locator('#path-result').textContent(), { timeout: 15_000 }).toContain('→');
    await explorer.settle();
    expect((await explorer.scene()).nodes).toContain('person:li-qiang');
    await explorer.screenshot(join(screenshotDir, '06-shortest-path.png'));
  });

  test('when Cypher with parameters runs, its rows make a table and its graph is added to the view on request', async ({
    explorer,
  }) => {
    await explorer.runQuery(
      'MATCH (p:Person)-[r:VISITED]->(c:Country {id: $country}) RETURN p.name AS name, p, r, c',
      '{"country": "country:CHN"}',
    );
    await explorer.page.locator('#cypher-table').waitFor({ state: 'attached', timeout: 20_000 });
    const visits = relations.filter(
      (r) => r.type === 'VISITED' && r.target === 'country:CHN' && r.source.startsWith('person:'),
    );
    expect(await explorer.page.locator('#cypher-table tbody tr').count()).toBe(visits.length);
    expect(await explorer.page.locator('#cypher-table th').allTextContents()).toEqual(['name', 'p', 'r', 'c']);
    await explorer.addQueryResult();
    const scene = await explorer.scene();
    for (const visit of visits) expect(scene.edges).toContain(visit.id);
    await explorer.screenshot(join(screenshotDir, '07-cypher-result.png'));
  });

  test('when a query uses a construct the embedded engine answers differently, the result warns of it under the engine note', async ({
    explorer,
  }) => {
    await explorer.runQuery('RETURN 2 ^ 3 ^ 2 AS r');
    const warnings = explorer.page.locator('#cypher-warnings li');
    await warnings.first().waitFor({ timeout: 20_000 });
    expect(await warnings.allTextContents()).toEqual([expect.stringContaining('2 ^ 3 ^ 2')]);
    expect(await explorer.page.locator('#cypher-engine-note').textContent()).toMatch(/Cypher on the embedded store/);
    await explorer.screenshot(join(screenshotDir, '07b-cypher-warning.png'));
  });

  test('when a query would write, the console says it is read-only and the data stay the same', async ({
    explorer,
    server,
  }) => {
    const counts = async () =>
      ((await (await fetch(`${server.apiUrl}/api/health`)).json()) as { counts: unknown }).counts;
    const before = await counts();
    await explorer.runQuery("CREATE (n:Entity {id: 'e2e:intruder', name: 'Intruder'}) RETURN n");
    const error = explorer.page.locator('#cypher-error');
    await error.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await error.textContent()).toMatch(/read-only/i);
    expect(await counts()).toEqual(before);
    await explorer.runQuery('MATCH (n RETURN n');
    await expect.poll(() => error.textContent()).toMatch(/Query error/);
  });

  test('when the view is exported as PNG and SVG, the files are images of it', async ({ explorer }) => {
    const png = await explorer.exportFile('#export-png');
    const bytes = readFileSync(png.path);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(200);
    expect(png.name).toMatch(/^kg-view-5n-\d+r-\d+\.png$/);
    const svg = readFileSync((await explorer.exportFile('#export-svg')).path, 'utf8');
    expect(new XMLParser().parse(svg)).toHaveProperty('svg');
  });

  test('when a link names a node the graph no longer has, opens the rest and says which', async ({
    context,
    server,
  }) => {
    const explorer = await ExplorerPage.open(context, `${server.url}#n=country:RUS,nowhere:missing`);
    await expect.poll(() => explorer.page.locator('#status').textContent()).toMatch(/nowhere:missing/);
    expect((await explorer.scene()).nodes).toEqual(['country:RUS']);
  });

  test('when a view is saved as a file and opened again, it comes back', async ({ explorer, context, server }) => {
    await explorer.doubleClick('country:BLR');
    await explorer.settle();
    const before = await explorer.scene();
    await explorer.page.locator('#share-menu summary').click();
    const [download] = await Promise.all([
      explorer.page.waitForEvent('download'),
      explorer.page.locator('#btn-save-view').click(),
    ]);
    expect(await explorer.page.locator('#share-menu').getAttribute('open')).toBeNull();
    const path = join(downloadDir, download.suggestedFilename());
    await download.saveAs(path);
    const other = await ExplorerPage.open(context, server.url);
    await other.page.locator('#open-view-file').setInputFiles(path);
    await expect.poll(async () => (await other.scene()).nodes, { timeout: 15_000 }).toEqual(before.nodes);
    await other.settle();
    expect(await other.scene()).toEqual(before);
  });

  test('when the right-click menu is used on a node, its command runs', async ({ explorer }) => {
    await explorer.rightClick('country:PRK');
    await explorer.page.locator('#context-menu button[data-command="hide"]').click();
    await explorer.settle();
    expect((await explorer.scene()).drawn).not.toContain('country:PRK');
    expect(await explorer.counts()).toContain('1 hidden');
  });

  test('when 10k elements are merged, draws them with the overview layout in its worker', async ({ explorer }) => {
    const warnings: string[] = [];
    explorer.page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    const nodeCount = 3334;
    const nodes = Array.from({ length: nodeCount }, (_, i) => ({
      group: 'nodes' as const,
      data: { id: `big:${i}`, label: `Person ${i}`, labels: ['Entity', i % 7 === 0 ? 'Organization' : 'Person'] },
    }));
    const ends = [0, 1];
    const edges = Array.from({ length: 10_000 - nodeCount }, (_, i) => {
      const source = i < nodeCount - 1 ? i + 1 : (i * 7919) % nodeCount;
      let target = ends[(i * 104729) % ends.length]!;
      if (target === source) target = (source + 1) % nodeCount;
      ends.push(source, target);
      return {
        group: 'edges' as const,
        data: { id: `big-rel:${i}`, source: `big:${source}`, target: `big:${target}`, type: 'MET_WITH' },
      };
    });
    await explorer.page.evaluate((elements) => window.explorer!.merge(elements), { nodes, edges });
    await explorer.settle();
    expect(await explorer.page.evaluate(() => window.explorer!.isLarge())).toBe(true);
    const positions = await explorer.positions();
    const spots = new Set(
      Object.entries(positions)
        .filter(([id]) => id.startsWith('big:'))
        .map(([, p]) => `${Math.round(p.x / 5)},${Math.round(p.y / 5)}`),
    );
    expect(spots.size).toBeGreaterThan(nodeCount * 0.9);
    expect((await explorer.scene()).edges.length).toBeGreaterThanOrEqual(edges.length);
    expect(warnings.filter((text) => /layout worker/.test(text))).toEqual([]);
    await explorer.screenshot(join(screenshotDir, '11-large-view.png'));
  }, 90_000);
});
