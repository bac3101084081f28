import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, parse, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import {
  compareLabels,
  compareTypes,
  dashPatterns,
  familyColors,
  families,
  familyOf,
  knownLabels,
  knownTypes,
  labelLook,
  typeLook,
} from '../../../client/src/palette.ts';

const distance = differenceCiede2000();
const vision: [string, (color: Color) => Color, number][] = [
  // CIEDE2000 distances: the least that lines and fills of two families may be apart.
  ['normal vision', (color) => color, 15],
  ['deuteranopia', filterDeficiencyDeuter(1), 5],
  ['protanopia', filterDeficiencyProt(1), 5],
];

/** Every colour with the group it belongs to: each relationship family, and each node label on its own. */
const groups: [string, readonly string[]][] = [
  ...families.map((family) => [family, familyColors[family]] as [string, readonly string[]]),
  ...knownLabels.map((label) => [`label ${label}`, [labelLook(label).color]] as [string, readonly string[]]),
];

describe('palette', () => {
  it.each(vision)('with %s, no two groups have colours closer than the set distance', (_, see, least) => {
    const close: string[] = [];
    for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++)
        for (const a of groups[i]![1])
          for (const b of groups[j]![1]) {
            const apart = distance(see(parse(a)!), see(parse(b)!));
            if (apart < least) close.push(`${groups[i]![0]} ${a} / ${groups[j]![0]} ${b}: ${apart.toFixed(1)}`);
          }
    expect(close).toEqual([]);
  });

  it('when two known types share a family, they differ in colour or in dash', () => {
    const looks = knownTypes.map((type) => {
      const look = typeLook(type);
      return `${look.family} ${look.color} ${look.dash.join(',')}`;
    });
    expect(new Set(looks).size).toBe(knownTypes.length);
  });

  it('when a type is unknown, it is drawn in the roles family with a look that stays the same', () => {
    expect(typeLook('BORDERS_WITH')).toEqual(typeLook('BORDERS_WITH'));
    expect(typeLook('BORDERS_WITH').family).toBe('roles');
    expect(dashPatterns).toContainEqual(typeLook('BORDERS_WITH').dash);
  });

  it.each([
    ['SANCTIONS', 'conflict'],
    ['TRADES_WITH', 'economic'],
    ['VISITED', 'diplomatic'],
    ['URGED', 'statements'],
    ['HOLDS_OFFICE', 'roles'],
  ])('when the type is %s, its family is %s', (type, family) => {
    expect(familyOf(type)).toBe(family);
  });

  it('when sorting types for the legend, orders them by family, then name', () => {
    expect(['VISITED', 'URGED', 'SANCTIONS', 'ATTACKED', 'TRADES_WITH'].sort(compareTypes)).toEqual([
      'ATTACKED',
      'SANCTIONS',
      'TRADES_WITH',
      'VISITED',
      'URGED',
    ]);
  });

  it('when sorting labels for the legend, puts the known ones first in their order', () => {
    expect(['Zebra', 'Event', 'Country', 'Alpha'].sort(compareLabels)).toEqual(['Country', 'Event', 'Alpha', 'Zebra']);
  });
});
