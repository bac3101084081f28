// A handle for scripting from the browser console (and for the end-to-end tests and the browser
// benchmark): the canvas, the view state and what it shows, whether it is drawn as a large view,
// merging elements into it (as a query result does), and waiting until nothing is under way.
import type { Core } from 'cytoscape';
import type { Elements } from '../../common/api.ts';
import type { ViewState } from './view/view-state.ts';

export interface ExplorerHandle {
  readonly cy: Core;
  state: () => ViewState;
  /** Ids of the nodes in view, every relationship among them, and those drawn (after filters and hiding). */
  scene: () => { nodes: string[]; edges: string[]; drawn: string[] };
  isLarge: () => boolean;
  merge: (elements: Elements) => Promise<unknown>;
  /** Resolves when no request, render or layout is under way. */
  idle: () => Promise<void>;
}

declare global {
  interface Window {
    explorer?: ExplorerHandle;
  }
}
