// The explorer in real headless Chromium against the real server on the seeded embedded store.
// The tests run in order on one page, like an analyst's session; screenshots of the main views
// go to test-output/screenshots/ for review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClient,
  downloadDir,
  launchChromium,
  prepareOutput,
  root,
  screenshotDir,
  skipReason,
  startExplorer,
  type Running,
} from './harness.ts';

interface Relation {
  id: string;
  type: string;
  source: string;
  target: string;
  date: string;
  dateEnd?: string;
  quote: string;
  context?: string;
  sources: string[];
}
interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  published: string;
}

const relations = JSON.parse(readFileSync(join(root, 'seed/data/relations.json'), 'utf8')) as Relation[];
const sources = JSON.parse(readFileSync(join(root, 'seed/data/sources.json'), 'utf8')) as SourceRecord[];
const startCountries = ['country:BLR', 'country:CHN', 'country:PRK', 'country:RUS', 'country:UKR'];

const reason = skipReason();
if (reason) console.warn(`[e2e] skipping the browser tests: ${reason}`);

describe.skipIf(reason !== null)('the explorer in Chromium', () => {
  let running: Running;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const watch = (target: Page) => {
    target.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    target.on('console', (message) => {
      // The browser logs every 4xx answer; the tests provoke some on purpose (refused write, syntax error).
      if (
        message.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
      ) {
        problems.push(`console error: ${message.text()}`);
      }
    });
  };

  /** Runs a function against the page's Cytoscape instance. */
  const graph = <T>(fn: string): Promise<T> =>
    page.evaluate(`(() => { const cy = window.explorer.cy; ${fn} })()`) as Promise<T>;
  const nodeIds = () => graph<string[]>('return cy.nodes().map((n) => n.id()).sort();');
  const shot = (name: string, target: Page = page) => target.screenshot({ path: join(screenshotDir, `${name}.png`) });
  const settle = () =>
    page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true').then(() => page.waitForTimeout(500));

  /**
   * Where an element is drawn on the page once it has stopped moving (a layout may still be
   * animating): `position` is a script returning its rendered position on the canvas.
   */
  async function restingPoint(position: string): Promise<{ x: number; y: number }> {
    const box = await page.locator('#cy').boundingBox();
    let at = await graph<{ x: number; y: number }>(position);
    await expect
      .poll(
        async () => {
          const previous = at;
          await page.waitForTimeout(150);
          at = await graph<{ x: number; y: number }>(position);
          return Math.hypot(at.x - previous.x, at.y - previous.y);
        },
        { timeout: 10_000 },
      )
      .toBeLessThan(0.5);
    return { x: box!.x + at.x, y: box!.y + at.y };
  }

  /** Double-clicks a node where it is drawn. */
  async function dblclickNode(id: string): Promise<void> {
    const at = await restingPoint(`return cy.getElementById(${JSON.stringify(id)}).renderedPosition();`);
    await page.mouse.dblclick(at.x, at.y);
  }

  async function setEditor(query: string): Promise<void> {
    await page.locator('#cypher-editor .cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(query);
  }

  beforeAll(async () => {
    prepareOutput();
    buildClient();
    running = await startExplorer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    watch(page);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await running?.stop();
  });

  it('opens on the five countries and the relations among them', async () => {
    const response = await page.goto(running.url);
    expect(response?.ok()).toBe(true);
    // Served by Express under helmet's strict policy: no inline scripts allowed.
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await settle();
    expect(await nodeIds()).toEqual(startCountries);
    const among = relations.filter((r) => startCountries.includes(r.source) && startCountries.includes(r.target));
    expect(await graph<number>('return cy.edges().length;')).toBe(among.length);
    await expect
      .poll(() => page.locator('#view-counts').textContent())
      .toContain(`5 nodes · ${among.length} relationships`);
    // The legend lists the schema's labels and types with counts in view.
    await expect.poll(() => page.locator('#label-filters li').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#type-filters input[data-name="TRADES_WITH"]').count()).toBe(1);
    // The URL carries the view.
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('n=country:RUS');
    await shot('01-start-view');
    // A large screen shows the same view, fitted.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(300);
    await page.locator('#btn-fit').click();
    await page.waitForTimeout(400);
    await shot('01b-start-view-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(300);
    await page.locator('#btn-fit').click();
    await page.waitForTimeout(400);
  });

  it('searches with suggestions and adds a node with its relations to the view', async () => {
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('li qia');
    const option = page.locator('#search-list li[data-id="person:li-qiang"]');
    await option.waitFor();
    await shot('02-search-suggestions');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(nodeIds).toContain('person:li-qiang');
    await settle();
    // Li Qiang holds office in China, which is in view: that relationship came along.
    const edge = relations.find(
      (r) => r.source === 'person:li-qiang' && r.type === 'HOLDS_OFFICE' && r.target === 'country:CHN',
    );
    expect(await graph<boolean>(`return cy.getElementById(${JSON.stringify(edge!.id)}).nonempty();`)).toBe(true);
    await expect.poll(() => page.locator('#inspect-title').textContent()).toBe('Li Qiang');
  });

  it('expands a node by double-click and loads more of a truncated type', async () => {
    const before = (await nodeIds()).length;
    await dblclickNode('country:RUS');
    await expect.poll(async () => (await nodeIds()).length, { timeout: 15_000 }).toBeGreaterThan(before);
    await settle();
    // Russia has more relationships than one expand loads: the inspector offers the rest per type.
    const more = page.locator('#load-more button').first();
    await more.waitFor({ timeout: 10_000 });
    const type = (await more.getAttribute('data-type'))!;
    const countType = () =>
      graph<number>(`return cy.getElementById('country:RUS').connectedEdges('[type = "${type}"]').length;`);
    const inView = await countType();
    await shot('03-expanded-russia');
    await more.click();
    await expect.poll(countType, { timeout: 15_000 }).toBeGreaterThan(inView);
    await settle();
    const total = relations.filter(
      (r) => r.type === type && (r.source === 'country:RUS' || r.target === 'country:RUS'),
    ).length;
    expect(await countType()).toBeLessThanOrEqual(total);
  });

  it('undoes and redoes view changes', async () => {
    const before = await nodeIds();
    await graph<void>(`cy.elements(':selected').unselect(); cy.getElementById('person:li-qiang').select();`);
    await page.locator('#btn-remove').click();
    expect(await nodeIds()).not.toContain('person:li-qiang');
    await page.locator('#cy').focus();
    await page.keyboard.press('Control+z');
    expect(await nodeIds()).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    expect(await nodeIds()).not.toContain('person:li-qiang');
    await page.locator('#btn-undo').click();
    expect(await nodeIds()).toEqual(before);
  });

  it('inspects a relationship: date, summary, verbatim quote and source article', async () => {
    const target = relations.find((r) => r.id === 'rel:chn-allied-with-rus-2025-07-13')!;
    await graph<void>(
      `cy.elements(':selected').unselect(); cy.fit(cy.getElementById('country:CHN').union(cy.getElementById('country:RUS')), 80);`,
    );
    // Layouts may draw a node (or its label) over the edge's midpoint, where a click picks the
    // node: move such nodes aside first, as a person would drag them.
    const edgeJs = `cy.getElementById(${JSON.stringify(target.id)})`;
    await restingPoint(`return ${edgeJs}.renderedMidpoint();`);
    await graph<void>(`
      const mid = ${edgeJs}.renderedMidpoint();
      const ends = ${edgeJs}.connectedNodes();
      for (const node of cy.nodes().difference(ends)) {
        const box = node.renderedBoundingBox({ includeLabels: true });
        if (mid.x >= box.x1 - 8 && mid.x <= box.x2 + 8 && mid.y >= box.y1 - 8 && mid.y <= box.y2 + 8) {
          node.shift({ x: 0, y: (box.h + 40) / cy.zoom() });
        }
      }`);
    const mid = await restingPoint(`return ${edgeJs}.renderedMidpoint();`);
    await page.mouse.click(mid.x, mid.y);
    const selectedEdges = () => graph<string[]>(`return cy.edges(':selected').map((e) => e.id());`);
    const selected = await selectedEdges();
    expect(selected).toHaveLength(1);
    // Whichever relationship the click hit, the panel must show its own quote and sources.
    const hit = relations.find((r) => r.id === selected[0])!;
    await expect.poll(() => page.locator('#inspect-quote').textContent()).toBe(hit.quote);
    expect(await page.locator('#inspect-date').textContent()).toContain(hit.date);
    const source = sources.find((s) => s.id === hit.sources[0])!;
    const sourceItem = page.locator(`#inspect-sources li[data-source="${source.id}"]`);
    await expect.poll(() => sourceItem.textContent()).toContain(source.title);
    expect(await sourceItem.textContent()).toContain(source.publisher);
    expect(await sourceItem.textContent()).toContain(source.published);
    await shot('04-inspect-relationship');
  });

  it('filters by relationship type and by date', async () => {
    await page.locator('#btn-fit').click();
    const type = 'MADE_STATEMENT';
    const visible = (selector: string) =>
      graph<number>(`return cy.edges('${selector}').filter((e) => e.visible()).length;`);
    expect(await visible(`[type = "${type}"]`)).toBeGreaterThan(0);
    await page.locator(`#type-filters input[data-name="${type}"]`).uncheck();
    expect(await visible(`[type = "${type}"]`)).toBe(0);
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain(`xt=${type}`);
    await page.locator(`#type-filters input[data-name="${type}"]`).check();
    expect(await visible(`[type = "${type}"]`)).toBeGreaterThan(0);

    // Date: keep only relationships on or after 2024-08-01 (a period counts when it overlaps).
    const from = '2024-08-01';
    await page.evaluate((iso) => {
      const input = document.getElementById('date-from') as HTMLInputElement;
      input.value = String(Math.floor(Date.parse(iso) / 86_400_000));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, from);
    await expect.poll(() => page.locator('#date-from-value').textContent()).toBe(from);
    const shownDates = await graph<{ date?: string; dateEnd?: string }[]>(
      `return cy.edges().filter((e) => e.visible()).map((e) => ({ date: e.data('date'), dateEnd: e.data('dateEnd') }));`,
    );
    expect(shownDates.length).toBeGreaterThan(0);
    for (const edge of shownDates) if (edge.date) expect((edge.dateEnd ?? edge.date) >= from).toBe(true);
    const hiddenByDate = await graph<number>(`return cy.edges('.filtered').length;`);
    expect(hiddenByDate).toBeGreaterThan(0);
    expect(new URL(page.url()).hash).toContain(`from=${from}`);
    await shot('05-filtered-by-date');
    await page.locator('#date-reset').click();
    expect(await graph<number>(`return cy.edges('.filtered').length;`)).toBe(0);
  });

  it('finds the shortest path between two nodes and highlights it', async () => {
    const pick = async (role: 'from' | 'to', text: string, id: string) => {
      await page.locator(`#path-${role}-input`).fill(text);
      await page.locator(`#path-${role}-list li[data-id="${id}"]`).click();
    };
    await pick('from', 'Li Qiang', 'person:li-qiang');
    await pick('to', 'Ukraine', 'country:UKR');
    await page.locator('#path-find').click();
    await expect.poll(() => graph<number>(`return cy.edges('.path').length;`), { timeout: 15_000 }).toBeGreaterThan(0);
    const pathNodes = await graph<string[]>(`return cy.nodes('.path').map((n) => n.id());`);
    expect(pathNodes).toContain('person:li-qiang');
    expect(pathNodes).toContain('country:UKR');
    await expect.poll(() => page.locator('#path-result').textContent()).toContain('→');
    await page.waitForTimeout(500);
    await shot('06-shortest-path');
    await page.locator('#path-clear').click();
    expect(await graph<number>(`return cy.elements('.path').length;`)).toBe(0);
  });

  it('runs Cypher with parameters: graph merged into the view and a table', async () => {
    await page.locator('#console-toggle').click();
    await page.locator('#cypher-editor .cm-content').waitFor();
    await page.locator('#cypher-params').fill('{"country": "country:CHN"}');
    await setEditor('MATCH (p:Person)-[r:VISITED]->(c:Country {id: $country}) RETURN p.name AS name, p, r, c');
    await page.keyboard.press('Control+Enter');
    await page.locator('#cypher-table').waitFor({ timeout: 20_000 });
    const visits = relations.filter(
      (r) => r.type === 'VISITED' && r.target === 'country:CHN' && r.source.startsWith('person:'),
    );
    expect(await page.locator('#cypher-table tbody tr').count()).toBe(visits.length);
    expect(await page.locator('#cypher-table th').allTextContents()).toEqual(['name', 'p', 'r', 'c']);
    for (const visit of visits) {
      await expect.poll(nodeIds).toContain(visit.source);
      expect(await graph<boolean>(`return cy.getElementById(${JSON.stringify(visit.id)}).nonempty();`)).toBe(true);
    }
    await settle();
    await shot('07-cypher-result');
  });

  it('shows a refused write and a syntax error inline, and the data stays unchanged', async () => {
    const before = (await (await fetch(`${running.apiUrl}/api/health`)).json()) as { counts: unknown };
    await page.locator('#cypher-params').fill('{}');
    await setEditor("CREATE (n:Entity {id: 'e2e:intruder', name: 'Intruder'}) RETURN n");
    await page.keyboard.press('Control+Enter');
    const error = page.locator('#cypher-error');
    await error.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await error.textContent()).toMatch(/read-only/i);
    await shot('08-cypher-write-refused');
    const after = (await (await fetch(`${running.apiUrl}/api/health`)).json()) as { counts: unknown };
    expect(after.counts).toEqual(before.counts);

    await setEditor('MATCH (n RETURN n');
    await page.locator('#cypher-run').click();
    await expect.poll(() => error.textContent()).toMatch(/Query error/);
    // History keeps what was run.
    expect(await page.locator('#cypher-history option').count()).toBeGreaterThanOrEqual(3);
    await page.locator('#console-toggle').click();
  });

  it('exports the view as GraphML and PNG (and SVG) files', async () => {
    const viewNodes = await graph<string[]>(`return cy.nodes().filter((n) => n.visible()).map((n) => n.id()).sort();`);
    const save = async (button: string) => {
      await page.locator('#export-menu summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      const path = join(downloadDir, download.suggestedFilename());
      await download.saveAs(path);
      return { path, name: download.suggestedFilename() };
    };

    const graphml = await save('#export-graphml');
    expect(graphml.name).toMatch(/\.graphml$/);
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name),
    }).parse(readFileSync(graphml.path, 'utf8')) as {
      graphml: { key: unknown[]; graph: { node: { '@_id': string }[]; edge?: unknown[] } };
    };
    expect(xml.graphml.key.length).toBeGreaterThan(0);
    expect(xml.graphml.graph.node.map((node) => node['@_id']).sort()).toEqual(viewNodes);
    expect(xml.graphml.graph.edge?.length ?? 0).toBeGreaterThan(0);

    const png = await save('#export-png');
    const bytes = readFileSync(png.path);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.readUInt32BE(16)).toBeGreaterThan(200); // IHDR width
    expect(bytes.readUInt32BE(20)).toBeGreaterThan(200); // IHDR height

    const svg = await save('#export-svg');
    const svgText = readFileSync(svg.path, 'utf8');
    expect(svgText).toMatch(/<svg[\s>]/);
    expect(new XMLParser().parse(svgText)).toHaveProperty('svg');
  });

  it('reopens the same view from a permalink', async () => {
    // Hide a node, pin one and filter a type, then open the link in a fresh page.
    await graph<void>(`cy.elements(':selected').unselect(); cy.getElementById('country:BLR').select();`);
    await page.locator('#btn-hide').click();
    await graph<void>(`cy.elements(':selected').unselect(); cy.getElementById('country:CHN').select();`);
    await page.locator('#btn-pin').click();
    await page.locator('#type-filters input[data-name="HOLDS_OFFICE"]').uncheck();
    await page.locator('#layout-select').selectOption('concentric');
    await settle();
    const state = await page.evaluate(() => window.explorer!.state());
    const link = page.url();

    const other = await context.newPage();
    watch(other);
    await other.goto(link);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await other.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');
    await other.waitForTimeout(800);
    const reopened = await other.evaluate(() => window.explorer!.state());
    expect([...reopened.nodes].sort()).toEqual([...state.nodes].sort());
    expect(reopened.hidden).toEqual(['country:BLR']);
    expect(reopened.pinned).toEqual(['country:CHN']);
    expect(reopened.filters.hiddenTypes).toEqual(['HOLDS_OFFICE']);
    expect(reopened.layout).toBe('concentric');
    expect(await other.locator('#layout-select').inputValue()).toBe('concentric');
    await shot('09-permalink-reopened', other);
    await other.close();
  });

  it('shows errors instead of failing silently', async () => {
    const other = await context.newPage();
    await other.goto(`${running.url}#n=country:RUS,nowhere:missing`);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => other.locator('#status').textContent()).toMatch(/no longer in the graph/);
    await other.close();
  });

  it('shows a relationship’s context passage beside its quote', async () => {
    const target = relations.find((r) => r.id === 'rel:li-qiang-made-statement-vladimir-putin-2024-08-21')!;
    expect(target.context).toBeDefined();
    const other = await context.newPage();
    watch(other);
    await other.goto(`${running.url}#n=${target.source},${target.target}`);
    await other.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await other.waitForFunction((id) => window.explorer!.cy.getElementById(id).nonempty(), target.id);
    await other.evaluate((id) => {
      const cy = window.explorer!.cy;
      cy.elements().unselect();
      cy.getElementById(id).select();
    }, target.id);
    await expect.poll(() => other.locator('#inspect-quote').textContent()).toBe(target.quote);
    expect(await other.locator('#inspect-context').textContent()).toBe(target.context);
    await shot('10-inspect-context', other);
    await other.close();
  });

  it('draws a large view (10k elements) with the overview layout in its worker, under the CSP', async () => {
    const warnings: string[] = [];
    const onConsole = (message: { type(): string; text(): string }) =>
      void (message.type() === 'warning' && warnings.push(message.text()));
    page.on('console', onConsole);
    // 3,334 nodes and 6,666 relationships, every node on a chain plus preferential attachment.
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
    await page.locator('#layout-select').selectOption('fcose');
    await settle();
    await page.evaluate((elements) => window.explorer!.merge(elements), { nodes, edges });
    await settle();
    expect(await page.evaluate(() => window.explorer!.isLarge())).toBe(true);
    // Laid out: the new nodes are spread (not stacked where they were added) and the view is fitted to them.
    const layout = await graph<{ distinct: number; inView: number }>(`
      const big = cy.nodes('[id ^= "big:"]');
      const spots = new Set(big.map((n) => Math.round(n.position('x') / 5) + ',' + Math.round(n.position('y') / 5)));
      const extent = cy.extent();
      const inView = big.filter((n) => { const p = n.position(); return p.x >= extent.x1 && p.x <= extent.x2 && p.y >= extent.y1 && p.y <= extent.y2; }).length;
      return { distinct: spots.size, inView };`);
    expect(layout.distinct).toBeGreaterThan(nodeCount * 0.9);
    expect(layout.inView).toBe(nodeCount);
    expect(warnings.filter((text) => /layout worker/.test(text))).toEqual([]);
    page.off('console', onConsole);
    await shot('11-large-view');
  });

  it('logged no page errors and no CSP violations', () => {
    expect(problems).toEqual([]);
  });
});

