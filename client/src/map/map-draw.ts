// Draws the map (sea, land shaded by the look, borders, the strip's panel and caption) on a 2D
// canvas context in model coordinates: the caller sets the transform (the live underlay follows
// the graph's pan and zoom; a PNG export uses the picture's frame). Paths are built once per
// atlas and look, so a frame is a handful of fills and one stroke however many countries there are.
import type { Atlas } from './atlas.ts';
import { mapColors, stripCaption, type MapLook } from './map-look.ts';

interface Paths {
  sphere: Path2D;
  /** One path per fill colour (plain land under the key ''). */
  fills: Map<string, Path2D>;
  borders: Path2D;
}

function addRings(path: Path2D, rings: readonly (readonly number[])[]): void {
  for (const ring of rings) {
    path.moveTo(ring[0]!, ring[1]!);
    for (let i = 2; i < ring.length; i += 2) path.lineTo(ring[i]!, ring[i + 1]!);
    path.closePath();
  }
}

const cache = new WeakMap<Atlas, { look: MapLook; paths: Paths }>();

function pathsOf(atlas: Atlas, look: MapLook): Paths {
  const cached = cache.get(atlas);
  if (cached?.look === look) return cached.paths;
  const sphere = new Path2D();
  addRings(sphere, atlas.sphere);
  const fills = new Map<string, Path2D>();
  const borders = new Path2D();
  for (const country of atlas.countries) {
    const fill = (country.iso3 !== null && look.fills.get(country.iso3)) || '';
    const path = fills.get(fill) ?? fills.set(fill, new Path2D()).get(fill)!;
    addRings(path, country.rings);
    addRings(borders, country.rings);
  }
  const paths = { sphere, fills, borders };
  cache.set(atlas, { look, paths });
  return paths;
}

/** Draws the map; `pixelsPerUnit` (the current scale) keeps the borders a fixed width on screen. */
export function drawMap(ctx: CanvasRenderingContext2D, atlas: Atlas, look: MapLook, pixelsPerUnit: number): void {
  const paths = pathsOf(atlas, look);
  ctx.save();
  ctx.scale(look.scale, look.scale);
  ctx.fillStyle = mapColors.sea;
  ctx.fill(paths.sphere);
  for (const [color, path] of paths.fills) {
    ctx.fillStyle = color || mapColors.land;
    ctx.fill(path, 'evenodd');
  }
  ctx.strokeStyle = mapColors.border;
  ctx.lineWidth = 0.8 / (pixelsPerUnit * look.scale);
  ctx.lineJoin = 'round';
  ctx.stroke(paths.borders);
  ctx.restore();
  if (look.strip) {
    const { x, y, width, height, count } = look.strip;
    ctx.fillStyle = mapColors.stripPanel;
    ctx.strokeStyle = mapColors.border;
    ctx.beginPath();
    ctx.roundRect(x, y, width, height, 12);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = mapColors.stripInk;
    ctx.font = '600 18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
    ctx.textBaseline = 'top';
    ctx.fillText(stripCaption(count), x + 14, y + 12);
  }
}
