// The atlas built from the data the packages ship (nothing is fetched from elsewhere at run time).
// Imported only through loadAtlas (atlas-loader.ts), so this module and its data form a chunk of
// their own that the page loads when a map is first shown.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import type { Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json' with { type: 'json' };
import { buildAtlas, type Atlas } from './atlas.ts';

export const atlas: Atlas = buildAtlas(countries as unknown as Topology, codes);
