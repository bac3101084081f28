// The map layout (issue 16) in the browser: countries over their outlines, what has no place in a
// counted strip, the outlines following pan and zoom, the shading following the date range, the
// view reopened from its link, and exports with the map under the graph.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { mapProjection } from '../../client/src/map/atlas.ts';
import { atlas } from '../../client/src/map/atlas-data.ts';
import { mapColors } from '../../client/src/map/map-look.ts';
import { shadeRamp } from '../../client/src/map/map-measures.ts';
import { encodeView } from '../../client/src/view/permalink.ts';
import { emptyView, type ViewState } from '../../client/src/view/view-state.ts';
import { ExplorerPage } from './explorer-page.ts';
import { test } from './fixtures.ts';
import { root, screenshotDir, skipReason } from './harness.ts';

const reason = skipReason();
if (reason) console.warn(`[e2e] skipping the browser tests: ${reason}`);

const entities = (JSON.parse(readFileSync(join(root, 'seed/data/entities.json'), 'utf8')) as { id: string }[]).map(
  (entity) => entity.id,
);
const mapView = (changes: Partial<ViewState> = {}): ViewState => ({
  ...emptyView,
  nodes: entities,
  layout: { name: 'map', seed: 1 },
  ...changes,
});
const linkTo = (base: string, state: ViewState) => `${base}/#${encodeView(state)}`;
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
/** A point of open sea (mid-Atlantic) and one inside a country no node sits by (Australia's centre). */
const [seaX, seaY] = mapProjection()([-35, 20])!;
const sea = { x: seaX, y: seaY };
const australia = atlas.points.get('AUS')!;

