// The world map's geometry in the graph's model coordinates: country outlines projected once with
// Equal Earth (an equal-area projection, so shaded areas compare fairly), and each country's
// representative point, where the map layout puts its node. Pure: the same topology gives the
// same atlas. The data itself (world-atlas's Natural Earth 1:110m TopoJSON) is loaded lazily by
// atlas-data.ts, so the first page load does not pay for it.
import { geoArea, geoEqualEarth, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The map's width in model units (the graph's coordinates); its height follows from the projection. */
export const mapWidth = 2400;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface CountryShape {
  /** ISO 3166-1 alpha-3, or null for a territory without one (Kosovo, Somaliland, N. Cyprus in Natural Earth). */
  readonly iso3: string | null;
  readonly name: string;
  /** Closed rings as flat [x0, y0, x1, y1, ...] lists in model coordinates. */
  readonly rings: readonly (readonly number[])[];
}

export interface Atlas {
  readonly width: number;
  readonly height: number;
  /** The globe's outline (the sea), as rings. */
  readonly sphere: readonly (readonly number[])[];
  readonly countries: readonly CountryShape[];
  /** Each country's representative point, by ISO alpha-3. */
  readonly points: ReadonlyMap<string, Point>;
}

/** One row of i18n-iso-countries' codes.json: alpha-2, alpha-3, numeric, ... */
export type CodeRow = readonly string[];

/** Left out of the map: it takes a wide band of an Equal Earth map and no relationship is about it. */
const leftOut = new Set(['ATA']);

/** The projection the atlas uses, fitted to `mapWidth` with the globe's top-left corner at (0, 0). */
export function mapProjection(): GeoProjection {
  return geoEqualEarth().fitWidth(mapWidth, { type: 'Sphere' });
}

/** A d3-geo path context that keeps the rings it is given. */
class RingRecorder implements GeoContext {
  readonly rings: number[][] = [];
  private ring: number[] | null = null;
  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.ring = [round(x), round(y)];
    this.rings.push(this.ring);
  }
  lineTo(x: number, y: number): void {
    this.ring?.push(round(x), round(y));
  }
  closePath(): void {
    this.ring = null;
  }
  arc(): void {}
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The largest polygon of a country by area on the sphere (its mainland). */
function mainland(geometry: Polygon | MultiPolygon): Position[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const area = (coordinates: Position[][]) => {
    const a = geoArea({ type: 'Polygon', coordinates });
    return Math.min(a, 4 * Math.PI - a); // either winding
  };
  return polygons.reduce((best, polygon) => (area(polygon) > area(best) ? polygon : best));
}

/** Twice the signed area of a flat ring (its sign tells the winding). */
function signedArea(ring: readonly number[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2)
    sum += ring[j]! * ring[i + 1]! - ring[i]! * ring[j + 1]!;
  return sum;
}

const pairs = (ring: readonly number[]) =>
  Array.from({ length: ring.length / 2 }, (_, i) => [ring[2 * i]!, ring[2 * i + 1]!]);

/**
 * A country's representative point: the pole of inaccessibility (polylabel) of its mainland as
 * drawn, the point inside it farthest from its edge. Unlike a centroid it always falls inside the
 * outline (the centroid of the United States with Alaska, or of France with French Guiana, falls
 * in the sea). The mainland is projected through the same path as the outlines, so one that
 * crosses the antimeridian (Russia's) is cut there like its outline; the largest projected ring
 * is the outer edge, and rings of the other winding inside it (Lesotho in South Africa) are holes.
 */
export function representativePoint(geometry: Polygon | MultiPolygon, projection: GeoProjection): Point {
  const recorder = new RingRecorder();
  geoPath(projection, recorder)({ type: 'Polygon', coordinates: mainland(geometry) });
  const rings = recorder.rings.filter((ring) => ring.length >= 6);
  const outer = rings.reduce((best, ring) => (Math.abs(signedArea(ring)) > Math.abs(signedArea(best)) ? ring : best));
  const holes = rings.filter((ring) => ring !== outer && Math.sign(signedArea(ring)) !== Math.sign(signedArea(outer)));
  const [x, y] = polylabel([outer, ...holes].map(pairs), 0.5);
  return { x: round(x), y: round(y) };
}

export function buildAtlas(topology: Topology, codes: readonly CodeRow[]): Atlas {
  const projection = mapProjection();
  const iso3ByNumeric = new Map(codes.map((row) => [row[2]!, row[1]!]));
  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const ringsOf = (object: Parameters<ReturnType<typeof geoPath>>[0]) => {
    const recorder = new RingRecorder();
    geoPath(projection, recorder)(object);
    return recorder.rings;
  };
  const countries: CountryShape[] = [];
  const points = new Map<string, Point>();
  for (const country of collection.features) {
    const iso3 = country.id === undefined ? null : (iso3ByNumeric.get(String(country.id)) ?? null);
    if (iso3 && leftOut.has(iso3)) continue;
    const geometry = country.geometry as Polygon | MultiPolygon | null;
    if (!geometry) continue;
    countries.push({ iso3, name: country.properties.name, rings: ringsOf(country) });
    if (iso3) points.set(iso3, representativePoint(geometry, projection));
  }
  const [[, top], [, bottom]] = geoPath(projection).bounds({ type: 'Sphere' });
  return { width: mapWidth, height: bottom - top, sphere: ringsOf({ type: 'Sphere' }), countries, points };
}
