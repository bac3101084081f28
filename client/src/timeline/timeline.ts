// The timeline panel: the relationships in view over time (monthly bars stacked by type, how
// exactly each is dated drawn into them), a brush that sets the view's date range, typed from/to
// dates, and playback: a window of whole months stepping through time. It reads the view state
// and the scene and changes the date range only through the callback it is given, so the graph,
// the URL and the exports follow it. The caller gives the root element.
import { brushX, type BrushBehavior, type D3BrushEvent } from 'd3-brush';
import { pointer, select, type Selection } from 'd3-selection';
import './timeline.css';
import { h } from '../dom.ts';
import { compareTypes } from '../palette.ts';
import { inDateRange, isOpen, type DateRange } from '../view/date-range.ts';
import type { Scene } from '../view/scene.ts';
import type { ViewState } from '../view/view-state.ts';
import { binTitle } from './bin-title.ts';
import { drawAxis, drawBars, hatchDefinitions, svgElement } from './histogram-svg.ts';
import { binByMonth, type Histogram } from './month-bins.ts';
import { monthAt, monthsIn, xOfDay, type MonthScale } from './month-scale.ts';
import { firstDay, lastDay, monthOf, monthsTitle } from './months.ts';
import { asWindow, moveEnd, playStart, stepSeconds, stepWindow, windowWidths, type MonthSpan } from './playback.ts';
import { rangeText } from './range-text.ts';
import { timelineRelationships } from './timeline-relationships.ts';
import { formatBound, parseTyped } from './typed-date.ts';

export interface TimelineActions {
  /** Sets the view's date range; `label` names the undo step, null for a step that is not one (playback). */
  setDates(range: DateRange, label: string | null): void;
  /** Playback started or stopped. */
  playingChanged(playing: boolean): void;
}

