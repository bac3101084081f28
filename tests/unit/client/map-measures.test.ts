import { describe, expect, it } from 'vitest';
import {
  measureByCountry,
  shadeClasses,
  shadeOf,
  shadeRamp,
  type MapMeasureName,
} from '../../../client/src/map/map-measures.ts';
import type { PlaceEdge } from '../../../client/src/map/map-placement.ts';

const anchors = new Map([
  ['country:RUS', 'RUS'],
  ['country:PRK', 'PRK'],
  ['country:CHN', 'CHN'],
  ['lavrov', 'RUS'],
  ['putin', 'RUS'],
]);
const edges: PlaceEdge[] = [
  { id: 'r1', source: 'lavrov', target: 'country:PRK', type: 'VISITED' },
  { id: 'r2', source: 'lavrov', target: 'country:CHN', type: 'VISITED' },
  { id: 'r3', source: 'putin', target: 'country:RUS', type: 'HOLDS_OFFICE' },
  { id: 'r4', source: 'putin', target: 'nowhere', type: 'MET_WITH' },
];

describe('measures per country', () => {
  it.each<[MapMeasureName, Record<string, number>]>([
    ['relationships', { RUS: 4, PRK: 1, CHN: 1 }],
    ['visits', { PRK: 1, CHN: 1 }],
    ['none', {}],
  ])('when the measure is %s, each country counts what its ends sit by', (name, expected) => {
    expect(Object.fromEntries(measureByCountry(name, edges, anchors))).toEqual(expected);
  });

  it('when both ends sit by one country, the relationship counts once for it', () => {
    expect(measureByCountry('relationships', [edges[2]!], anchors).get('RUS')).toBe(1);
  });
});

describe('shading classes', () => {
  it('when nothing is counted, there are no classes', () => {
    expect(shadeClasses(0)).toEqual([]);
  });

  it.each([1, 2, 5, 6, 17, 100, 5000])(
    'when the largest count is %i, the classes cover 1 to it without gaps',
    (max) => {
      const classes = shadeClasses(max);
      expect(classes[0]!.from).toBe(1);
      expect(classes.at(-1)!.to).toBe(max);
      for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBe(classes[i - 1]!.to + 1);
      expect(classes.length).toBeLessThanOrEqual(shadeRamp.length);
    },
  );

  it('when there are five classes or more counts, light means few and dark means many', () => {
    const classes = shadeClasses(100);
    expect(shadeOf(1, classes)).toBe(shadeRamp[0]);
    expect(shadeOf(100, classes)).toBe(shadeRamp[4]);
  });

  it('when a country counts nothing, it is not shaded', () => {
    expect(shadeOf(0, shadeClasses(10))).toBeUndefined();
  });
});
