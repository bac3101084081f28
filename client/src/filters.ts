// Filters, which double as the legend: node-label and relationship-type toggles with counts
// in view, and a date-range slider over the relationships' dates. Filtered elements get the
// `filtered` class (not drawn), so filtering never changes the view's contents or the undo history.
import type { Core, EdgeSingular } from 'cytoscape';
import { h } from './dom.ts';
import { labelStyle, typeColor } from './style.ts';

export interface FilterState {
  hiddenLabels: string[];
  hiddenTypes: string[];
  from?: string;
  to?: string;
}

const day = 24 * 60 * 60 * 1000;
const toDay = (iso: string) => Math.floor(Date.parse(iso) / day);
const toIso = (dayNumber: number) => new Date(dayNumber * day).toISOString().slice(0, 10);

function edgeSpan(edge: EdgeSingular): [string, string] | null {
  const date = edge.data('date') as unknown;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  const end = edge.data('dateEnd') as unknown;
  return [
    date.slice(0, 10),
    typeof end === 'string' && /^\d{4}-\d{2}-\d{2}/.test(end) ? end.slice(0, 10) : date.slice(0, 10),
  ];
}

export class Filters {
  private readonly hiddenLabels = new Set<string>();
  private readonly hiddenTypes = new Set<string>();
  private from: string | undefined;
  private to: string | undefined;
  private knownLabels: string[] = [];
  private knownTypes: string[] = [];
  private domain: [number, number] | null = null;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly rangeText: HTMLElement;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly cy: Core,
    private readonly labelList: HTMLElement,
    private readonly typeList: HTMLElement,
    dateBox: HTMLElement,
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
    dateBox.append(
      h('label', { for: 'date-from' }, 'From'),
      this.fromInput,
      h('label', { for: 'date-to' }, 'To'),
      this.toInput,
      this.rangeText,
      h('div', { class: 'hint' }, 'Relationships outside the range are hidden; undated ones stay. ', reset),
    );
    const onSlide = (moved: 'from' | 'to') => {
      let lo = Number(this.fromInput.value);
      let hi = Number(this.toInput.value);
      if (lo > hi) {
        if (moved === 'from') hi = lo;
        else lo = hi;
        this.fromInput.value = String(lo);
        this.toInput.value = String(hi);
      }
      if (!this.domain) return;
      this.from = lo <= this.domain[0] ? undefined : toIso(lo);
      this.to = hi >= this.domain[1] ? undefined : toIso(hi);
      this.apply();
      this.renderSlider();
      this.emit();
    };
    this.fromInput.addEventListener('input', () => onSlide('from'));
    this.toInput.addEventListener('input', () => onSlide('to'));
    reset.addEventListener('click', () => this.setDates(undefined, undefined));
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  know(labels: string[], types: string[]): void {
    this.knownLabels = [...new Set([...this.knownLabels, ...labels.filter((label) => label !== 'Entity')])];
    this.knownTypes = [...new Set([...this.knownTypes, ...types])];
  }

  state(): FilterState {
    return {
      hiddenLabels: [...this.hiddenLabels].sort(),
      hiddenTypes: [...this.hiddenTypes].sort(),
      ...(this.from ? { from: this.from } : {}),
      ...(this.to ? { to: this.to } : {}),
    };
  }

  setState(state: FilterState): void {
    this.hiddenLabels.clear();
    state.hiddenLabels.forEach((label) => this.hiddenLabels.add(label));
    this.hiddenTypes.clear();
    state.hiddenTypes.forEach((type) => this.hiddenTypes.add(type));
    this.from = state.from;
    this.to = state.to;
    this.refresh();
  }

  setTypeShown(type: string, shown: boolean): void {
    if (shown) this.hiddenTypes.delete(type);
    else this.hiddenTypes.add(type);
    this.refresh();
    this.emit();
  }

  setLabelShown(label: string, shown: boolean): void {
    if (shown) this.hiddenLabels.delete(label);
    else this.hiddenLabels.add(label);
    this.refresh();
    this.emit();
  }