/** How far past the dated months the axis widens to show the range's bounds (further ones sit at its edge). */
const reach = 120;
const margin = { left: 10, right: 10, top: 6, bottom: 18 };
/** Bars and axis fill the chart's 88 px (timeline.css). */
const barsHeight = 64;
const widthTitles: Record<number, string> = { 1: '1 month', 3: '3 months', 6: '6 months', 12: '1 year' };
const speedTitles: Record<number, string> = {
  2: 'slow (2 s)',
  1: 'normal (1 s)',
  0.5: 'fast (½ s)',
  0.25: 'fastest (¼ s)',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export class Timeline {
  private readonly svg: SVGSVGElement;
  private readonly bars: SVGGElement;
  private readonly axis: SVGGElement;
  private readonly brushGroup: Selection<SVGGElement, unknown, null, undefined>;
  private readonly brush: BrushBehavior<unknown>;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly dateError: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly backButton: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly widthSelect: HTMLSelectElement;
  private readonly speedSelect: HTMLSelectElement;
  private readonly chart: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly tip: HTMLElement;
  private histogram: Histogram | null = null;
  private scale: MonthScale | null = null;
  private range: DateRange = {};
  private timer: ReturnType<typeof setInterval> | undefined;
  private brushing = false;
  /** Whether this play has recorded its undo step (steps after it are not steps of their own). */
  private playRecorded = false;
  private last: { scene: Scene; state: ViewState } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: TimelineActions,
  ) {
    const dateInput = (side: 'from' | 'to') =>
      h('input', {
        type: 'text',
        id: `date-${side}`,
        class: 'tl-date',
        inputmode: 'text',
        autocomplete: 'off',
        spellcheck: 'false',
        'aria-describedby': 'date-error',
        title: 'A year (2024), a month (May 2024), or a day (16 May 2024, 2024-05-16); empty: open',
      });
    this.fromInput = dateInput('from');
    this.toInput = dateInput('to');
    this.dateError = h('span', { id: 'date-error', class: 'tl-error', role: 'alert' });
    const clear = h('button', { type: 'button', class: 'link', id: 'date-clear' }, 'all dates');
    const button = (id: string, text: string, title: string) => h('button', { type: 'button', id, title }, text);
    this.backButton = button('play-back', '|◀︎', 'Step the window back a month');
    this.playButton = button('play-toggle', '▶︎ Play', 'Play: step the window through time');
    this.playButton.setAttribute('aria-pressed', 'false');
    this.stepButton = button('play-step', '▶︎|', 'Step the window on a month');
    this.widthSelect = h(
      'select',
      { id: 'play-width', title: 'How wide the window is' },
      ...windowWidths.map((width) => h('option', { value: String(width) }, widthTitles[width] ?? `${width} months`)),
    );
    this.widthSelect.value = '3';
    this.speedSelect = h(
      'select',
      { id: 'play-speed', title: 'How long each step shows' },
      ...stepSeconds.map((seconds) => h('option', { value: String(seconds) }, speedTitles[seconds] ?? `${seconds} s`)),
    );
    this.speedSelect.value = '1';
    this.summary = h('p', { class: 'tl-summary', id: 'timeline-summary', 'aria-live': 'polite' });
    this.svg = svgElement('svg', {
      class: 'tl-svg',
      id: 'timeline-svg',
      role: 'group',
      tabindex: '0',
    }) as SVGSVGElement;
    this.svg.setAttribute(
      'aria-label',
      'Relationships per month; drag across months to set the date range, or press ←/→ to move it a month and Shift+←/→ to move its end',
    );
    this.bars = svgElement('g', { class: 'tl-bars' });
    this.axis = svgElement('g', { class: 'tl-axis-group' });
    const brushElement = svgElement('g', { class: 'tl-brush', id: 'timeline-brush' });
    this.svg.append(hatchDefinitions(), this.bars, this.axis, brushElement);
    this.empty = h('p', { class: 'hint tl-empty', id: 'timeline-empty' });
    this.tip = h('div', { class: 'tl-tip', id: 'timeline-tip', role: 'tooltip', hidden: true });
    this.chart = h('div', { class: 'tl-chart' }, this.svg, this.empty, this.tip);
    const key = h(
      'div',
      { class: 'tl-key', 'aria-hidden': 'true' },
      h('span', { class: 'tl-key-day' }, 'to the day'),
      h('span', { class: 'tl-key-month' }, 'to the month'),
      h('span', { class: 'tl-key-spread' }, 'a year or a period, spread'),
    );
    root.append(
      h(
        'div',
        { class: 'tl-controls' },
        h(
          'div',
          { class: 'tl-dates', role: 'group', 'aria-label': 'Date range' },
          h('label', { for: 'date-from' }, 'From'),
          this.fromInput,
          h('label', { for: 'date-to' }, 'to'),
          this.toInput,
          clear,
        ),
        h(
          'div',
          { class: 'tl-play', role: 'group', 'aria-label': 'Playback' },
          this.backButton,
          this.playButton,
          this.stepButton,
          h('label', { for: 'play-width' }, 'window'),
          this.widthSelect,
          h('label', { for: 'play-speed', class: 'offscreen' }, 'speed'),
          this.speedSelect,
        ),
        this.summary,
      ),
      this.dateError,
      this.chart,
      key,
    );

    this.brush = brushX<unknown>()
      .on('start', (event: D3BrushEvent<unknown>) => {
        if (event.sourceEvent) {
          this.brushing = true;
          this.pause();
        }
      })
      .on('brush', (event: D3BrushEvent<unknown>) => {
        if (event.sourceEvent && event.selection && this.scale) {
          const [x0, x1] = event.selection as [number, number];
          const months = monthsIn(this.scale, x0, x1);
          this.summary.textContent = monthsTitle(months.first, months.last);
        }
      })
      .on('end', (event: D3BrushEvent<unknown>) => this.brushed(event));
    this.brushGroup = select(brushElement);

    for (const input of [this.fromInput, this.toInput]) {
      input.addEventListener('change', () => this.typed());
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') this.typed();
      });
    }
    clear.addEventListener('click', () => {
      this.pause();
      this.actions.setDates({}, 'all dates');
    });
    this.playButton.addEventListener('click', () => (this.timer ? this.pause() : this.play()));
    this.stepButton.addEventListener('click', () => this.step(1));
    this.backButton.addEventListener('click', () => this.step(-1));
    this.speedSelect.addEventListener('change', () => {
      if (this.timer) {
        this.stopTimer();
        this.startTimer();
      }
    });
    this.svg.addEventListener('keydown', (event) => this.key(event));
    this.svg.addEventListener('pointermove', (event) => this.point(event));
    this.svg.addEventListener('pointerleave', () => (this.tip.hidden = true));
    new ResizeObserver(() => {
      if (this.last) this.render(this.last.scene, this.last.state);
    }).observe(this.chart);
  }

  get playing(): boolean {
    return this.timer !== undefined;
  }

  render(scene: Scene, state: ViewState): void {
    this.last = { scene, state };
    this.range = state.filters.dates;
    const relationships = timelineRelationships(scene, state);
    const bounds = [this.range.from, this.range.to].flatMap((iso) => {
      const month = iso ? monthOf(iso) : undefined;
      return month === undefined ? [] : [month];
    });
    const data = relationships.map((edge) => edge.data);
    const histogram = binByMonth(data, compareTypes);
    const dated = histogram?.dated;
    const widen = dated
      ? bounds.filter(
          (month) =>
            (month < dated.first || month > dated.last) && month >= dated.first - reach && month <= dated.last + reach,
        )
      : [];
    this.histogram = widen.length > 0 ? binByMonth(data, compareTypes, widen) : histogram;
    this.renderInputs();
    this.renderSummary(relationships.map((edge) => edge.data));
    this.renderChart();
    this.renderPlayback();
  }

  private get span(): MonthSpan | null {
    return this.histogram?.dated ?? null;
  }

  private renderInputs(): void {
    for (const [input, side] of [
      [this.fromInput, 'from'],
      [this.toInput, 'to'],
    ] as const) {
      if (document.activeElement === input && input.getAttribute('aria-invalid') === 'true') continue;
      input.value = formatBound(this.range[side], side);
      input.removeAttribute('aria-invalid');
      const span = this.span;
      input.placeholder = span ? formatBound(side === 'from' ? firstDay(span.first) : lastDay(span.last), side) : '';
    }
    if (!this.fromInput.hasAttribute('aria-invalid') && !this.toInput.hasAttribute('aria-invalid'))
      this.dateError.textContent = '';
  }

  private renderSummary(relationships: readonly Record<string, unknown>[]): void {
    const total = relationships.length;
    const undated = this.histogram?.undated ?? total;
    const parts: string[] = [];
    if (isOpen(this.range)) {
      parts.push(plural(total, 'relationship'));
      if (this.span) parts.push(monthsTitle(this.span.first, this.span.last));
    } else {
      const inRange = relationships.filter((data) => inDateRange(data, this.range)).length;
      parts.push(`${inRange} of ${plural(total, 'relationship')} in ${rangeText(this.range)}`);
    }
    if (undated > 0) parts.push(`${undated} undated${isOpen(this.range) ? '' : ' (left out by any range)'}`);
    this.summary.textContent = parts.join(' · ');
  }

  private renderChart(): void {
    const histogram = this.histogram;
    const width = this.chart.clientWidth;
    if (!histogram || !histogram.dated) {
      this.svg.setAttribute('hidden', '');
      this.empty.textContent = 'No dated relationships in view: add nodes (search, expand) to see them over time.';
      this.empty.hidden = false;
      this.scale = null;
      return;
    }
    this.svg.removeAttribute('hidden');
    this.empty.hidden = true;
    if (width <= 0) return;
    const height = margin.top + barsHeight + margin.bottom;
    this.svg.setAttribute('width', String(width));
    this.svg.setAttribute('height', String(height));
    this.svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    // For tests and tools: which months the axis spans.
    this.svg.dataset.first = firstDay(histogram.first);
    this.svg.dataset.months = String(histogram.last - histogram.first + 1);
    const scale: MonthScale = {
      left: margin.left,
      width: width - margin.left - margin.right,
      first: histogram.first,
      last: histogram.last,
    };
    this.scale = scale;
    drawBars(this.bars, histogram, { scale, top: margin.top, height: barsHeight }, this.range);
    drawAxis(this.axis, scale, margin.top + barsHeight);
    this.brush.extent([
      [scale.left, margin.top],
      [scale.left + scale.width, margin.top + barsHeight],
    ]);
    this.brushGroup.call(this.brush);
    if (this.brushing) return;
    const { from, to } = this.range;
    this.brushGroup.call(
      this.brush.move,
      isOpen(this.range)
        ? null
        : [from ? xOfDay(scale, from, 'start') : scale.left, to ? xOfDay(scale, to, 'end') : scale.left + scale.width],
    );
  }

  private renderPlayback(): void {
    const span = this.span;
    for (const control of [this.playButton, this.stepButton, this.backButton, this.widthSelect])
      control.disabled = !span;
    if (!span) {
      this.pause();
      return;
    }
    const window = asWindow(this.range);
    if (window && !this.playing && windowWidths.includes(window.width as (typeof windowWidths)[number]))
      this.widthSelect.value = String(window.width);
    const width = this.width;
    this.stepButton.disabled = stepWindow(this.range, width, span, 1) === null;
    this.backButton.disabled = stepWindow(this.range, width, span, -1) === null;
  }

  private get width(): number {
    return Number(this.widthSelect.value) || 3;
  }

  /** Says what the month under the pointer holds. */
  private point(event: PointerEvent): void {
    const scale = this.scale;
    const histogram = this.histogram;
    if (!scale || !histogram || this.brushing) {
      this.tip.hidden = true;
      return;
    }
    const [x] = pointer(event, this.svg);
    const bin = histogram.bins[monthAt(scale, x) - histogram.first];
    if (!bin) return;
    this.tip.textContent = binTitle(bin);
    this.tip.hidden = false;
    const room = this.chart.clientWidth - this.tip.offsetWidth - 4;
    this.tip.style.left = `${Math.max(0, Math.min(x + 12, room))}px`;
  }

  /** The brush by keyboard: ←/→ step the range a month (as the step buttons), Shift+←/→ move its end. */
  private key(event: KeyboardEvent): void {
    const direction = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const span = this.span;
    if (direction === 0 || !span || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (!event.shiftKey) return this.step(direction);
    this.pause();
    const next = moveEnd(this.range, span, direction);
    if (next) this.actions.setDates(next, 'dates');
  }

  /** The brush let go: the months it covers become the range; a click picks the month under it. */
  private brushed(event: D3BrushEvent<unknown>): void {
    if (!event.sourceEvent) return;
    this.brushing = false;
    const scale = this.scale;
    if (!scale) return;
    let months: { first: number; last: number };
    if (event.selection) {
      const [x0, x1] = event.selection as [number, number];
      months = monthsIn(scale, x0, x1);
    } else {
      const [x] = pointer(event.sourceEvent as MouseEvent, this.svg);
      const month = monthAt(scale, x);
      months = { first: month, last: month };
    }
    this.actions.setDates({ from: firstDay(months.first), to: lastDay(months.last) }, 'dates');
  }

  private typed(): void {
    const from = parseTyped(this.fromInput.value, 'from');
    const to = parseTyped(this.toInput.value, 'to');
    this.fromInput.toggleAttribute('aria-invalid', !from.ok);
    this.toInput.toggleAttribute('aria-invalid', !to.ok);
    if (!from.ok || !to.ok) {
      this.dateError.textContent = `${!from.ok ? `From: ${from.message}` : ''}${!from.ok && !to.ok ? '; ' : ''}${!to.ok ? `To: ${to.message}` : ''}.`;
      return;
    }
    if (from.iso && to.iso && from.iso > to.iso) {
      this.toInput.setAttribute('aria-invalid', 'true');
      this.dateError.textContent = 'The range ends before it starts.';
      return;
    }
    this.dateError.textContent = '';
    this.pause();
    this.actions.setDates({ from: from.iso, to: to.iso }, 'dates');
    if (this.last) this.render(this.last.scene, this.last.state);
  }

  /** Steps the window a month on (1) or back (-1); one undo step each. */
  step(direction: 1 | -1): void {
    const span = this.span;
    if (!span) return;
    this.pause();
    const next = stepWindow(this.range, this.width, span, direction);
    if (next) this.actions.setDates(next, direction === 1 ? 'timeline step' : 'timeline step back');
  }

  /** Starts playing: the first window is one undo step, the steps after it are not. */
  play(): void {
    const span = this.span;
    if (!span || this.playing) return;
    const start = playStart(this.range, this.width, span);
    this.playRecorded = false;
    if (start.from !== this.range.from || start.to !== this.range.to) {
      this.actions.setDates(start, 'play timeline');
      this.playRecorded = true;
    }
    this.startTimer();
  }

  pause(): void {
    if (!this.playing) return;
    this.stopTimer();
  }

  private startTimer(): void {
    const seconds = Number(this.speedSelect.value) || 1;
    this.timer = setInterval(() => this.tick(), seconds * 1000);
    this.playButton.textContent = '❚❚ Pause';
    this.playButton.setAttribute('aria-pressed', 'true');
    this.root.classList.add('playing');
    this.actions.playingChanged(true);
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.playButton.textContent = '▶︎ Play';
    this.playButton.setAttribute('aria-pressed', 'false');
    this.root.classList.remove('playing');
    this.actions.playingChanged(false);
  }

  private tick(): void {
    const span = this.span;
    const next = span ? stepWindow(this.range, this.width, span, 1) : null;
    if (!next) {
      this.pause();
      return;
    }
    // The last step stops playing first, so what it draws is drawn as a stopped view.
    if (!span || stepWindow(next, this.width, span, 1) === null) this.pause();
    // One undo step takes the whole play back to where it started.
    this.actions.setDates(next, this.playRecorded ? null : 'play timeline');
    this.playRecorded = true;
  }
}
