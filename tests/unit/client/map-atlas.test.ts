import { geoContains } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { mapProjection, mapWidth } from '../../../client/src/map/atlas.ts';
import { atlas } from '../../../client/src/map/atlas-data.ts';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import { raw } from '../../seed/curated-fixture.ts';

const topology = countries as unknown as Topology;
const shapes = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>).features;
const projection = mapProjection();
const geometryOf = (name: string) => shapes.find((shape) => shape.properties.name === name)!.geometry;
const lonLatOf = (iso3: string) => {
  const point = atlas.points.get(iso3)!;
  return projection.invert!([point.x, point.y])! as [number, number];
};

describe('the atlas', () => {
  it('when built from the package, spans the map width with an Equal Earth aspect', () => {
    expect(atlas.width).toBe(mapWidth);
    // Equal Earth's width is 2.056 times its height.
    expect(atlas.width / atlas.height).toBeCloseTo(2.056, 2);
  });

  it.each(raw.entities.filter((entity) => entity.label === 'Country').map((entity) => [entity.iso3 as string]))(
    'when the seed data has the country %s, it has a representative point',
    (iso3) => {
      expect(atlas.points.has(iso3)).toBe(true);
    },
  );

  it.each([
    ['USA', 'United States of America'],
    ['FRA', 'France'],
    ['RUS', 'Russia'],
    ['NOR', 'Norway'],
    ['CHL', 'Chile'],
    ['IDN', 'Indonesia'],
    ['ZAF', 'South Africa'],
  ])('when a country is spread or ragged (%s), its point lies inside its own outline', (iso3, name) => {
    expect(geoContains(geometryOf(name) as Polygon | MultiPolygon, lonLatOf(iso3))).toBe(true);
  });

  it('when a country surrounds another (South Africa, Lesotho), its point is not in the enclave', () => {
    expect(geoContains(geometryOf('Lesotho') as Polygon, lonLatOf('ZAF'))).toBe(false);
  });

  it('when a territory has no ISO code (Kosovo), it is drawn but has no point', () => {
    expect(atlas.countries.some((country) => country.name === 'Kosovo' && country.iso3 === null)).toBe(true);
    expect(atlas.points.size).toBe(atlas.countries.filter((country) => country.iso3 !== null).length);
  });

  it('when Antarctica is in the package, it is left out of the map', () => {
    expect(atlas.points.has('ATA')).toBe(false);
    expect(atlas.countries.some((country) => country.name === 'Antarctica')).toBe(false);
  });
});
