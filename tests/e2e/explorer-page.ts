// Typed helpers for driving the explorer page: what a test reads (state, scene, positions, counts)
// and what it does (click, search, expand, filter, export), without code in strings.
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

  static async open(context: BrowserContext, url: string): Promise<ExplorerPage> {
    const explorer = new ExplorerPage(await context.newPage());
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
      window.explorer!.cy.edges().forEach((edge) => {
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

  async click(id: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
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

  screenshot(path: string): Promise<Buffer> {
    return this.page.screenshot({ path });
  }
}