describe.skipIf(reason !== null)('the explorer behind an API token (API_TOKEN)', () => {
  const token = 'e2e-token-0123456789abcdef';
  let running: Running;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const authorizations: (string | null)[] = [];

  beforeAll(async () => {
    buildClient();
    running = await startExplorer({ apiToken: token });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The browser logs the 401s that make the client ask for the token.
      if (message.type() === 'error' && !/status of 401/.test(message.text()))
        problems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/'))
        authorizations.push(request.headers()['authorization'] ?? null);
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('refuses the API without the token', async () => {
    const response = await fetch(`${running.apiUrl}/api/schema`);
    expect(response.status).toBe(401);
  });

  it('asks for the token, refuses a wrong one, then opens the start view with the right one', async () => {
    await page.goto(running.url);
    const dialog = page.getByRole('dialog', { name: 'API token needed' });
    await dialog.waitFor({ timeout: 30_000 });
    // Exactly one prompt for the start view's concurrent requests; the field has the focus.
    expect(await page.locator('dialog[open]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('token-input');
    await page.screenshot({ path: join(screenshotDir, '10-token-prompt.png') });

    await page.keyboard.insertText('not-the-token-at-all');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#token-error').textContent(), { timeout: 15_000 }).toContain('not accepted');
    await page.screenshot({ path: join(screenshotDir, '10b-token-rejected.png') });

    await page.locator('#token-input').fill(token);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');
    await expect
      .poll(() =>
        page.evaluate(() =>
          window
            .explorer!.cy.nodes()
            .map((n) => n.id())
            .sort(),
        ),
      )
      .toEqual(startCountries);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('kg-explorer.api-token'))).toBe(token);
    expect(authorizations).toContain(`Bearer ${token}`);
  });

  it('sends the token on later calls, exports included, without asking again', async () => {
    authorizations.length = 0;
    await page.locator('#export-menu summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const path = join(downloadDir, `token-${download.suggestedFilename()}`);
    await download.saveAs(path);
    expect(JSON.stringify(JSON.parse(readFileSync(path, 'utf8')))).toContain('country:RUS');
    // A reload keeps the token for the session: no prompt.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => window.explorer!.cy.nodes().length)).toBe(startCountries.length);
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(authorizations.length).toBeGreaterThan(0);
    expect(authorizations.every((value) => value === `Bearer ${token}`)).toBe(true);
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
