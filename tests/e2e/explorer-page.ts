// Typed helpers for driving the explorer page: what a test reads (state, scene, positions, counts)
// and what it does (click, search, expand, filter, export), without code in strings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core, EdgeSingular } from 'cytoscape';
import type { BrowserContext, Page } from 'playwright-core';
import { downloadDir } from './harness.ts';

export interface SceneIds {
  nodes: string[];
  edges: string[];
  drawn: string[];
}

export type Point = { x: number; y: number };

/** Width and height in CSS pixels. */
export type ScreenSize = readonly [width: number, height: number];

/** The screen sizes the explorer is looked at: a laptop, a small laptop or tablet, a phone. */
export const SCREEN_SIZES: readonly ScreenSize[] = [
  [1440, 900],
  [1024, 700],
  [414, 896],
];

export class ExplorerPage {
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The browser logs every 4xx answer; some tests provoke them on purpose.
      if (
        message.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
      )
        this.problems.push(`console error: ${message.text()}`);
    });
  }

  /** A new page of `context` on `url`, at `size` (the context's viewport when not given). */
  static async open(context: BrowserContext, url: string, size?: ScreenSize): Promise<ExplorerPage> {
    const page = await context.newPage();
    if (size) await page.setViewportSize({ width: size[0], height: size[1] });
    const explorer = new ExplorerPage(page);
    await explorer.goto(url);
    return explorer;
  }

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await this.settle();
  }

  /** Waits until no request, render or layout is under way, and the busy indicator is gone. */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');
    await this.page.evaluate(async () => {
      const handle = window.explorer!;
      if ('idle' in handle) await handle.idle();
    });
    await this.page.waitForTimeout(150);
  }

  /** The view's nodes, the relationships among them and those drawn (read from the canvas where the page has no scene). */
  scene(): Promise<SceneIds> {
    return this.page.evaluate(() => {
      const handle = window.explorer!;
      const sorted = (ids: string[]) => [...ids].sort();
      if ('scene' in handle) {
        const scene = handle.scene();
        return { nodes: sorted(scene.nodes), edges: sorted(scene.edges), drawn: sorted(scene.drawn) };
      }
      const cy = (handle as { cy: Core }).cy;
      return {
        nodes: sorted(cy.nodes().map((n) => n.id())),
        edges: sorted(cy.edges().map((e) => e.id())),
        drawn: sorted(cy.elements(':visible').map((e) => e.id())),
      };
    });
  }

  /** The caption drawn for an element ('' when it shows none). */
  caption(id: string): Promise<string> {
    return this.page.evaluate((id) => String(window.explorer!.cy.getElementById(id).data('_caption') ?? ''), id);
  }

  async drawnEdges(): Promise<string[]> {
    const scene = await this.scene();
    return scene.drawn.filter((id) => scene.edges.includes(id));
  }

  /** Where each node is, in model coordinates. */
  positions(): Promise<Record<string, Point>> {
    return this.page.evaluate(() => {
      const result: Record<string, Point> = {};
      window.explorer!.cy.nodes().forEach((node) => void (result[node.id()] = { ...node.position() }));
      return result;
    });
  }

  selection(): Promise<string[]> {
    return this.page.evaluate(() =>
      window
        .explorer!.cy.elements(':selected')
        .map((ele) => ele.id())
        .sort(),
    );
  }

  /** The type of each relationship id drawn. */
  edgeTypes(ids: string[]): Promise<string[]> {
    return this.page.evaluate(
      (list) => list.map((id) => String(window.explorer!.cy.getElementById(id).data('type'))),
      ids,
    );
  }

  /** The drawn look of the first relationship of each type: colour and line style. */
  typeLooks(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const looks: Record<string, string> = {};
      // Bundles stand for several relationships; a type's own look is on its relationships.
      window.explorer!.cy.edges(':not(.bundle)').forEach((edge) => {
        const type = String(edge.data('type'));
        looks[type] ??=
          `${edge.style('line-color')} ${edge.style('line-style')} ${String(edge.style('line-dash-pattern'))}`;
      });
      return looks;
    });
  }

  nodeColor(id: string): Promise<string> {
    return this.page.evaluate((node) => String(window.explorer!.cy.getElementById(node).style('background-color')), id);
  }

  /** Where an element is drawn on the page (a node's centre, an edge's midpoint). */
  async pointOf(id: string): Promise<Point> {
    const box = await this.page.locator('#cy').boundingBox();
    const at = await this.page.evaluate((element) => {
      const ele = window.explorer!.cy.getElementById(element);
      return ele.isNode() ? ele.renderedPosition() : (ele as unknown as EdgeSingular).renderedMidpoint();
    }, id);
    return { x: box!.x + at.x, y: box!.y + at.y };
  }

  /**
   * Clicks an element where it is drawn. A relationship folded into a bundle is not drawn on its
   * own, so bundling is turned off first (as a user would press B to reach one relationship).
   */
  async click(id: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
    const drawn = await this.page.evaluate((element) => window.explorer!.cy.getElementById(element).visible(), id);
    if (!drawn) await this.setBundling(false);
    const at = await this.pointOf(id);
    for (const key of modifiers) await this.page.keyboard.down(key);
    await this.page.mouse.click(at.x, at.y);
    for (const key of modifiers) await this.page.keyboard.up(key);
  }

  async doubleClick(id: string): Promise<void> {
    const at = await this.pointOf(id);
    await this.page.mouse.dblclick(at.x, at.y);
  }

  async rightClick(id: string): Promise<void> {
    const at = await this.pointOf(id);
    await this.page.mouse.click(at.x, at.y, { button: 'right' });
  }

  /** Searches and picks the hit with this id. */
  async searchAndAdd(text: string, id: string): Promise<void> {
    await this.page.locator('#search-input').fill(text);
    await this.page.locator(`#search-list li[data-id="${id}"]`).click();
    await this.settle();
  }

  async setType(type: string, shown: boolean): Promise<void> {
    await this.page.locator(`#type-filters input[data-name="${type}"]`).setChecked(shown);
    await this.settle();
  }

  async legendTypes(): Promise<string[]> {
    return this.page
      .locator('#type-filters input[data-filter="type"]')
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('data-name') ?? ''));
  }

  counts(): Promise<string> {
    return this.page.locator('#view-counts').innerText();
  }

  async runQuery(query: string, params = '{}'): Promise<void> {
    if (!(await this.page.locator('#console-body').isVisible())) await this.page.locator('#console-toggle').click();
    await this.page.locator('#cypher-params').fill(params);
    await this.page.locator('#cypher-editor .cm-content').click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(query);
    await this.page.keyboard.press('Control+Enter');
  }

  /** Exports with the menu (the scope radio, then the button); the saved file's path and name. */
  async exportFile(button: string, scope?: 'view' | 'selection' | 'loaded'): Promise<{ path: string; name: string }> {
    await this.page.locator('#export-menu summary').click();
    if (scope) await this.page.locator(`#export-scope-${scope}`).check();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.locator(button).click()]);
    const name = download.suggestedFilename();
    const path = join(downloadDir, `${Date.now()}-${name}`);
    await download.saveAs(path);
    return { path, name };
  }

  /** Draws parallel relationships bundled, or every one (the B key on the canvas). */
  async setBundling(on: boolean): Promise<void> {
    if ((await this.page.evaluate(() => window.explorer!.state().bundling.on)) === on) return;
    await this.page.locator('#cy').focus();
    await this.page.keyboard.press('b');
    await this.settle();
  }

  /** The bundle edges drawn: id, ends, members. */
  bundles(): Promise<{ id: string; source: string; target: string; members: string[]; type: string | null }[]> {
    return this.page.evaluate(() =>
      window.explorer!.cy.edges('.bundle').map((edge) => ({
        id: edge.id(),
        source: String(edge.data('source')),
        target: String(edge.data('target')),
        members: [...(edge.data('_members') as string[])].sort(),
        type: (edge.data('type') as string | undefined) ?? null,
      })),
    );
  }

  /** Adds the last console result's graph to the view (its Graph tab's button). */
  async addQueryResult(): Promise<void> {
    await this.page.locator('#cypher-add').click();
    await this.settle();
  }

  /** A data field of an element as drawn (a caption, a colour). */
  elementData(id: string, key: string): Promise<unknown> {
    return this.page.evaluate(
      ([element, field]) => window.explorer!.cy.getElementById(element!).data(field!) as unknown,
      [id, key],
    );
  }

  /** Chooses a layout from the layout menu and waits for it to finish. */
  async setLayout(name: string): Promise<void> {
    await this.page.locator('#layout-select').selectOption(name);
    await this.settle();
  }

  /**
   * The colour (#rrggbb) the map underlay shows at a point in model coordinates, or null where the
   * underlay is not shown or the point is off screen. Waits a frame, so a redraw has happened.
   */
  underlayColorAt(point: Point): Promise<string | null> {
    return this.page.evaluate(async (model) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.map-underlay');
      if (!canvas || canvas.hidden) return null;
      const cy = window.explorer!.cy;
      const ratio = canvas.width / canvas.clientWidth;
      const x = Math.round((model.x * cy.zoom() + cy.pan().x) * ratio);
      const y = Math.round((model.y * cy.zoom() + cy.pan().y) * ratio);
      if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) return null;
      const [r, g, b] = canvas.getContext('2d')!.getImageData(x, y, 1, 1).data;
      return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, '0')).join('')}`;
    }, point);
  }

  /** Moves the view by this many screen pixels, as a pan does. */
  async panBy(offset: Point): Promise<void> {
    await this.page.evaluate((by) => void window.explorer!.cy.panBy(by), offset);
  }

  /** The curve style each relationship is drawn with. */
  curveStyles(): Promise<string[]> {
    return this.page.evaluate(() => [
      ...new Set(window.explorer!.cy.edges().map((edge) => String(edge.style('curve-style')))),
    ]);
  }

  /** Colours of an image file's pixels, counted (read in the page: no decoder needed here). */
  imageColors(path: string): Promise<Record<string, number>> {
    const base64 = readFileSync(path).toString('base64');
    return this.page.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
      const counts: Record<string, number> = {};
      for (let i = 0; i < pixels.length; i += 4 * 7) {
        const key = `#${[pixels[i]!, pixels[i + 1]!, pixels[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    }, base64);
  }

  /** The view state's date range. */
  dates(): Promise<{ from?: string; to?: string }> {
    return this.page.evaluate(() => ({ ...window.explorer!.state().filters.dates }));
  }

  /** The view state's selection (what the inspector and the reader follow). */
  selected(): Promise<string[]> {
    return this.page.evaluate(() => [...window.explorer!.state().selection].sort());
  }

  /** Types dates into the timeline's from/to fields (empty: open) and confirms them with Enter. */
  async typeDates(from: string, to: string): Promise<void> {
    await this.page.locator('#date-from').fill(from);
    await this.page.locator('#date-to').fill(to);
    await this.page.locator('#date-to').press('Enter');
    await this.settle();
  }

  /** Where on the page the timeline draws the start of a month ("2024-05"), at mid-height of the bars. */
  async timelineX(month: string): Promise<Point> {
    const svg = this.page.locator('#timeline-svg');
    const overlay = (await this.page.locator('#timeline-brush .overlay').boundingBox())!;
    const { first, months } = await svg.evaluate((element) => ({
      first: element.getAttribute('data-first') ?? '',
      months: Number(element.getAttribute('data-months')),
    }));
    const index = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    const offset = index(`${month}-01`) - index(first);
    return { x: overlay.x + (offset * overlay.width) / months, y: overlay.y + overlay.height / 2 };
  }

  /** Drags the timeline's brush from the start of one month to the start of another ("2024-03" to "2024-06": Mar–May). */
  async brush(fromMonth: string, toMonth: string): Promise<void> {
    const start = await this.timelineX(fromMonth);
    const end = await this.timelineX(toMonth);
    await this.page.mouse.move(start.x + 1, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move((start.x + end.x) / 2, start.y, { steps: 4 });
    await this.page.mouse.move(end.x - 1, end.y, { steps: 4 });
    await this.page.mouse.up();
    await this.settle();
  }

  /** Chooses the playback window's width (months) and speed (seconds per step). */
  async playbackSettings(months: number, seconds: number): Promise<void> {
    await this.page.locator('#play-width').selectOption(String(months));
    await this.page.locator('#play-speed').selectOption(String(seconds));
  }

  /** Selects a relationship on the canvas and opens its (first) source in the reader. */
  async openReader(relationshipId: string): Promise<void> {
    await this.click(relationshipId);
    await this.page.locator('#inspect-sources .source-read').first().click();
    await this.page.locator('#reader-text mark').first().waitFor();
  }

  /** Clicks the reader's highlight that stands for exactly these relationships. */
  async clickHighlight(relationshipIds: string[]): Promise<void> {
    await this.page
      .locator(`#reader-text mark[data-ids="${relationshipIds.join(' ')}"]`)
      .first()
      .click();
    await this.settle();
  }

  /** Selects nodes one after another on the canvas (Shift adds), for the story between two. */
  async selectNodes(ids: string[]): Promise<void> {
    for (const [index, id] of ids.entries()) await this.click(id, index === 0 ? [] : ['Shift']);
    await this.settle();
  }

  screenshot(path: string): Promise<Buffer> {
    return this.page.screenshot({ path });
  }
}
