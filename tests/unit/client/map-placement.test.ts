import { describe, expect, it } from 'vitest';
import {
  anchorsOf,
  fanOffsets,
  fanRadius,
  fanSpacing,
  mapScale,
  mapScales,
  placeOnMap,
  type PlaceEdge,
  type PlaceNode,
} from '../../../client/src/map/map-placement.ts';
import type { Point } from '../../../client/src/map/atlas.ts';
import { atlas } from '../../../client/src/map/atlas-data.ts';
import { raw } from '../../seed/curated-fixture.ts';

const points = new Map<string, Point>([
  ['RUS', { x: 1650, y: 100 }],
  ['CHN', { x: 1800, y: 280 }],
  ['UKR', { x: 1300, y: 170 }],
  ['BLR', { x: 1290, y: 150 }],
]);
const frame = { width: 2400, height: 1200 };

const country = (iso3: string): PlaceNode => ({ id: `country:${iso3}`, kind: 'Country', iso3 });
const person = (id: string): PlaceNode => ({ id, kind: 'Person' });
const org = (id: string, seat?: string): PlaceNode => ({ id, kind: 'Organization', ...(seat ? { seat } : {}) });
const event = (id: string, where?: string): PlaceNode => ({ id, kind: 'Event', ...(where ? { country: where } : {}) });
let next = 0;
const rel = (source: string, type: string, target: string): PlaceEdge => ({ id: `r${next++}`, source, target, type });

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

describe('which country a node sits by', () => {
  it.each<[string, PlaceNode[], PlaceEdge[], string, string | undefined]>([
    ['a country, by its own code', [country('RUS')], [], 'country:RUS', 'RUS'],
    [
      'a person, by the country they hold office in',
      [country('RUS'), country('CHN'), person('p')],
      [rel('p', 'VISITED', 'country:CHN'), rel('p', 'HOLDS_OFFICE', 'country:RUS')],
      'p',
      'RUS',
    ],
    [
      'a person whose office is an organisation, by where the organisation sits',
      [org('o', 'country:CHN'), person('p')],
      [rel('p', 'HOLDS_OFFICE', 'o')],
      'p',
      'CHN',
    ],
    ['a person without an office', [country('RUS'), person('p')], [rel('p', 'VISITED', 'country:RUS')], 'p', undefined],
    ['an event, by where it happened', [event('e', 'country:UKR')], [], 'e', 'UKR'],
    [
      'an event the data gives no place, whatever its ties',
      [country('RUS'), event('e')],
      [rel('country:RUS', 'PARTICIPATED_IN', 'e')],
      'e',
      undefined,
    ],
    [
      'an organisation with a seat, by its seat over its ties',
      [country('RUS'), org('o', 'country:CHN')],
      [rel('o', 'MADE_STATEMENT', 'country:RUS')],
      'o',
      'CHN',
    ],
    [
      'an organisation without a seat, by the country it has most relationships with',
      [country('RUS'), country('UKR'), org('o')],
      [rel('o', 'SANCTIONS', 'country:RUS'), rel('o', 'SUPPORTS', 'country:UKR'), rel('country:UKR', 'URGED', 'o')],
      'o',
      'UKR',
    ],
    [
      'an organisation tied to two countries equally, by the first code',
      [country('RUS'), country('UKR'), org('o')],
      [rel('o', 'SANCTIONS', 'country:RUS'), rel('o', 'SUPPORTS', 'country:UKR')],
      'o',
      'RUS',
    ],
    [
      'an organisation tied only to placed people, by where most of them sit',
      [country('CHN'), person('p'), org('o')],
      [rel('p', 'HOLDS_OFFICE', 'country:CHN'), rel('p', 'PUBLISHED_IN', 'o')],
      'o',
      'CHN',
    ],
    ['a country the map has no point for', [country('SGP')], [], 'country:SGP', undefined],
    ['an event in a country the map has no point for', [event('e', 'country:SGP')], [], 'e', undefined],
    ['a source (no rule places it)', [{ id: 's', kind: 'Source' }], [], 's', undefined],
  ])('when %s', (_situation, nodes, edges, id, expected) => {
    expect(anchorsOf(nodes, edges, points).get(id)).toBe(expected);
  });

  it('when an event names a country that is not in view, it still sits by that country', () => {
    expect(anchorsOf([event('e', 'country:CHN')], [], points).get('e')).toBe('CHN');
  });
});

describe('the fan around a country', () => {
  it('when many nodes share a country, no two of them are closer than the spacing', () => {
    const offsets = fanOffsets(60);
    for (let i = 0; i < offsets.length; i++)
      for (let j = i + 1; j < offsets.length; j++)
        expect(distance(offsets[i]!, offsets[j]!)).toBeGreaterThan(fanSpacing * 0.75);
  });

  it('when one node sits by a country, it goes above the country', () => {
    const [only] = fanOffsets(1);
    expect(only!.x).toBeCloseTo(0);
    expect(only!.y).toBeLessThan(0);
  });
});

