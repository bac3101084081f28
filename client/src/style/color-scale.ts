// Colours for property values: a categorical palette (Okabe and Ito's, then darker shades of it)
// and a ranged scale (viridis, which reads in order for colour-vision deficiencies too),
// interpolated in Oklab.
import { formatHex, interpolate } from 'culori';

export const categoricalPalette = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
  '#003d63',
  '#8f3f00',
  '#005c43',
  '#8a3d6b',
] as const;

/** The colour of the i-th category; past the palette, colours repeat. */
export function categoricalColor(index: number): string {
  return categoricalPalette[index % categoricalPalette.length]!;
}

const viridis = interpolate(['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'], 'oklab');

/** The colour at `share` (0 to 1) of a ranged scale. */
export function rangedColor(share: number): string {
  return formatHex(viridis(Math.min(1, Math.max(0, share))));
}
