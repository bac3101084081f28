// Loads the atlas once, on first use (a dynamic import: the map's data is a chunk of its own).
import type { Atlas } from './atlas.ts';

let loading: Promise<Atlas> | undefined;
let loaded: Atlas | undefined;

export function loadAtlas(): Promise<Atlas> {
  loading ??= import('./atlas-data.ts').then(
    (module) => (loaded = module.atlas),
    (error: unknown) => {
      loading = undefined; // the next use tries again
      throw error;
    },
  );
  return loading;
}

/** The atlas if it has loaded, without waiting (a wait lets the page draw a frame in between). */
export function loadedAtlas(): Atlas | undefined {
  return loaded;
}
