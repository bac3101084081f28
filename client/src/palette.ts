// Colours of the graph: one per node label and one look (colour, and a dash pattern once a family's
// colours run out) per relationship type, grouped by family. Built on Okabe and Ito's palette for
// colour-vision deficiencies: each family has its own hue, its types take darker and lighter
// shades of it, and labels take hues no family uses. tests/unit/client/palette.test.ts holds the
// distances between families, with and without simulated deuteranopia and protanopia.
import { ownValue } from '../../common/own-keys.ts';

export const families = ['conflict', 'economic', 'diplomatic', 'statements', 'roles'] as const;
export type Family = (typeof families)[number];

export const familyTitles: Record<Family, string> = {
  conflict: 'Conflict',
  economic: 'Economic',
  diplomatic: 'Diplomatic',
  statements: 'Statements',
  roles: 'Roles and other',
};

/** Each family's shades, most distinct first. */
export const familyColors: Record<Family, readonly string[]> = {
  conflict: ['#d55e00', '#8f3f00'],
  economic: ['#009e73', '#005c43'],
  diplomatic: ['#0072b2', '#003d63'],
  statements: ['#cc79a7', '#8a3d6b'],
  roles: ['#7a7a7a'],
};

/** Line patterns, used in turn once a family's shades are used up: dash and gap lengths; [] is solid. */
export const dashPatterns: readonly (readonly number[])[] = [[], [7, 4], [2, 3], [8, 3, 2, 3]];

/** The relationship types this data set knows, by family; any other type belongs to 'roles'. */
const typeFamilies: Record<Family, readonly string[]> = {
  conflict: ['ATTACKED', 'INVADED', 'RESTRICTS', 'SANCTIONS'],
  economic: ['DEPENDS_ON', 'SUPPLIES', 'TRADES_WITH'],
  diplomatic: [
    'ALLIED_WITH',
    'COOPERATES_WITH',
    'HOSTED',
    'MET_WITH',
    'PARTICIPATED_IN',
    'SIGNED_AGREEMENT',
    'SUPPORTS',
    'VISITED',
  ],
  statements: ['MADE_STATEMENT', 'URGED'],
  roles: ['HOLDS_OFFICE'],
};

export interface TypeLook {
  family: Family;
  color: string;
  /** [] for a solid line. */
  dash: readonly number[];
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

export function familyOf(type: string): Family {
  return families.find((family) => typeFamilies[family].includes(type)) ?? 'roles';
}

/** A type's look: its place in its family picks a shade, then a dash pattern. Unknown types: by a hash of the name. */
export function typeLook(type: string): TypeLook {
  const family = familyOf(type);
  const known = typeFamilies[family].indexOf(type);
  const colors = familyColors[family];
  const slots = colors.length * dashPatterns.length;
  const index =
    known >= 0 ? known : typeFamilies[family].length + (hashOf(type) % (slots - typeFamilies[family].length));
  return {
    family,
    color: colors[index % colors.length]!,
    dash: dashPatterns[Math.floor(index / colors.length) % dashPatterns.length]!,
  };
}

/** Legend order: by family, then by name. */
export function compareTypes(a: string, b: string): number {
  return families.indexOf(familyOf(a)) - families.indexOf(familyOf(b)) || a.localeCompare(b);
}

/** Every known type, in legend order (for tests and the legend before anything is loaded). */
export const knownTypes: readonly string[] = families.flatMap((family) => [...typeFamilies[family]].sort());

export interface LabelLook {
  color: string;
  /** The icon's colour on the node: dark on light fills. */
  ink: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'round-tag' | 'hexagon' | 'round-triangle';
}

const labelLooks: Record<string, LabelLook> = {
  Country: { color: '#e69f00', ink: '#1b2631', shape: 'ellipse' },
  Person: { color: '#56b4e9', ink: '#ffffff', shape: 'ellipse' },
  Organization: { color: '#1a1a1a', ink: '#ffffff', shape: 'round-rectangle' },
  Event: { color: '#f0e442', ink: '#1b2631', shape: 'diamond' },
  Source: { color: '#c4c4c4', ink: '#1b2631', shape: 'round-tag' },
};

/** Labels beyond the known ones share one neutral look and a shape of their own. */
const otherLabel: LabelLook = { color: '#ffffff', ink: '#1b2631', shape: 'hexagon' };

export function labelLook(label: string): LabelLook {
  return ownValue(labelLooks, label) ?? otherLabel;
}

export const knownLabels: readonly string[] = Object.keys(labelLooks);

/** Legend order for labels: the known ones in their order, then the others by name. */
export function compareLabels(a: string, b: string): number {
  const rank = (label: string) => (knownLabels.includes(label) ? knownLabels.indexOf(label) : knownLabels.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
