// What the map underlay shows besides the outlines: each country's fill and the strip of nodes
// without a place. Derived from the view (map-view.ts); drawn on screen and into exports alike.
import type { StripBox } from './map-placement.ts';

export interface MapLook {
  /** Fill colour per ISO alpha-3; countries not in it are plain land. */
  readonly fills: ReadonlyMap<string, string>;
  /** The strip of nodes without a place, or null when every node has one. */
  readonly strip: StripBox | null;
  /** How many times the atlas's size the map is drawn (map-placement.ts, mapScale). */
  readonly scale: number;
}

export const mapColors = {
  sea: '#e8f0f6',
  land: '#f6f4ef',
  border: '#a9b4bf',
  stripPanel: 'rgba(255, 255, 255, 0.85)',
  stripInk: '#5d6d7e',
} as const;

/** The strip's caption: how many nodes have no place on the map. */
export function stripCaption(count: number): string {
  return `No place on the map: ${count} node${count === 1 ? '' : 's'}`;
}
