// What follows the view state around the graph: the counts line, the empty-view hint, the undo and
// redo buttons, the layout menu and the URL's fragment. Elements are the caller's.
import type { Explorer } from './explorer.ts';
import type { Coverage } from './graph/reconciler.ts';
import { hiddenBy, reasonSummary } from './view/filter-reasons.ts';
import { encodeView } from './view/permalink.ts';
import type { Scene } from './view/scene.ts';
import type { ViewState } from './view/view-state.ts';

export interface ChromeRoots {
  counts: HTMLElement;
  empty: HTMLElement;
  undo: HTMLButtonElement;
  redo: HTMLButtonElement;
  layout: HTMLSelectElement;
}

/** The counts line: what is in view, and what is not drawn and why (per filter, given the state). */
export function countsText(scene: Scene, coverage: Coverage, state?: ViewState): string {
  const parts = [`${scene.nodes.length} nodes · ${scene.edges.length} relationships`];
  if (scene.hidden.size > 0) parts.push(`${scene.hidden.size} hidden`);
  if (scene.filtered.size > 0) {
    const why = state ? reasonSummary(hiddenBy(scene, state)) : '';
    parts.push(`${scene.filtered.size} filtered out${why ? ` (${why})` : ''}`);
  }
  if (coverage.notLoaded > 0) parts.push(`${coverage.notLoaded} more among these nodes not loaded (limit)`);
  if (coverage.unchecked > 0) {
    parts.push(
      `relationships of ${coverage.unchecked} nodes not checked (the server relates at most ${coverage.maxIds} nodes per view)`,
    );
  }
  return parts.join(' · ');
}

export class ViewChrome {
  /** The fragment this page last wrote (a hashchange to it is not a new link). */
  written = '';

  constructor(
    private readonly explorer: Explorer,
    private readonly roots: ChromeRoots,
  ) {
    explorer.onView((scene, state, coverage) => this.render(scene, state, coverage));
  }

  private render(scene: Scene, state: ViewState, coverage: Coverage): void {
    this.roots.counts.textContent = countsText(scene, coverage, state);
    this.roots.empty.hidden = state.nodes.length > 0;
    const undo = this.explorer.store.nextUndo();
    const redo = this.explorer.store.nextRedo();
    this.roots.undo.title = undo ? `Undo ${undo} (Ctrl+Z)` : 'Nothing to undo';
    this.roots.redo.title = redo ? `Redo ${redo} (Ctrl+Shift+Z)` : 'Nothing to redo';
    this.roots.layout.value = state.layout.name;
    this.writeUrl(state);
  }

  writeUrl(state: ViewState): void {
    const fragment = encodeView(state);
    if (fragment === this.written) return;
    this.written = fragment;
    history.replaceState(null, '', fragment ? `#${fragment}` : window.location.pathname + window.location.search);
  }
}
