// The explicit empty state: when the view holds nodes or relationships but the filters (or the
// user's hiding) leave none of them drawn, it says which filter hides what and offers to clear
// each, or all. Reads the scene and the state; changes them only through its callbacks. The
// caller gives the root element.
import { h, nodes } from './dom.ts';
import { hiddenBy, nothingDrawn, reasonLines, type FilterName } from './view/filter-reasons.ts';
import type { Scene } from './view/scene.ts';
import type { ViewState } from './view/view-state.ts';

export interface FilteredEmptyActions {
  /** Clears one filter ('user': shows what the user hid). */
  clear(filter: FilterName): void;
  /** Clears every filter and shows what the user hid. */
  clearAll(): void;
}

const clearTitles: Record<FilterName, string> = {
  labels: 'Show all labels',
  types: 'Show all types',
  dates: 'All dates',
  user: 'Show hidden',
};

export class FilteredEmpty {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: FilteredEmptyActions,
  ) {}

  /** Shows why nothing is drawn; `quiet` (while the timeline plays through empty months) keeps it hidden. */
  render(scene: Scene, state: ViewState, quiet = false): void {
    const what = quiet ? null : nothingDrawn(scene);
    const lines = what ? reasonLines(hiddenBy(scene, state)) : [];
    this.root.hidden = lines.length === 0;
    this.root.classList.toggle('no-nodes', what === 'nodes');
    if (lines.length === 0) {
      this.root.replaceChildren();
      return;
    }
    const heading =
      what === 'nodes'
        ? `Nothing drawn: the filters hide all ${scene.nodes.length} nodes in view.`
        : `No relationships drawn: the filters hide all ${scene.edges.length} in view.`;
    const button = (text: string, id: string, onClick: () => void) => {
      const element = h('button', { type: 'button', id }, text);
      element.addEventListener('click', onClick);
      return element;
    };
    this.root.replaceChildren(
      ...nodes(
        h('p', { class: 'fe-heading' }, heading),
        h(
          'ul',
          { class: 'fe-reasons' },
          ...lines.map(({ filter, text }) =>
            h(
              'li',
              { 'data-filter': filter },
              h('span', {}, text),
              button(clearTitles[filter], `clear-${filter}`, () => this.actions.clear(filter)),
            ),
          ),
        ),
        lines.length > 1 ? button('Clear all filters', 'clear-filters', () => this.actions.clearAll()) : null,
      ),
    );
  }
}
