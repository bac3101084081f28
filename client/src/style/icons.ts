// Icons a label can show, by name: the palette's own per label (a country's flag, a person, a
// building, a calendar, a page) and a few more to choose from in the style editor. Drawn as SVG in
// the label's ink colour.
import { labelLook } from '../palette.ts';
import { flagDataUri } from '../style.ts';
import { ownValue } from '../../../common/own-keys.ts';

/** SVG bodies on a 24x24 grid; INK is replaced by the label's ink colour. */
const bodies: Record<string, string> = {
  person: '<circle cx="12" cy="8" r="4" fill="INK"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" fill="INK"/>',
  building: '<path d="M3 9l9-5 9 5v1H3z M5 11h2v7H5z M11 11h2v7h-2z M17 11h2v7h-2z M3 19h18v2H3z" fill="INK"/>',
  calendar:
    '<rect x="4" y="6" width="16" height="14" rx="2" fill="none" stroke="INK" stroke-width="2"/><path d="M4 10h16M8 3v5M16 3v5" stroke="INK" stroke-width="2"/>',
  page: '<path d="M5 4h11l3 3v13H5z" fill="none" stroke="INK" stroke-width="1.5"/><path d="M8 10h8M8 13h8M8 16h5" stroke="INK" stroke-width="1.5"/>',
  star: '<path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z" fill="INK"/>',
  shield: '<path d="M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6z" fill="INK"/>',
  pin: '<path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" fill="INK"/>',
  globe:
    '<circle cx="12" cy="12" r="9" fill="none" stroke="INK" stroke-width="1.8"/><path d="M3 12h18M12 3c2.8 3 2.8 15 0 18M12 3c-2.8 3-2.8 15 0 18" fill="none" stroke="INK" stroke-width="1.5"/>',
};

/** `flag` (a country's, by its iso3) and `none` besides the drawn ones. */
export const iconNames = ['flag', ...Object.keys(bodies), 'none'] as const;

/** Each known label's own icon. */
const labelIcons: Record<string, string> = {
  Country: 'flag',
  Person: 'person',
  Organization: 'building',
  Event: 'calendar',
  Source: 'page',
};

export function defaultIcon(label: string): string {
  return ownValue(labelIcons, label) ?? 'none';
}

/** The image a node of `label` shows with icon `name` (undefined: none). */
export function iconImage(name: string, label: string, iso3: string): string | undefined {
  if (name === 'flag') return flagDataUri(iso3);
  const body = ownValue(bodies, name)?.replaceAll('INK', labelLook(label).ink);
  if (!body) return undefined;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}
