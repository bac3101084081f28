// Draws the timeline's histogram into SVG groups: one bar per month stacked by relationship type
// (the type's colour from the palette), with how exactly each part is dated drawn into it (solid:
// to the day; hatched: to the month; pale: spread over a year or a period), months outside the
// date range faded, and a year axis. Plain SVG elements; the brush lives in its own group.
import { typeLook } from '../palette.ts';
import { overlapsRange } from '../../../common/dates/date-interval.ts';
import type { DateRange } from '../view/date-range.ts';
import type { Histogram } from './month-bins.ts';
import { monthWidth, xOfMonth, type MonthScale } from './month-scale.ts';
import { firstDay, isJanuary, lastDay, yearOfMonth } from './months.ts';

const ns = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(ns, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** The pattern month-precision parts are hatched with (white stripes over the type's colour). */
export function hatchDefinitions(): SVGDefsElement {
  return svgElement(
    'defs',
    {},
    svgElement(
      'pattern',
      { id: 'tl-hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svgElement('rect', { width: 1.6, height: 4, fill: 'rgb(255 255 255 / 70%)' }),
    ),
  );
}

export interface BarsLayout {
  readonly scale: MonthScale;
  /** Top of the bars' area and its height. */
  readonly top: number;
  readonly height: number;
}

/** The bars, one group per month, faded when the month lies outside the range. */
export function drawBars(group: SVGGElement, histogram: Histogram, layout: BarsLayout, range: DateRange): void {
  const { scale, top, height } = layout;
  const w = monthWidth(scale);
  const gap = w > 5 ? 1 : 0;
  const bottom = top + height;
  const unit = histogram.max > 0 ? height / histogram.max : 0;
  const months: SVGGElement[] = [];
  for (const bin of histogram.bins) {
    const x = xOfMonth(scale, bin.month) + gap / 2;
    const inRange = overlapsRange({ start: firstDay(bin.month), end: lastDay(bin.month) }, range);
    const month = svgElement('g', {
      class: inRange ? 'tl-month' : 'tl-month tl-outside',
      'data-month': firstDay(bin.month).slice(0, 7),
    });
    let y = bottom;
    for (const segment of bin.segments) {
      // A sliver (a year spread over its months) is drawn at least 1.5 px tall, so it can be seen.
      const h = Math.min(Math.max(segment.weight * unit, 1.5), y - top);
      y -= h;
      const attributes = { x, y, width: Math.max(w - gap, 0.5), height: h, 'data-type': segment.type };
      const color = typeLook(segment.type).color;
      month.append(
        svgElement('rect', {
          ...attributes,
          fill: color,
          class: `tl-part tl-${segment.exactness}`,
          'data-exactness': segment.exactness,
        }),
      );
      if (segment.exactness === 'month') month.append(svgElement('rect', { ...attributes, fill: 'url(#tl-hatch)' }));
    }
    months.push(month);
  }
  group.replaceChildren(...months);
}

/** The axis under the bars: a tick per month when there is room, and the years. */
export function drawAxis(group: SVGGElement, scale: MonthScale, y: number): void {
  const w = monthWidth(scale);
  const items: SVGElement[] = [
    svgElement('line', { x1: scale.left, x2: scale.left + scale.width, y1: y, y2: y, class: 'tl-axis' }),
  ];
  // The year is written at each January, and at the first month when its January is far enough off.
  const yearEvery = Math.max(1, Math.ceil(34 / (12 * w)));
  for (let month = scale.first; month <= scale.last + 1; month++) {
    const x = xOfMonth(scale, month);
    const january = isJanuary(month);
    if (january || w >= 4)
      items.push(svgElement('line', { x1: x, x2: x, y1: y, y2: y + (january ? 6 : 3), class: 'tl-tick' }));
    const year = yearOfMonth(month);
    const firstLabel = month === scale.first && !january && (12 - (month % 12)) * w >= 34;
    const labelled = month <= scale.last && ((january && year % yearEvery === 0) || firstLabel);
    if (labelled) items.push(svgElement('text', { x: x + 2, y: y + 14, class: 'tl-year' }, String(year)));
  }
  group.replaceChildren(...items);
}
