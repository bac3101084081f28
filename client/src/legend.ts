// The legend, which doubles as the filters: node labels and relationship types with their counts
// in view, in a fixed order (labels as the palette lists them; types by family, then name), and a
// date range over the relationships' dates. It draws from the view state and the scene and changes
// the state only through the callbacks it is given.
import { h } from './dom.ts';
import { compareLabels, compareTypes, familyOf, familyTitles, labelLook, typeLook } from './palette.ts';
import { spanOf } from './view/date-range.ts';
import { isShown } from './view/name-filter.ts';
import type { Scene } from './view/scene.ts';
import type { ViewState } from './view/view-state.ts';

export interface LegendRoots {
  labels: HTMLElement;
  types: HTMLElement;
  dates: HTMLElement;
}

export interface LegendActions {
  setLabelShown(label: string, shown: boolean): void;
  setTypeShown(type: string, shown: boolean): void;
  setDates(from: string | undefined, to: string | undefined): void;
}

const day = 24 * 60 * 60 * 1000;
const toDay = (iso: string) => Math.floor(Date.parse(iso) / day);
const toIso = (dayNumber: number) => new Date(dayNumber * day).toISOString().slice(0, 10);

export class Legend {
  private knownLabels: string[] = [];
  private knownTypes: string[] = [];
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly rangeText: HTMLElement;
  private domain: [number, number] | null = null;

  constructor(
    private readonly roots: LegendRoots,
    private readonly actions: LegendActions,
  ) {
    this.fromInput = h('input', {
      type: 'range',
      id: 'date-from',
      'aria-label': 'Earliest relationship date',
      step: '1',
    });
    this.toInput = h('input', { type: 'range', id: 'date-to', 'aria-label': 'Latest relationship date', step: '1' });
    this.rangeText = h('div', { class: 'range-values', 'aria-live': 'polite' });
    const reset = h('button', { type: 'button', class: 'link', id: 'date-reset' }, 'all dates');
    roots.dates.append(
      h('label', { for: 'date-from' }, 'From'),
      this.fromInput,
      h('label', { for: 'date-to' }, 'To'),
      this.toInput,
      this.rangeText,
      h('div', { class: 'hint' }, 'Relationships outside the range (and undated ones) are not drawn. ', reset),
    );
    const onSlide = (moved: 'from' | 'to') => {
      let lo = Number(this.fromInput.value);
      let hi = Number(this.toInput.value);
      if (lo > hi) {
        if (moved === 'from') hi = lo;
        else lo = hi;
      }
      if (!this.domain) return;
      this.actions.setDates(lo <= this.domain[0] ? undefined : toIso(lo), hi >= this.domain[1] ? undefined : toIso(hi));
    };
    this.fromInput.addEventListener('change', () => onSlide('from'));
    this.toInput.addEventListener('change', () => onSlide('to'));
    this.fromInput.addEventListener('input', () => this.previewSlider());
    this.toInput.addEventListener('input', () => this.previewSlider());
    reset.addEventListener('click', () => this.actions.setDates(undefined, undefined));
  }

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
          scene.typeCounts.get(type) ?? 0,
          isShown(state.filters.types, type),
          swatch,
          (shown) => this.actions.setTypeShown(type, shown),
        ),
      );
    }
    this.roots.types.replaceChildren(...items);
    this.renderSlider(scene, state);
  }

  private toggle(
    group: string,
    name: string,
    count: number,
    shown: boolean,
    swatch: HTMLElement,
    onToggle: (shown: boolean) => void,
  ): HTMLElement {
    const box = h('input', { type: 'checkbox', 'data-filter': group, 'data-name': name });
    box.checked = shown;
    box.addEventListener('change', () => onToggle(box.checked));
    return h(
      'li',
      { class: count === 0 ? 'none-in-view' : undefined },
      h(
        'label',
        { title: `${count} in view` },
        box,
        swatch,
        h('span', {}, name),
        h('span', { class: 'count' }, String(count)),
      ),
    );
  }

  private previewSlider(): void {
    const lo = Math.min(Number(this.fromInput.value), Number(this.toInput.value));
    const hi = Math.max(Number(this.fromInput.value), Number(this.toInput.value));
    this.rangeText.querySelector('#date-from-value')?.replaceChildren(toIso(lo));
    this.rangeText.querySelector('#date-to-value')?.replaceChildren(toIso(hi));
  }

  private renderSlider(scene: Scene, state: ViewState): void {
    const { from, to } = state.filters.dates;
    let lo = Infinity;
    let hi = -Infinity;
    for (const edge of scene.edges) {
      const span = spanOf(edge.data);
      if (!span) continue;
      lo = Math.min(lo, toDay(span[0]));
      hi = Math.max(hi, toDay(span[1]));
    }
    if (from) lo = Math.min(lo, toDay(from));
    if (to) hi = Math.max(hi, toDay(to));
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      this.domain = null;
      this.fromInput.disabled = true;
      this.toInput.disabled = true;
      this.rangeText.replaceChildren(h('span', { class: 'hint' }, 'No dated relationships in view'));
      return;
    }
    this.domain = [lo, hi];
    for (const input of [this.fromInput, this.toInput]) {
      input.disabled = lo === hi;
      input.min = String(lo);
      input.max = String(hi);
    }
    this.fromInput.value = String(from ? toDay(from) : lo);
    this.toInput.value = String(to ? toDay(to) : hi);
    this.fromInput.setAttribute('aria-valuetext', from ?? toIso(lo));
    this.toInput.setAttribute('aria-valuetext', to ?? toIso(hi));
    const outside = scene.edges.filter((edge) => {
      const span = spanOf(edge.data);
      return (!!from || !!to) && (!span || (!!from && span[1] < from) || (!!to && span[0] > to));
    }).length;
    this.rangeText.replaceChildren(
      h('span', { id: 'date-from-value' }, from ?? toIso(lo)),
      h('span', { class: 'hint' }, outside > 0 ? `${outside} outside` : ''),
      h('span', { id: 'date-to-value' }, to ?? toIso(hi)),
    );
  }
}
