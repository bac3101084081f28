// The legend, which doubles as the filters: node labels and relationship types with their counts
// in view, in a fixed order (labels as the palette lists them; types by family, then name). A
// type's count is what it draws while shown, so it follows the date range (the timeline sets it).
// It draws from the view state and the scene and changes the state only through the callbacks it
// is given.
import { h } from './dom.ts';
import { compareLabels, compareTypes, familyOf, familyTitles, labelLook, typeLook } from './palette.ts';
import { isShown } from './view/name-filter.ts';
import type { Scene } from './view/scene.ts';
import type { ViewState } from './view/view-state.ts';

export interface LegendRoots {
  labels: HTMLElement;
  types: HTMLElement;
}

export interface LegendActions {
  setLabelShown(label: string, shown: boolean): void;
  setTypeShown(type: string, shown: boolean): void;
}

export class Legend {
  private knownLabels: string[] = [];
  private knownTypes: string[] = [];

  constructor(
    private readonly roots: LegendRoots,
    private readonly actions: LegendActions,
  ) {}

  /** The schema's labels and types: listed even with none in view. */
  know(labels: string[], types: string[]): void {
    this.knownLabels = labels.filter((label) => label !== 'Entity');
    this.knownTypes = types;
  }

  render(scene: Scene, state: ViewState): void {
    const labels = [...new Set([...this.knownLabels, ...scene.labelCounts.keys()])].sort(compareLabels);
    const types = [...new Set([...this.knownTypes, ...scene.typeCounts.keys()])].sort(compareTypes);
    this.roots.labels.replaceChildren(
      ...labels.map((label) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = labelLook(label).color;
        return this.toggle(
          'label',
          label,
          scene.labelCounts.get(label) ?? 0,
          isShown(state.filters.labels, label),
          swatch,
          (shown) => this.actions.setLabelShown(label, shown),
        );
      }),
    );
    const items: HTMLElement[] = [];
    let family: string | null = null;
    for (const type of types) {
      if (familyOf(type) !== family) {
        family = familyOf(type);
        items.push(h('li', { class: 'family', 'aria-hidden': 'true' }, familyTitles[familyOf(type)]));
      }
      const look = typeLook(type);
      const swatch = h('span', { class: 'swatch line', 'aria-hidden': 'true' });
      swatch.style.borderTopColor = look.color;
      swatch.style.borderTopStyle = look.dash.length === 0 ? 'solid' : look.dash[0]! <= 2 ? 'dotted' : 'dashed';
      items.push(
        this.toggle(
          'type',
          type,
          scene.typeCountsShown.get(type) ?? 0,
          isShown(state.filters.types, type),
          swatch,
          (shown) => this.actions.setTypeShown(type, shown),
          scene.typeCounts.get(type) ?? 0,
        ),
      );
    }
    this.roots.types.replaceChildren(...items);
  }

  private toggle(
    group: string,
    name: string,
    count: number,
    shown: boolean,
    swatch: HTMLElement,
    onToggle: (shown: boolean) => void,
    inView = count,
  ): HTMLElement {
    const box = h('input', { type: 'checkbox', 'data-filter': group, 'data-name': name });
    box.checked = shown;
    box.addEventListener('change', () => onToggle(box.checked));
    return h(
      'li',
      { class: count === 0 ? 'none-in-view' : undefined },
      h(
        'label',
        {
          title:
            inView === count ? `${count} in view` : `${count} in view and in the date range (${inView} in view in all)`,
        },
        box,
        swatch,
        h('span', {}, name),
        h('span', { class: 'count' }, String(count)),
      ),
    );
  }
}
