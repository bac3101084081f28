// The card a selected bundle opens: its members (type, direction, date at its precision, summary,
// verbatim quote), oldest first, with "Unfold" to draw them one by one. A member can be picked to
// unfold the pair and inspect that relationship. Its root element is the caller's.
import { formatDate } from '../../../common/dates/format-date.ts';
import type { DateFields } from '../../../common/dates/iso-date.ts';
import type { EdgeElement } from '../../../common/api.ts';
import { h } from '../dom.ts';
import { typeColor } from '../style.ts';
import type { Scene } from '../view/scene.ts';
import type { ViewState } from '../view/view-state.ts';
import type { NodePair } from './bundle-choice.ts';
import { bundleOfSelection, type DrawnEdges } from './bundles.ts';

export interface BundleCardActions {
  unfold(pair: NodePair): void;
  /** Unfolds the pair and selects one of its relationships. */
  inspect(pair: NodePair, id: string): void;
  close(): void;
  /** The card was opened over the canvas: keep the pair in sight beside it. */
  shown(pair: NodePair, card: DOMRect): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** Members oldest first (undated last), then by id. */
export function membersInOrder(edges: readonly EdgeElement[]): EdgeElement[] {
  return [...edges].sort((a, b) => {
    const left = text(a.data.date) || '\uffff';
    const right = text(b.data.date) || '\uffff';
    return left < right ? -1 : left > right ? 1 : a.data.id < b.data.id ? -1 : 1;
  });
}

export class BundleCard {
  private shown: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: BundleCardActions,
  ) {
    root.hidden = true;
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-label', 'Bundled relationships');
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      this.actions.close();
    });
  }

  render(scene: Scene, state: ViewState, drawn: DrawnEdges): void {
    const bundle = bundleOfSelection(drawn, state.selection);
    if (!bundle) {
      this.root.hidden = true;
      this.shown = null;
      return;
    }
    const key = `${bundle.id}|${bundle.members.join(',')}`;
    if (key === this.shown) return;
    this.shown = key;
    const names = new Map(scene.nodes.map((node) => [node.data.id, node.data.label]));
    const nameOf = (id: string) => names.get(id) ?? id;
    const edges = new Map(scene.edges.map((edge) => [edge.data.id, edge]));
    const members = membersInOrder(bundle.members.flatMap((id) => (edges.has(id) ? [edges.get(id)!] : [])));
    const unfold = h('button', { type: 'button', id: 'bundle-unfold', class: 'primary' }, 'Unfold');
    unfold.addEventListener('click', () => this.actions.unfold(bundle.pair));
    const close = h('button', { type: 'button', class: 'link', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.actions.close());
    const items = members.map((edge) => {
      const { id, source, target, type } = edge.data;
      const badge = h('span', { class: 'type-badge' }, type);
      badge.style.background = typeColor(type);
      const pick = h(
        'button',
        { type: 'button', class: 'member-head', title: 'Unfold and inspect this relationship' },
        badge,
        h('span', { class: 'member-ends' }, `${nameOf(source)} → ${nameOf(target)}`),
        h('span', { class: 'member-date' }, formatDate(edge.data as DateFields) || 'undated'),
      );
      pick.addEventListener('click', () => this.actions.inspect(bundle.pair, id));
      return h(
        'li',
        { 'data-id': id },
        pick,
        text(edge.data.summary) ? h('p', { class: 'member-summary' }, text(edge.data.summary)) : null,
        text(edge.data.quote) ? h('blockquote', { class: 'member-quote' }, `“${text(edge.data.quote)}”`) : null,
      );
    });
    this.root.replaceChildren(
      h(
        'div',
        { class: 'bundle-head' },
        h(
          'h3',
          { id: 'bundle-title' },
          `${nameOf(bundle.pair[0])} – ${nameOf(bundle.pair[1])}: ${members.length} relationships`,
        ),
        unfold,
        close,
      ),
      h('ol', { class: 'bundle-members', id: 'bundle-members' }, ...items),
    );
    this.root.hidden = false;
    this.actions.shown(bundle.pair, this.root.getBoundingClientRect());
  }
}
