import { describe, expect, it } from 'vitest';
import { stripCaption } from '../../../client/src/map/map-look.ts';
import { placeEdge, placeNode } from '../../../client/src/map/map-nodes.ts';

describe("the placement rules' view of the data", () => {
  it.each([
    ['a country', 'Country', { iso3: 'RUS', name: 'Russia' }, { iso3: 'RUS' }],
    ['an event with a place', 'Event', { country: 'country:UKR', countryQuote: '…' }, { country: 'country:UKR' }],
    ['an organisation with a seat', 'Organization', { seat: 'country:CHN' }, { seat: 'country:CHN' }],
    ['a node with empty or odd values', 'Event', { country: '', iso3: 7 }, {}],
  ])('when the node is %s, keeps only the fields the rules read', (_situation, kind, data, expected) => {
    expect(placeNode('n', kind, data)).toEqual({ id: 'n', kind, ...expected });
  });

  it('when a relationship is read, keeps its id, ends and type', () => {
    expect(placeEdge({ id: 'r', source: 'a', target: 'b', type: 'VISITED', date: '2024-01-01' })).toEqual({
      id: 'r',
      source: 'a',
      target: 'b',
      type: 'VISITED',
    });
  });

  it.each([
    [1, 'No place on the map: 1 node'],
    [5, 'No place on the map: 5 nodes'],
  ])('when %i nodes have no place, the caption counts them', (count, caption) => {
    expect(stripCaption(count)).toBe(caption);
  });
});
