// The map as SVG markup in model coordinates (for an SVG export): the same layers as map-draw.ts.
import type { Atlas } from './atlas.ts';
import { mapColors, stripCaption, type MapLook } from './map-look.ts';

function pathData(rings: readonly (readonly number[])[]): string {
  return rings
    .map((ring) => {
      let d = `M${ring[0]},${ring[1]}`;
      for (let i = 2; i < ring.length; i += 2) d += `L${ring[i]},${ring[i + 1]}`;
      return `${d}Z`;
    })
    .join('');
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A <g> of the map; `unitsPerPixel` keeps the borders as thin as on screen. */
export function mapSvg(atlas: Atlas, look: MapLook, transform: string, unitsPerPixel: number): string {
  const byFill = new Map<string, string[]>();
  for (const country of atlas.countries) {
    const fill = (country.iso3 !== null && look.fills.get(country.iso3)) || mapColors.land;
    (byFill.get(fill) ?? byFill.set(fill, []).get(fill)!).push(pathData(country.rings));
  }
  const parts = [
    `<path d="${pathData(atlas.sphere)}" fill="${mapColors.sea}"/>`,
    ...[...byFill].map(([fill, d]) => `<path d="${d.join('')}" fill="${fill}" fill-rule="evenodd"/>`),
    `<path d="${atlas.countries.map((country) => pathData(country.rings)).join('')}" fill="none" stroke="${mapColors.border}" stroke-width="${((0.8 * unitsPerPixel) / look.scale).toFixed(4)}" stroke-linejoin="round"/>`,
  ];
  const outlines = `<g transform="scale(${look.scale})">${parts.splice(0).join('')}</g>`;
  parts.push(outlines);
  if (look.strip) {
    const { x, y, width, height, count } = look.strip;
    parts.push(
      `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="12" fill="#ffffff" fill-opacity="0.85" stroke="${mapColors.border}"/>`,
      `<text x="${x + 14}" y="${y + 30}" font-family="system-ui, sans-serif" font-size="18" font-weight="600" fill="${mapColors.stripInk}">${escape(stripCaption(count))}</text>`,
    );
  }
  return `<g class="map" transform="${transform}">${parts.join('')}</g>`;
}
