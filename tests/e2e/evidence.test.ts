// Issue 11, the evidence: a source read beside the graph with its quotes highlighted (a highlight
// selects its relationship, adding it when needed), "add all claims", the story between two nodes
// in time order, dates at their precision, and exports that carry the sources cited.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { formatDate } from '../../common/dates/format-date.ts';
import type { ClaimsResponse, GraphJson, SourceResponse } from '../../common/api.ts';
import { quoteRuns } from '../../client/src/evidence/quote-segments.ts';
import { ExplorerPage, SCREEN_SIZES } from './explorer-page.ts';
import type { RelationEntry } from '../../server/loader/curated.ts';
import { curated } from '../support/curated.ts';
import { test } from './fixtures.ts';
import { screenshotDir, skipReason } from './harness.ts';

const { relations, sources } = curated;
const startCountries = ['country:BLR', 'country:CHN', 'country:PRK', 'country:RUS', 'country:UKR'];
const inStartView = (r: RelationEntry) => startCountries.includes(r.source) && startCountries.includes(r.target);
const byId = new Map(relations.map((r) => [r.id, r]));
const sourceId = 'source:semafor-2024-05-16-putin-xi-beijing';
/** A relationship in the start view that cites the source first (its card opens the reader on it). */
const opener = relations.find((r) => inStartView(r) && r.sources[0] === sourceId)!;

async function article(apiUrl: string): Promise<{ source: SourceResponse; claims: ClaimsResponse }> {
  const get = async <T>(path: string) => (await (await fetch(`${apiUrl}${path}`)).json()) as T;
  return {
    source: await get<SourceResponse>(`/api/sources/${sourceId}`),
    claims: await get<ClaimsResponse>(`/api/sources/${sourceId}/claims`),
  };
}

const runsOf = (source: SourceResponse) => quoteRuns(source.text!.length, source.quotes).filter((r) => r.ids.length);

const reason = skipReason();
if (reason) console.warn(`[e2e] skipping the browser tests: ${reason}`);

