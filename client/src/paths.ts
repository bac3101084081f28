// Shortest paths: pick two nodes (search or "path from/to here"), fetch the shortest path(s)
// from the API, merge them into the view and highlight them.
import type { SearchHit } from '../../common/api.ts';
import { api } from './api.ts';
import { h } from './dom.ts';
import type { Explorer } from './explorer.ts';
import { attachSearch } from './search.ts';
import type { Status } from './status.ts';

interface End {
  id: string;
  name: string;
}

export class Paths {
  private ends: { from: End | null; to: End | null } = { from: null, to: null };
  private readonly chips: Record<'from' | 'to', HTMLElement>;
  private readonly maxLength: HTMLInputElement;
  private readonly all: HTMLInputElement;
  private readonly result: HTMLElement;
  private readonly findButton: HTMLButtonElement;

  constructor(
    root: HTMLElement,
    private readonly explorer: Explorer,
    private readonly status: Status,
  ) {
    const endBox = (role: 'from' | 'to') => {
      const input = h('input', {
        id: `path-${role}-input`,
        type: 'search',
        placeholder: role === 'from' ? 'Start node…' : 'End node…',
        autocomplete: 'off',
        role: 'combobox',
        'aria-expanded': 'false',
        'aria-controls': `path-${role}-list`,
        'aria-label': role === 'from' ? 'Path start node' : 'Path end node',
      });
      const list = h('ul', { id: `path-${role}-list`, class: 'suggestions', role: 'listbox', hidden: true });
      attachSearch({ input, list, onPick: (hit: SearchHit) => this.setEnd(role, hit.id, hit.label), limit: 8 });
      const chip = h('div', { class: 'hint', id: `path-${role}` }, 'not set');
      return { box: h('div', { class: 'combobox' }, input, list), chip };
    };
    const from = endBox('from');
    const to = endBox('to');
    this.chips = { from: from.chip, to: to.chip };
    this.maxLength = h('input', {
      type: 'number',
      id: 'path-max',
      min: '1',
      max: '6',
      value: '4',
      'aria-label': 'Most hops',
    });
    this.all = h('input', { type: 'checkbox', id: 'path-all' });
    this.findButton = h('button', { type: 'button', id: 'path-find', class: 'primary' }, 'Find path');
    const selected = h(
      'button',
      { type: 'button', id: 'path-selected', title: 'Use the two selected nodes' },
      'Use selection',
    );
    const clear = h('button', { type: 'button', id: 'path-clear' }, 'Clear');
    this.result = h('div', { id: 'path-result', 'aria-live': 'polite' });
    root.append(
      h(
        'div',
        { class: 'paths-form' },
        h('label', { for: 'path-from-input' }, 'From'),
        from.box,
        from.chip,
        h('label', { for: 'path-to-input' }, 'To'),
        to.box,
        to.chip,
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'path-max' }, 'Hops ≤'),
          this.maxLength,
          h('label', {}, this.all, ' all shortest'),
        ),
        h('div', { class: 'row' }, this.findButton, selected, clear),
        this.result,
      ),
    );
    this.findButton.addEventListener('click', () => void this.find());
    clear.addEventListener('click', () => this.clearHighlight());
    selected.addEventListener('click', () => this.betweenSelected());
    this.renderEnds();
  }

  /** A path between the two selected nodes. */
  betweenSelected(): void {
    const nodes = this.explorer.current.nodes.filter((node) => this.explorer.state.selection.includes(node.data.id));
    if (nodes.length !== 2) {
      this.status.say('Select exactly two nodes (Shift+click or Ctrl+click) to find a path between them.', 'error');
      return;
    }
    this.setEnd('from', nodes[0]!.data.id, nodes[0]!.data.label);
    this.setEnd('to', nodes[1]!.data.id, nodes[1]!.data.label);
    void this.find();
  }

  setEnd(role: 'from' | 'to', id: string, name: string): void {
    this.ends[role] = { id, name };
    this.renderEnds();
    if (this.ends.from && this.ends.to) this.findButton.focus();
  }

  private renderEnds(): void {
    for (const role of ['from', 'to'] as const) {
      const end = this.ends[role];
      this.chips[role].textContent = end ? `${end.name}` : 'not set';
    }
    this.findButton.disabled = !(this.ends.from && this.ends.to);
  }

  clearHighlight(): void {
    const cy = this.explorer.canvas.cy;
    cy.elements().removeClass('path path-end faded');
    this.result.replaceChildren();
  }

  async find(): Promise<void> {
    const { from, to } = this.ends;
    if (!from || !to) return;
    if (from.id === to.id) {
      this.result.replaceChildren(h('p', { class: 'hint' }, 'Start and end are the same node.'));
      return;
    }
    try {
      const response = await this.status.withBusy('Finding path', () =>
        api.paths({ from: from.id, to: to.id, maxLength: Number(this.maxLength.value) || 4, all: this.all.checked }),
      );
      this.clearHighlight();
      if (!response.meta.found || response.meta.paths.length === 0) {
        this.result.replaceChildren(
          h(
            'p',
            { class: 'hint' },
            `No path of at most ${this.maxLength.value} hops between ${from.name} and ${to.name}.`,
          ),
        );
        return;
      }
      await this.explorer.merge(`path ${from.id} → ${to.id}`, response.elements);
      await this.explorer.idle();
      const cy = this.explorer.canvas.cy;
      cy.batch(() => {
        cy.elements().addClass('faded');
        for (const path of response.meta.paths) {
          for (const id of [...path.nodes, ...path.edges]) cy.getElementById(id).removeClass('faded').addClass('path');
        }
        cy.getElementById(from.id).addClass('path-end');
        cy.getElementById(to.id).addClass('path-end');
      });
      const names = (ids: string[]) => ids.map((id) => String(cy.getElementById(id).data('label') ?? id));
      this.result.replaceChildren(
        h(
          'p',
          { class: 'hint' },
          `${response.meta.paths.length} shortest path${response.meta.paths.length > 1 ? 's' : ''} of ${response.meta.length} hop${response.meta.length === 1 ? '' : 's'}:`,
        ),
        h(
          'ol',
          { class: 'path-result' },
          ...response.meta.paths.map((path) => h('li', {}, names(path.nodes).join(' → '))),
        ),
      );
      cy.animate({ fit: { eles: cy.elements('.path'), padding: 60 }, duration: 300 });
    } catch (error) {
      this.status.sayError('Path search failed', error);
      this.result.replaceChildren(h('p', { class: 'hint' }, 'Path search failed; see the status line.'));
    }
  }
}