describe('placing a view on the map', () => {
  const nodes = [
    country('RUS'),
    country('UKR'),
    country('BLR'),
    ...Array.from({ length: 12 }, (_, i) => person(`p${i}`)),
    event('e', 'country:UKR'),
    person('nobody'),
    { id: 's', kind: 'Source' },
  ];
  const edges = Array.from({ length: 12 }, (_, i) =>
    rel(`p${i}`, 'HOLDS_OFFICE', i % 3 === 0 ? 'country:BLR' : 'country:UKR'),
  );
  const placement = placeOnMap(nodes, edges, points, frame);
  const placed = [...placement.positions].filter(([id]) => !placement.unplaced.includes(id));

  it('when groups of neighbouring countries would overlap, no two nodes end up closer than a node', () => {
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        expect(distance(placed[i]![1], placed[j]![1]), `${placed[i]![0]} and ${placed[j]![0]}`).toBeGreaterThan(40);
  });

  it('when a country has no neighbours to make room for, it stays on its point', () => {
    expect(placement.positions.get('country:RUS')).toEqual(points.get('RUS'));
  });

  it('when groups are pushed apart, each stays near its point', () => {
    expect(distance(placement.positions.get('country:UKR')!, points.get('UKR')!)).toBeLessThan(250);
    expect(distance(placement.positions.get('country:BLR')!, points.get('BLR')!)).toBeLessThan(250);
  });

  it('when nodes have no place, they are counted and stand in a strip under the map', () => {
    expect(placement.unplaced).toEqual(['nobody', 's']);
    for (const id of placement.unplaced) expect(placement.positions.get(id)!.y).toBeGreaterThan(frame.height);
    expect(placement.strip).toMatchObject({ count: 2 });
    expect(placement.strip.y).toBeGreaterThan(frame.height);
  });

  it('when many nodes have no place, the strip fills rows no wider than the map, none on another', () => {
    const many = Array.from({ length: 100 }, (_, i) => person(`x${String(i).padStart(3, '0')}`));
    const { positions, strip } = placeOnMap(many, [], points, frame);
    const spots = [...positions.values()];
    for (const spot of spots) expect(spot.x).toBeLessThan(frame.width);
    expect(new Set(spots.map((spot) => `${spot.x},${spot.y}`)).size).toBe(100);
    expect(strip.y + strip.height).toBeGreaterThan(Math.max(...spots.map((spot) => spot.y)));
  });

  it('when the same view is placed twice, the positions are the same', () => {
    const again = placeOnMap([...nodes].reverse(), [...edges].reverse(), points, frame);
    expect(again.positions).toEqual(placement.positions);
  });
});

describe('the seed data on the map', () => {
  const nodes: PlaceNode[] = raw.entities.map((entity) => ({
    id: entity.id,
    kind: entity.label,
    ...(entity.iso3 ? { iso3: entity.iso3 } : {}),
    ...(entity.country ? { country: entity.country } : {}),
    ...(entity.seat ? { seat: entity.seat } : {}),
  }));
  const edges: PlaceEdge[] = raw.relations.map((relation) => ({ ...relation }));
  const placement = placeOnMap(nodes, edges, atlas.points, atlas);

  it('when every entity is in view, every country is placed on the map', () => {
    const countries = nodes.filter((node) => node.kind === 'Country').map((node) => node.id);
    expect(countries.filter((id) => placement.unplaced.includes(id))).toEqual([]);
  });

  it('when every entity is in view, every event and everyone holding office in a country is placed', () => {
    const holders = new Set(
      raw.relations
        .filter((r) => r.type === 'HOLDS_OFFICE' && (r.target as string).startsWith('country:'))
        .map((r) => r.source as string),
    );
    const expected = nodes.filter((node) => node.kind === 'Event' || holders.has(node.id)).map((node) => node.id);
    expect(expected.filter((id) => placement.unplaced.includes(id))).toEqual([]);
  });

  it('when every entity is in view, the events sit by the countries the data names', () => {
    expect(placement.anchors.get('event:kursk-incursion-2024')).toBe('RUS');
    expect(placement.anchors.get('event:kharkiv-offensive-2024')).toBe('UKR');
  });
});

describe('the scale the map is drawn at', () => {
  it('when a view is small, the map is drawn at its own size', () => {
    expect(mapScale([country('RUS'), person('p')], [rel('p', 'HOLDS_OFFICE', 'country:RUS')], points, frame)).toBe(1);
  });

  it('when thousands of nodes sit by countries, the map grows so their groups fit near their points', () => {
    const people = Array.from({ length: 3000 }, (_, i) => person(`p${i}`));
    const offices = people.map((p, i) => rel(p.id, 'HOLDS_OFFICE', `country:${['RUS', 'CHN', 'UKR', 'BLR'][i % 4]}`));
    const nodes = [country('RUS'), country('CHN'), country('UKR'), country('BLR'), ...people];
    const scale = mapScale(nodes, offices, points, frame);
    expect(scale).toBeGreaterThan(1);
    expect(mapScales).toContain(scale);
    const placement = placeOnMap(nodes, offices, points, frame, scale);
    // Near: within a fraction of its own group's size (750 people around it).
    expect(distance(placement.positions.get('country:RUS')!, { x: 1650 * scale, y: 100 * scale })).toBeLessThan(
      fanRadius(750) / 3,
    );
  });
});
