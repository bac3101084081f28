// Loads the atlas once, on first use (a dynamic import: the map's data is a chunk of its own).
import type { Atlas } from './atlas.ts';

let loading: Promise<Atlas> | undefined;

export function loadAtlas(): Promise<Atlas> {
  loading ??= import('./atlas-data.ts').then((module) => module.atlas);
  return loading;
}