describe.skipIf(reason !== null)('the map layout (issue 16)', () => {
  test('when every entity is shown on the map, countries sit by their points over the outlines, the rest in a counted strip', async ({
    explorer,
    server,
  }) => {
    await explorer.goto(linkTo(server.url, mapView()));
    const positions = await explorer.positions();
    for (const iso3 of ['RUS', 'CHN', 'UKR', 'BLR', 'PRK', 'USA', 'IRN', 'VEN'])
      expect(distance(positions[`country:${iso3}`]!, atlas.points.get(iso3)!), iso3).toBeLessThan(200);
    // Gabuev holds office in an organisation with no place; Trump holds none in the data.
    for (const id of ['person:alexander-gabuev', 'person:donald-trump'])
      expect(positions[id]!.y, id).toBeGreaterThan(atlas.height);
    expect(await explorer.page.locator('#map-legend').innerText()).toContain('5 without a place');
    expect(await explorer.underlayColorAt(sea)).toBe(mapColors.sea);
    expect(await explorer.underlayColorAt(australia)).toBe(mapColors.land);
    expect(await explorer.curveStyles()).toEqual(['unbundled-bezier']);
    await explorer.screenshot(join(screenshotDir, '30-map-1440.png'));
  });

  test('when the view pans and zooms, the outlines move with the graph', async ({ explorer, server }) => {
    await explorer.goto(linkTo(server.url, mapView()));
    const project = mapProjection();
    const at = (lon: number, lat: number) => {
      const [x, y] = project([lon, lat])!;
      return { x, y };
    };
    const land = ['AUS', 'BRA', 'CAN', 'ARG', 'DZA', 'COD', 'IND', 'KAZ', 'MNG', 'SAU'].map((iso3) =>
      atlas.points.get(iso3)!,
    );
    const seas = [at(-35, 20), at(75, -20), at(-130, -30), at(-160, 30), at(-30, -40)];
    /** Land where land is and sea where sea is, at every sample point on screen; how many were. */
    const check = async () => {
      let seen = 0;
      for (const [points, isLand] of [
        [land, true],
        [seas, false],
      ] as const)
        for (const point of points) {
          const color = await explorer.underlayColorAt(point);
          if (color === null) continue;
          seen++;
          expect(color === mapColors.sea, `${point.x},${point.y}`).toBe(!isLand);
        }
      return seen;
    };
    expect(await check()).toBeGreaterThan(8);
    await explorer.panBy({ x: -260, y: 90 });
    expect(await check()).toBeGreaterThan(6);
    await explorer.page.evaluate(() => void window.explorer!.cy.zoom({ level: 1.2, position: { x: 700, y: 400 } }));
    expect(await check()).toBeGreaterThan(2);
  });

  test('when the date range narrows, the shading follows it', async ({ explorer, server }) => {
    await explorer.goto(linkTo(server.url, mapView()));
    const china = atlas.points.get('MNG')!; // a country nothing sits by: plain land whatever the range
    expect(await explorer.underlayColorAt(china)).toBe(mapColors.land);
    const all = await explorer.underlayColorAt(atlas.points.get('USA')!);
    expect(shadeRamp).toContain(all);
    // Only July 2025: Lavrov's trip to North Korea and Beijing; nothing about the United States.
    await explorer.goto(
      linkTo(
        server.url,
        mapView({ filters: { ...emptyView.filters, dates: { from: '2025-07-01', to: '2025-07-31' } } }),
      ),
    );
    expect(await explorer.underlayColorAt(atlas.points.get('USA')!)).toBe(mapColors.land);
    expect(shadeRamp).toContain(await explorer.underlayColorAt(atlas.points.get('PRK')!));
    await explorer.page.locator('#map-measure').selectOption('visits');
    await explorer.settle();
    expect(explorer.page.url()).not.toBe(linkTo(server.url, mapView()));
    expect(shadeRamp).toContain(await explorer.underlayColorAt(atlas.points.get('PRK')!));
    await explorer.screenshot(join(screenshotDir, '31-map-july-2025-visits.png'));
  });

  test('when the map view is reopened from its link, it shows the same positions and shading', async ({
    explorer,
    server,
    context,
  }) => {
    await explorer.goto(linkTo(server.url, mapView({ mapShading: 'visits' })));
    const positions = await explorer.positions();
    const reopened = await ExplorerPage.open(context, explorer.page.url());
    expect(await reopened.page.locator('#layout-select').inputValue()).toBe('map');
    expect(await reopened.page.locator('#map-measure').inputValue()).toBe('visits');
    const again = await reopened.positions();
    for (const [id, point] of Object.entries(positions)) expect(distance(again[id]!, point), id).toBeLessThan(1);
  });

  test('when another layout is chosen, the map and the arcs go away', async ({ explorer, server }) => {
    await explorer.goto(linkTo(server.url, mapView()));
    await explorer.setLayout('grid');
    expect(await explorer.underlayColorAt(sea)).toBeNull();
    expect(await explorer.page.locator('#map-legend').isHidden()).toBe(true);
    expect(await explorer.curveStyles()).toEqual(['bezier']);
    await explorer.setLayout('map');
    expect(await explorer.curveStyles()).toEqual(['unbundled-bezier']);
  });

  test('when the map view is exported, the picture has the outlines under the graph', async ({ explorer, server }) => {
    await explorer.goto(linkTo(server.url, mapView()));
    const png = await explorer.exportFile('#export-png');
    const colors = await explorer.imageColors(png.path);
    const total = Object.values(colors).reduce((sum, count) => sum + count, 0);
    expect((colors[mapColors.sea] ?? 0) / total).toBeGreaterThan(0.05);
    expect((colors[mapColors.land] ?? 0) / total).toBeGreaterThan(0.02);
    const svg = readFileSync((await explorer.exportFile('#export-svg')).path, 'utf8');
    expect(svg).toMatch(/<g class="map" transform="matrix\(/);
    expect(svg).toContain(`fill="${mapColors.sea}"`);
    expect(svg).toContain('<g class="map-legend">');
    expect(svg).toContain('No place on the map: 5 nodes');
  });

  test.for([
    [1024, 700, '32-map-1024.png'],
    [414, 896, '33-map-414.png'],
  ] as const)(
    'at %ix%i the map fits the screen and the legend stays out of the way',
    async ([width, height, file], { explorer, server }) => {
      await explorer.page.setViewportSize({ width, height });
      await explorer.goto(linkTo(server.url, mapView()));
      const legend = (await explorer.page.locator('#map-legend').boundingBox())!;
      const graph = (await explorer.page.locator('#cy').boundingBox())!;
      expect(legend.width).toBeLessThan(graph.width * 0.6);
      expect(legend.height).toBeLessThan(graph.height * 0.35);
      expect(await explorer.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await explorer.screenshot(join(screenshotDir, file));
    },
  );
});
