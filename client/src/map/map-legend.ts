// The map's legend over the canvas: what the shading shows (a menu of measures), its classes as
// swatches, and how many nodes have no place on the map. Its root is the caller's.
import { h } from '../dom.ts';
import { mapColors } from './map-look.ts';
import { mapMeasureNames, mapMeasureTitles, type MapMeasureName, type ShadeClass } from './map-measures.ts';

export const classLabel = (shade: ShadeClass) =>
  shade.from === shade.to ? String(shade.from) : `${shade.from}–${shade.to}`;

export class MapLegend {
  private readonly select: HTMLSelectElement;
  private readonly swatches: HTMLElement;
  private readonly unplaced: HTMLElement;

  constructor(
    private readonly root: HTMLElement,
    choose: (measure: MapMeasureName) => void,
  ) {
    this.select = h(
      'select',
      { id: 'map-measure', 'aria-label': 'What the shading shows' },
      ...mapMeasureNames.map((name) => h('option', { value: name }, mapMeasureTitles[name])),
    );
    this.select.addEventListener('change', () => choose(this.select.value as MapMeasureName));
    this.swatches = h('ul', { class: 'map-swatches' });
    this.unplaced = h('p', { class: 'map-unplaced', 'aria-live': 'polite' });
    root.append(
      h('label', { for: 'map-measure', class: 'map-legend-title' }, 'Shading'),
      this.select,
      this.swatches,
      this.unplaced,
    );
    root.hidden = true;
  }

  render(measure: MapMeasureName, classes: readonly ShadeClass[], unplaced: number): void {
    this.root.hidden = false;
    this.select.value = measure;
    const swatch = (color: string, text: string) => {
      const chip = h('span', { class: 'map-swatch' });
      chip.style.background = color;
      return h('li', {}, chip, text);
    };
    this.swatches.replaceChildren(
      ...(measure === 'none'
        ? []
        : [swatch(mapColors.land, '0'), ...classes.map((shade) => swatch(shade.color, classLabel(shade)))]),
    );
    this.unplaced.textContent =
      unplaced === 0 ? 'Every node has a place.' : `${unplaced} without a place: in the strip under the map.`;
  }

  hide(): void {
    this.root.hidden = true;
  }
}
