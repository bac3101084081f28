// A handle for scripting from the browser console (and for the end-to-end tests): the view, its
// state, whether it is drawn as a large view, and merging elements into it (the view only, as a search does).
import type { Core } from 'cytoscape';
import type { Elements } from '../../common/api.ts';
import type { ViewState } from './permalink.ts';

export interface ExplorerHandle {
  cy: Core;
  state: () => ViewState;
  isLarge: () => boolean;
  merge: (elements: Elements) => Promise<unknown>;
}

declare global {
  interface Window {
    explorer?: ExplorerHandle;
  }
}