  setDates(from: string | undefined, to: string | undefined): void {
    this.from = from;
    this.to = to;
    this.refresh();
    this.emit();
  }

  /** Active (non-default) filters, for the relationships the API should fetch. */
  activeTypes(): string[] | undefined {
    if (this.hiddenTypes.size === 0) return undefined;
    return this.knownTypes.filter((type) => !this.hiddenTypes.has(type));
  }

  /** Re-applies the filters to the view and redraws the toggles' counts and the slider. */
  refresh(): void {
    this.apply();
    this.renderToggles();
    this.renderSlider();
  }

  private apply(): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        node.toggleClass('filtered', this.hiddenLabels.has(String(node.data('_kind'))));
      });
      cy.edges().forEach((edge) => {
        let out = this.hiddenTypes.has(String(edge.data('type')));
        const span = edgeSpan(edge);
        if (!out && span) {
          if (this.from && span[1] < this.from) out = true;
          if (this.to && span[0] > this.to) out = true;
        }
        edge.toggleClass('filtered', out);
      });
    });
  }

  private renderToggles(): void {
    const labelCounts = new Map<string, number>();
    this.cy.nodes().forEach((node) => {
      const kind = String(node.data('_kind'));
      labelCounts.set(kind, (labelCounts.get(kind) ?? 0) + 1);
    });
    const typeCounts = new Map<string, number>();
    this.cy.edges().forEach((edge) => {
      const type = String(edge.data('type'));
      typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
    });
    const labels = [...new Set([...this.knownLabels, ...labelCounts.keys()])];
    const types = [...new Set([...this.knownTypes, ...typeCounts.keys()])];
    const byCount = (counts: Map<string, number>) => (a: string, b: string) =>
      (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b);

    this.labelList.replaceChildren(
      ...labels.sort(byCount(labelCounts)).map((label) => {
        const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
        swatch.style.background = labelStyle(label).color;
        return this.toggle(
          'label',
          label,
          labelCounts.get(label) ?? 0,
          !this.hiddenLabels.has(label),
          swatch,
          (shown) => this.setLabelShown(label, shown),
        );
      }),
    );
    this.typeList.replaceChildren(
      ...types.sort(byCount(typeCounts)).map((type) => {
        const swatch = h('span', { class: 'swatch line', 'aria-hidden': 'true' });
        swatch.style.background = typeColor(type);
        return this.toggle('type', type, typeCounts.get(type) ?? 0, !this.hiddenTypes.has(type), swatch, (shown) =>
          this.setTypeShown(type, shown),
        );
      }),
    );
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

  private renderSlider(): void {
    let lo = Infinity;
    let hi = -Infinity;
    this.cy.edges().forEach((edge) => {
      const span = edgeSpan(edge);
      if (!span) return;
      lo = Math.min(lo, toDay(span[0]));
      hi = Math.max(hi, toDay(span[1]));
    });
    if (this.from) lo = Math.min(lo, toDay(this.from));
    if (this.to) hi = Math.max(hi, toDay(this.to));
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
    this.fromInput.value = String(this.from ? toDay(this.from) : lo);
    this.toInput.value = String(this.to ? toDay(this.to) : hi);
    this.fromInput.setAttribute('aria-valuetext', this.from ?? toIso(lo));
    this.toInput.setAttribute('aria-valuetext', this.to ?? toIso(hi));
    const hidden = this.cy.edges().filter((edge) => {
      const span = edgeSpan(edge);
      return !!span && ((!!this.from && span[1] < this.from) || (!!this.to && span[0] > this.to));
    }).length;
    this.rangeText.replaceChildren(
      h('span', { id: 'date-from-value' }, this.from ?? toIso(lo)),
      h('span', { class: 'hint' }, hidden > 0 ? `${hidden} outside` : ''),
      h('span', { id: 'date-to-value' }, this.to ?? toIso(hi)),
    );
  }
}
