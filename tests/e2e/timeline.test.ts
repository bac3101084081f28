// Issue 11, the timeline: the brush, typed dates and playback set the view's date range, and the
// graph, the legend counts, the counts line, the link and the exports follow it; when the filters
// hide everything, the page says which and offers to clear them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { inDateRange } from '../../common/dates/date-interval.ts';
import type { GraphJson } from '../../common/api.ts';
import { ExplorerPage, SCREEN_SIZES } from './explorer-page.ts';
import { curated } from '../support/curated.ts';
import { test } from './fixtures.ts';
import { screenshotDir, skipReason } from './harness.ts';

const { relations } = curated;
const startCountries = ['country:BLR', 'country:CHN', 'country:PRK', 'country:RUS', 'country:UKR'];
const startRelations = relations.filter((r) => startCountries.includes(r.source) && startCountries.includes(r.target));
const inRange = (range: { from?: string; to?: string }) =>
  startRelations
    .filter((r) => inDateRange(r, range))
    .map((r) => r.id)
    .sort();

const reason = skipReason();
if (reason) console.warn(`[e2e] skipping the browser tests: ${reason}`);

describe.skipIf(reason !== null)('the timeline (issue 11)', () => {
  test('when months are brushed on the timeline, the range is those whole months and the graph and the link follow', async ({
    explorer,
    context,
  }) => {
    await explorer.brush('2024-03', '2024-06');
    const range = { from: '2024-03-01', to: '2024-05-31' };
    expect(await explorer.dates()).toEqual(range);
    expect(await explorer.drawnEdges()).toEqual(inRange(range));
    expect(inRange(range).length).toBeLessThan(startRelations.length);
    expect(await explorer.page.locator('#date-from').inputValue()).toBe('Mar 2024');
    expect(await explorer.page.locator('#date-to').inputValue()).toBe('May 2024');
    const reopened = await ExplorerPage.open(context, explorer.page.url());
    expect(await reopened.dates()).toEqual(range);
    expect(await reopened.drawnEdges()).toEqual(inRange(range));
  });

  test('when a month is clicked on the timeline, the range is that month', async ({ explorer }) => {
    const at = await explorer.timelineX('2024-05');
    const next = await explorer.timelineX('2024-06');
    await explorer.page.mouse.click((at.x + next.x) / 2, at.y);
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2024-05-01', to: '2024-05-31' });
  });

  test('when dates are typed at month precision, month-precision relationships of those months stay drawn', async ({
    explorer,
  }) => {
    await explorer.typeDates('May 2024', 'May 2024');
    const range = { from: '2024-05-01', to: '2024-05-31' };
    expect(await explorer.dates()).toEqual(range);
    const drawn = await explorer.drawnEdges();
    expect(drawn).toEqual(inRange(range));
    const monthPrecise = startRelations.filter((r) => r.datePrecision === 'month' && r.date.startsWith('2024-05'));
    expect(monthPrecise.length).toBeGreaterThan(0);
    for (const r of monthPrecise) expect(drawn).toContain(r.id);
    expect(await explorer.counts()).toContain(`filtered out (dates ${startRelations.length - drawn.length})`);
  });

  test('when a range is set, each type’s legend count is what it draws in the range', async ({ explorer }) => {
    await explorer.typeDates('2024', '2024');
    const drawn = new Set(await explorer.drawnEdges());
    for (const type of ['TRADES_WITH', 'SUPPORTS', 'ATTACKED']) {
      const expected = startRelations.filter((r) => r.type === type && drawn.has(r.id)).length;
      const count = explorer.page.locator(`#type-filters label:has(input[data-name="${type}"]) .count`);
      expect(await count.innerText(), type).toBe(String(expected));
    }
  });

  test('when a typed date is not a day, it says why and the range stays as it was', async ({ explorer }) => {
    await explorer.typeDates('2024-02-30', '');
    await expect.poll(() => explorer.page.locator('#date-error').innerText()).toContain('Feb 2024 has no day 30');
    expect(await explorer.page.locator('#date-from').getAttribute('aria-invalid')).not.toBeNull();
    expect(await explorer.dates()).toEqual({});
  });

  test('when the step buttons are used, the window moves a month at a time from the first dated month', async ({
    explorer,
  }) => {
    await explorer.playbackSettings(3, 1);
    await explorer.page.locator('#play-step').click();
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2022-01-01', to: '2022-03-31' });
    await explorer.page.locator('#play-step').click();
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2022-02-01', to: '2022-04-30' });
    await explorer.page.locator('#play-back').click();
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2022-01-01', to: '2022-03-31' });
    expect(await explorer.page.locator('#play-back').isDisabled()).toBe(true);
  });

  test('when the chart has the focus, arrows move the range a month and Shift+arrows move its end', async ({
    explorer,
  }) => {
    await explorer.brush('2024-03', '2024-06');
    expect(await explorer.dates()).toEqual({ from: '2024-03-01', to: '2024-05-31' });
    await explorer.page.locator('#timeline-svg').focus();
    await explorer.page.keyboard.press('Shift+ArrowRight');
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2024-03-01', to: '2024-06-30' });
    await explorer.page.keyboard.press('Shift+ArrowLeft');
    await explorer.page.keyboard.press('Shift+ArrowLeft');
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2024-03-01', to: '2024-04-30' });
    await explorer.playbackSettings(3, 1);
    await explorer.page.locator('#timeline-svg').focus();
    await explorer.page.keyboard.press('ArrowRight');
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2024-03-01', to: '2024-05-31' });
    await explorer.page.keyboard.press('ArrowRight');
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(await explorer.drawnEdges()).toEqual(inRange({ from: '2024-04-01', to: '2024-06-30' }));
  });

  test('when playback runs, the window steps to the end of the dates and stops, and one undo takes it back', async ({
    explorer,
  }) => {
    await explorer.typeDates('Feb 2025', 'Apr 2025');
    await explorer.playbackSettings(3, 0.25);
    const seen = new Set<string>();
    await explorer.page.locator('#play-toggle').click();
    expect(await explorer.page.locator('#play-toggle').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(
        async () => {
          seen.add(new URL(explorer.page.url()).hash);
          return explorer.page.locator('#play-toggle').getAttribute('aria-pressed');
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe('false');
    await explorer.settle();
    const last = { from: '2025-05-01', to: '2025-07-31' };
    expect(await explorer.dates()).toEqual(last);
    expect(await explorer.drawnEdges()).toEqual(inRange(last));
    expect(seen.size).toBeGreaterThan(1);
    await explorer.page.locator('#btn-undo').click();
    await explorer.settle();
    expect(await explorer.dates()).toEqual({ from: '2025-02-01', to: '2025-04-30' });
  });

  test('when the view is exported after a range is set, the export holds only what the range draws', async ({
    explorer,
  }) => {
    await explorer.typeDates('2024', '2024');
    const drawn = await explorer.drawnEdges();
    const { path } = await explorer.exportFile('#export-json', 'view');
    const exported = JSON.parse(readFileSync(path, 'utf8')) as GraphJson;
    expect(exported.relationships.map((r) => r.id).sort()).toEqual(drawn);
    expect(drawn).toEqual(inRange({ from: '2024-01-01', to: '2024-12-31' }));
  });

  test('when the dates hide every relationship, the empty state says so and clears them', async ({ explorer }) => {
    await explorer.typeDates('2019', '2019');
    const empty = explorer.page.locator('#filtered-empty');
    await empty.waitFor();
    expect(await empty.locator('li[data-filter="dates"]').innerText()).toContain(
      `Dates 2019: hide ${startRelations.length} relationships`,
    );
    await explorer.page.locator('#clear-dates').click();
    await explorer.settle();
    expect(await empty.isHidden()).toBe(true);
    expect((await explorer.drawnEdges()).length).toBe(startRelations.length);
  });

  test('when types and dates together hide everything, both are named and "clear all" clears both', async ({
    explorer,
  }) => {
    await explorer.page.locator('#types-none').click();
    await explorer.typeDates('2024', '');
    const empty = explorer.page.locator('#filtered-empty');
    expect(await empty.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-filter')))).toEqual(
      ['types', 'dates'],
    );
    await explorer.page.locator('#clear-filters').click();
    await explorer.settle();
    expect(await explorer.dates()).toEqual({});
    expect((await explorer.drawnEdges()).length).toBe(startRelations.length);
  });

  test('when every label is switched off, the empty state says no node is drawn', async ({ explorer }) => {
    for (const label of ['Country', 'Person', 'Organization', 'Event', 'Source'])
      await explorer.page.locator(`#label-filters input[data-name="${label}"]`).setChecked(false);
    await explorer.settle();
    expect(await explorer.page.locator('#filtered-empty .fe-heading').innerText()).toBe(
      'Nothing drawn: the filters hide all 5 nodes in view.',
    );
    await explorer.page.locator('#clear-labels').click();
    await explorer.settle();
    expect((await explorer.scene()).drawn.length).toBe(5 + startRelations.length);
  });

  test.for(SCREEN_SIZES)('the timeline and the empty state, at %ix%i', async ([width, height], { context, server }) => {
    const explorer = await ExplorerPage.open(context, server.url, [width, height]);
    const page = explorer.page;
    await explorer.typeDates('Mar 2024', 'Aug 2024');
    await page.locator('#timeline-svg').hover({ position: { x: width / 3, y: 40 } });
    await explorer.screenshot(join(screenshotDir, `timeline-${width}x${height}.png`));
    await explorer.typeDates('2019', '2019');
    await page.locator('#filtered-empty').waitFor();
    await explorer.screenshot(join(screenshotDir, `empty-${width}x${height}.png`));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(explorer.problems).toEqual([]);
  });
});