describe.skipIf(reason !== null)('the evidence (issue 11)', () => {
  test('when a source card is opened, the reader shows the article with every quote of the source highlighted', async ({
    explorer,
    server,
  }) => {
    const { source } = await article(server.apiUrl);
    await explorer.openReader(opener.id);
    const title = sources.find((s) => s.id === sourceId)!.title;
    expect(await explorer.page.locator('#reader-title').innerText()).toBe(title);
    const highlighted = await explorer.page
      .locator('#reader-text mark[data-ids]')
      .evaluateAll((marks) => [...new Set(marks.flatMap((mark) => (mark.getAttribute('data-ids') ?? '').split(' ')))]);
    expect(highlighted.sort()).toEqual([...new Set(source.quotes.map((q) => q.relationshipId))].sort());
    const text = await explorer.page.locator('#reader-text').innerText();
    expect(text.replace(/\s+/g, ' ')).toBe(source.text!.replace(/\s+/g, ' ').trim());
    expect(
      await explorer.page.locator(`#reader-text mark.q-selected`).evaluateAll((marks) => marks.length),
    ).toBeGreaterThan(0);
  });

  test('when a highlight of a relationship not in view is clicked, its ends join the view and it is selected', async ({
    explorer,
    server,
  }) => {
    const { source } = await article(server.apiUrl);
    const run = runsOf(source).find((r) => r.ids.length === 1 && !inStartView(byId.get(r.ids[0]!)!))!;
    const relation = byId.get(run.ids[0]!)!;
    await explorer.openReader(opener.id);
    await explorer.clickHighlight(run.ids as string[]);
    expect(await explorer.selected()).toEqual([relation.id]);
    const scene = await explorer.scene();
    expect(scene.nodes).toEqual(expect.arrayContaining([relation.source, relation.target]));
    expect(scene.drawn).toContain(relation.id);
    const mark = explorer.page.locator(`#reader-text mark[data-ids="${relation.id}"]`).first();
    expect(await mark.getAttribute('class')).toContain('q-drawn');
    expect(await mark.getAttribute('class')).toContain('q-selected');
    await explorer.page.locator('#btn-undo').click();
    await explorer.settle();
    expect((await explorer.scene()).nodes).toEqual(startCountries);
  });

  test('when a passage supports several relationships, the reader offers them and selects the one picked', async ({
    explorer,
    server,
  }) => {
    const { source } = await article(server.apiUrl);
    const run = runsOf(source).find((r) => r.ids.length >= 2)!;
    await explorer.openReader(opener.id);
    await explorer.page
      .locator(`#reader-text mark[data-ids="${run.ids.join(' ')}"]`)
      .first()
      .click();
    const choice = explorer.page.locator('#reader-choice');
    await choice.waitFor();
    expect(await choice.locator('button[data-id]').count()).toBe(run.ids.length);
    const picked = run.ids[1]!;
    await choice.locator(`button[data-id="${picked}"]`).click();
    await explorer.settle();
    expect(await explorer.selected()).toEqual([picked]);
    expect(await choice.isHidden()).toBe(true);
  });

  test('when "add all claims" is chosen, every relationship citing the source is in the view', async ({
    explorer,
    server,
  }) => {
    const { claims } = await article(server.apiUrl);
    await explorer.openReader(opener.id);
    await explorer.page.locator('#reader-add-all').click();
    await explorer.settle();
    const scene = await explorer.scene();
    const claimIds = claims.elements.edges.map((edge) => edge.data.id);
    expect(claimIds.length).toBeGreaterThan(10);
    expect(scene.edges).toEqual(expect.arrayContaining(claimIds));
    expect(await explorer.page.locator('#reader-add-all').isDisabled()).toBe(true);
    expect(await explorer.page.locator('#reader-text mark.q-out').count()).toBe(0);
  });

  test('when a highlight’s relationship is outside the date range, clicking it selects it and says why it is not drawn', async ({
    explorer,
    server,
  }) => {
    const { source } = await article(server.apiUrl);
    const id = runsOf(source).find((r) => r.ids.length === 1 && inStartView(byId.get(r.ids[0]!)!))!.ids[0]!;
    await explorer.openReader(opener.id);
    await explorer.typeDates('2019', '2019');
    await explorer.clickHighlight([id]);
    expect(await explorer.selected()).toEqual([id]);
    await expect
      .poll(() => explorer.page.locator('#status').innerText())
      .toContain(`${id}: it lies outside the dates 2019`);
  });

  test('when two nodes are selected, the story lists every relationship between them oldest first, and one click selects one', async ({
    explorer,
  }) => {
    const between = relations
      .filter(
        (r) =>
          (r.source === 'country:RUS' && r.target === 'country:CHN') ||
          (r.source === 'country:CHN' && r.target === 'country:RUS'),
      )
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    await explorer.selectNodes(['country:RUS', 'country:CHN']);
    const items = explorer.page.locator('#story .story-item');
    await expect.poll(() => items.count()).toBe(between.length);
    expect(await items.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-id')))).toEqual(
      between.map((r) => r.id),
    );
    expect(await explorer.page.locator('#story .rel-date').allInnerTexts()).toEqual(between.map((r) => formatDate(r)));
    await items.nth(2).click();
    await explorer.settle();
    expect(await explorer.selected()).toEqual([between[2]!.id]);
  });

  test('when a relationship is inspected, its dates read at their precision and the story between its ends is a click away', async ({
    explorer,
  }) => {
    const relation = relations.find((r) => inStartView(r) && r.datePrecision === 'year')!;
    await explorer.click(relation.id);
    await expect.poll(() => explorer.page.locator('#inspect-date strong').innerText()).toBe(formatDate(relation));
    expect(formatDate(relation)).toMatch(/^\d{4}$/);
    await explorer.page.locator('#inspect-story-button').click();
    await explorer.settle();
    expect(await explorer.selected()).toEqual([relation.source, relation.target].sort());
    await explorer.page.locator('#story').waitFor();
  });

  test('when the pointer rests on a relationship, its tooltip gives the date at its precision', async ({
    explorer,
  }) => {
    const relation = relations.find((r) => inStartView(r) && r.datePrecision === 'month')!;
    await explorer.setBundling(false);
    const at = await explorer.pointOf(relation.id);
    await explorer.page.mouse.move(at.x, at.y);
    const tip = explorer.page.locator('#graph-tooltip');
    await tip.waitFor();
    expect(await tip.locator('span').allInnerTexts()).toContain(formatDate(relation));
  });

  test('when "include the sources cited" is ticked, the JSON export carries the sources its relationships cite', async ({
    explorer,
  }) => {
    await explorer.page.locator('#export-menu summary').click();
    await explorer.page.locator('#export-include-sources').check();
    await explorer.page.locator('#export-menu summary').click();
    const { path } = await explorer.exportFile('#export-json', 'view');
    const exported = JSON.parse(readFileSync(path, 'utf8')) as GraphJson;
    const cited = new Set(relations.filter(inStartView).flatMap((r) => r.sources));
    expect(exported.sources?.map((s) => s.id).sort()).toEqual([...cited].sort());
  });

  test.for(SCREEN_SIZES)('the reader and the story, at %ix%i', async ([width, height], { context, server }) => {
    const explorer = await ExplorerPage.open(context, server.url, [width, height]);
    const page = explorer.page;
    await explorer.click(opener.id);
    if (width < 900) await page.locator('#btn-details').click();
    await page.locator('#inspect-sources .source-read').first().click();
    await page.locator('#reader-text mark').first().waitFor();
    await page.waitForTimeout(400);
    await explorer.screenshot(join(screenshotDir, `reader-${width}x${height}.png`));
    await page.locator('#reader-close').click();
    if (width < 900) await page.locator('#btn-details').click();
    await page.waitForTimeout(300);
    await explorer.selectNodes(['country:RUS', 'country:CHN']);
    if (width < 900) await page.locator('#btn-details').click();
    await page.locator('#story').waitFor();
    await page.waitForTimeout(300);
    await explorer.screenshot(join(screenshotDir, `story-${width}x${height}.png`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(explorer.problems).toEqual([]);
  });
});
