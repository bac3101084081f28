// What the countries' shading shows: a measure per country over the relationships drawn (so it
// follows the filters, the date range among them, as they change), and the classes the legend
// lists. Pure. A relationship counts for the countries its ends sit by (see map-placement.ts):
// Lavrov visiting North Korea counts for Russia (his office) and North Korea.
import type { PlaceEdge } from './map-placement.ts';

export const mapMeasureNames = ['relationships', 'visits', 'none'] as const;
export type MapMeasureName = (typeof mapMeasureNames)[number];

export const mapMeasureTitles: Record<MapMeasureName, string> = {
  relationships: 'Relationships in view',
  visits: 'Visits received',
  none: 'No shading',
};

export function isMapMeasureName(value: unknown): value is MapMeasureName {
  return typeof value === 'string' && (mapMeasureNames as readonly string[]).includes(value);
}

type Measure = (edges: readonly PlaceEdge[], anchors: ReadonlyMap<string, string>) => Map<string, number>;

const add = (counts: Map<string, number>, iso3: string | undefined) => {
  if (iso3 !== undefined) counts.set(iso3, (counts.get(iso3) ?? 0) + 1);
};

const measures: Record<MapMeasureName, Measure> = {
  relationships: (edges, anchors) => {
    const counts = new Map<string, number>();
    for (const edge of edges) {
      const ends = new Set([anchors.get(edge.source), anchors.get(edge.target)]);
      for (const iso3 of ends) add(counts, iso3);
    }
    return counts;
  },
  visits: (edges, anchors) => {
    const counts = new Map<string, number>();
    for (const edge of edges) if (edge.type === 'VISITED') add(counts, anchors.get(edge.target));
    return counts;
  },
  none: () => new Map(),
};

/** The measure per country (ISO alpha-3) over the relationships given (those drawn); countries at 0 are left out. */
export function measureByCountry(
  name: MapMeasureName,
  edges: readonly PlaceEdge[],
  anchors: ReadonlyMap<string, string>,
): Map<string, number> {
  return measures[name](edges, anchors);
}

/** Light to dark, for counts from low to high (ColorBrewer's sequential "PuBu", five classes). */
export const shadeRamp = ['#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#045a8d'] as const;

export interface ShadeClass {
  /** Inclusive bounds. */
  readonly from: number;
  readonly to: number;
  readonly color: string;
}

/**
 * Up to five classes covering 1..max with bounds on whole numbers (counts): up to 5 each count
 * gets a class; above, the upper bounds grow geometrically (max^(i/5)) so one busy country does
 * not wash out the rest. Fewer classes take colours spread over the ramp.
 */
export function shadeClasses(max: number): ShadeClass[] {
  if (max < 1) return [];
  const count = Math.min(shadeRamp.length, max);
  const bounds: number[] = [];
  for (let i = 1; i <= count; i++) bounds.push(Math.round(Math.pow(max, i / count)));
  const classes: ShadeClass[] = [];
  let from = 1;
  for (let i = 0; i < bounds.length; i++) {
    const to = Math.max(from, bounds[i]!);
    if (from > max) break;
    classes.push({ from, to: Math.min(to, max), color: '' });
    from = to + 1;
  }
  const last = shadeRamp.length - 1;
  const colorAt = (i: number) =>
    classes.length === 1 ? shadeRamp[Math.floor(last / 2)]! : shadeRamp[Math.round((i * last) / (classes.length - 1))]!;
  return classes.map((shade, i) => ({ ...shade, color: colorAt(i) }));
}

/** The colour of a count under these classes; undefined for 0 (unshaded land). */
export function shadeOf(value: number, classes: readonly ShadeClass[]): string | undefined {
  return classes.find((shade) => value >= shade.from && value <= shade.to)?.color;
}
