import { describe, expect, it } from 'vitest';
import type { Atlas } from '../../../client/src/map/atlas.ts';
import { mapColors, type MapLook } from '../../../client/src/map/map-look.ts';
import { mapSvg } from '../../../client/src/map/map-svg.ts';

const atlas: Atlas = {
  width: 10,
  height: 10,
  sphere: [[0, 0, 10, 0, 10, 10]],
  countries: [
    { iso3: 'RUS', name: 'Russia', rings: [[1, 1, 2, 1, 2, 2]] },
    { iso3: null, name: 'Somaliland', rings: [[3, 3, 4, 3, 4, 4]] },
  ],
  points: new Map(),
};
const look = (overrides: Partial<MapLook> = {}): MapLook => ({
  fills: new Map([['RUS', '#ff0000']]),
  strip: null,
  scale: 2,
  ...overrides,
});

describe('mapSvg', () => {
  it('when drawn, the map is one group under the given transform', () => {
    expect(mapSvg(atlas, look(), 'translate(5,6)', 1)).toMatch(/^<g class="map" transform="translate\(5,6\)">.*<\/g>$/);
  });

  it('when drawn, the sea is the sphere in the sea colour', () => {
    expect(mapSvg(atlas, look(), '', 1)).toContain(`<path d="M0,0L10,0L10,10Z" fill="${mapColors.sea}"/>`);
  });

  it('when a country has a fill, it is drawn in it', () => {
    expect(mapSvg(atlas, look(), '', 1)).toContain('<path d="M1,1L2,1L2,2Z" fill="#ff0000" fill-rule="evenodd"/>');
  });

  it('when a country has no fill (or no code), it is plain land', () => {
    expect(mapSvg(atlas, look(), '', 1)).toContain(
      `<path d="M3,3L4,3L4,4Z" fill="${mapColors.land}" fill-rule="evenodd"/>`,
    );
  });

  it('when drawn at a scale, the outlines are scaled and the borders kept thin on screen', () => {
    const svg = mapSvg(atlas, look({ scale: 2 }), '', 5);
    expect(svg).toContain('<g transform="scale(2)">');
    expect(svg).toContain('stroke-width="2.0000"'); // 0.8 px × 5 units per px ÷ scale 2
  });

  it('when no node lacks a place, there is no strip', () => {
    expect(mapSvg(atlas, look(), '', 1)).not.toContain('<rect');
  });

  it('when nodes lack a place, the strip is drawn with its caption', () => {
    const strip = { x: 10, y: 20, width: 300, height: 80, columns: 4, count: 3 };
    const svg = mapSvg(atlas, look({ strip }), '', 1);
    expect(svg).toContain('<rect x="10" y="20" width="300" height="80"');
    expect(svg).toContain('>No place on the map: 3 nodes</text>');
  });
});
