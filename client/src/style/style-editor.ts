// The style editor: captions per label and per relationship type, colour and size rules, icons
// per label, bundling, and the style as a file. It reads the view (labels, types and property keys
// in view) and changes the style only through the actions it is given. Its root is the caller's.
import type { JsonValue } from '../../../common/api.ts';
import { internalKeys } from '../canvas.ts';
import { h } from '../dom.ts';
import { compareLabels, compareTypes } from '../palette.ts';
import { primaryLabel } from '../style.ts';
import type { Scene } from '../view/scene.ts';
import type { ViewState } from '../view/view-state.ts';
import { numericValue, type LegendEntry } from './element-style.ts';
import { defaultIcon, iconNames } from './icons.ts';
import {
  anyName,
  edgeCaptionKeys,
  nodeCaptionKeys,
  type CaptionKeys,
  type ColorRule,
  type SizeRule,
  type ViewStyle,
} from './view-style.ts';
import { ownValue } from '../../../common/own-keys.ts';

export interface StyleEditorActions {
  change(label: string, update: (style: ViewStyle) => ViewStyle): void;
  setBundling(on: boolean): void;
  exportStyle(): void;
  importStyle(file: File): void;
  reset(): void;
}

export interface StyleLegends {
  node: readonly LegendEntry[];
  edge: readonly LegendEntry[];
}

const nodeSkip = new Set(['id', 'label', 'labels', ...internalKeys]);
const edgeSkip = new Set(['id', 'source', 'target', 'type', 'date', 'dateEnd', 'datePrecision', ...internalKeys]);

interface Keys {
  /** Property keys present, and which of them hold numbers or dates. */
  all: string[];
  ranged: Set<string>;
}

function keysOf(datas: readonly Readonly<Record<string, JsonValue>>[], skip: Set<string>): Keys {
  const all = new Set<string>();
  const ranged = new Set<string>();
  for (const data of datas)
    for (const [key, value] of Object.entries(data)) {
      if (skip.has(key) || value === null) continue;
      all.add(key);
      if (numericValue(value) !== undefined) ranged.add(key);
    }
  return { all: [...all].sort(), ranged };
}

const encode = (value: unknown) => JSON.stringify(value);

function select(
  attributes: Record<string, string>,
  options: [value: unknown, text: string][],
  current: unknown,
  onChange: (value: unknown) => void,
): HTMLSelectElement {
  const element = h('select', attributes);
  const chosen = encode(current);
  const values = options.map(([value]) => encode(value));
  // A value the view no longer offers (a key not in view) is still shown, so nothing changes silently.
  const all = values.includes(chosen) ? options : [...options, [current, `${encode(current)} (not in view)`] as const];
  for (const [value, text] of all) {
    const option = h('option', { value: encode(value) }, text);
    option.selected = encode(value) === chosen;
    element.append(option);
  }
  element.addEventListener('change', () => onChange(JSON.parse(element.value) as unknown));
  return element;
}

function legendList(id: string, entries: readonly LegendEntry[]): HTMLElement | null {
  if (entries.length === 0) return null;
  const shown = entries.slice(0, 12);
  return h(
    'ul',
    { class: 'style-legend', id },
    ...shown.map((entry) => {
      const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
      swatch.style.background = entry.color;
      return h('li', {}, swatch, h('span', {}, entry.text));
    }),
    entries.length > shown.length ? h('li', { class: 'hint' }, `and ${entries.length - shown.length} more`) : null,
  );
}

export class StyleEditor {
  private signature = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: StyleEditorActions,
  ) {}

  render(scene: Scene, state: ViewState, legends: StyleLegends): void {
    const labels = [...scene.labelCounts.keys()].sort(compareLabels);
    const types = [...scene.typeCounts.keys()].sort(compareTypes);
    const nodeKeys = keysOf(
      scene.nodes.map((node) => node.data),
      nodeSkip,
    );
    const edgeKeys = keysOf(
      scene.edges.map((edge) => edge.data),
      edgeSkip,
    );
    const keysByLabel = new Map(
      labels.map((label) => [
        label,
        keysOf(
          scene.nodes.filter((node) => primaryLabel(node.data.labels ?? []) === label).map((node) => node.data),
          nodeSkip,
        ).all,
      ]),
    );
    const signature = encode([labels, types, nodeKeys.all, edgeKeys.all, state.style, state.bundling.on, legends]);
    if (signature === this.signature) return;
    this.signature = signature;
    const focused = document.activeElement?.id;
    const perTypeOpen = this.root.querySelector<HTMLDetailsElement>('.style-more')?.open ?? false;
    this.build(state, labels, types, nodeKeys, edgeKeys, keysByLabel, legends);
    const perType = this.root.querySelector<HTMLDetailsElement>('.style-more');
    if (perType) perType.open = perTypeOpen;
    if (focused && this.root.contains(document.getElementById(focused))) document.getElementById(focused)?.focus();
  }

  private build(
    state: ViewState,
    labels: string[],
    types: string[],
    nodeKeys: Keys,
    edgeKeys: Keys,
    keysByLabel: Map<string, string[]>,
    legends: StyleLegends,
  ): void {
    const style = state.style;
    const change = this.actions.change.bind(this.actions);
    const nodeCaptionOptions = (keys: string[]): [CaptionKeys, string][] => [
      [['label'], 'name'],
      ...keys.map((key): [CaptionKeys, string] => [[key], key]),
      [['label', 'date'], 'name · date'],
      [[], '(none)'],
    ];
    const edgeCaptionOptions: [CaptionKeys, string][] = [
      [['type'], 'type'],
      [['date'], 'date'],
      [['type', 'date'], 'type · date'],
      ...edgeKeys.all.map((key): [CaptionKeys, string] => [[key], key]),
      [[], '(none)'],
    ];
    const nodeCaptionRow = (label: string, title: string, keys: string[]) =>
      h(
        'label',
        { class: 'style-row' },
        h('span', {}, title),
        select(
          { 'data-caption-label': label, id: `style-caption-label-${label}` },
          nodeCaptionOptions(keys),
          label === anyName ? (style.nodeCaptions[anyName] ?? ['label']) : nodeCaptionKeys(style, label),
          (keys) =>
            change(`caption of ${title}`, (s) => ({
              ...s,
              nodeCaptions: { ...s.nodeCaptions, [label]: keys as CaptionKeys },
            })),
        ),
      );
    const edgeCaptionRow = (type: string, title: string) =>
      h(
        'label',
        { class: 'style-row' },
        h('span', {}, title),
        select(
          { 'data-caption-type': type, id: `style-caption-type-${type}` },
          edgeCaptionOptions,
          type === anyName ? (style.edgeCaptions[anyName] ?? ['type']) : edgeCaptionKeys(style, type),
          (keys) =>
            change(`caption of ${title}`, (s) => ({
              ...s,
              edgeCaptions: { ...s.edgeCaptions, [type]: keys as CaptionKeys },
            })),
        ),
      );
    const colorOptions = (kindText: string, keys: Keys): [ColorRule, string][] => [
      [{ by: 'kind' }, kindText],
      ...keys.all.flatMap((property): [ColorRule, string][] => [
        [{ by: 'property', property, scale: 'categorical' }, `${property} (each value)`],
        ...(keys.ranged.has(property)
          ? [[{ by: 'property', property, scale: 'ranged' }, `${property} (range)`] as [ColorRule, string]]
          : []),
      ]),
      ...(kindText === 'type'
        ? [[{ by: 'property', property: 'date', scale: 'ranged' }, 'date (range)'] as [ColorRule, string]]
        : []),
    ];
    const sizeOptions: [SizeRule, string][] = [
      [{ by: 'kind' }, 'label'],
      [{ by: 'degree' }, 'relationships in view (degree)'],
      ...[...nodeKeys.ranged].map((property): [SizeRule, string] => [{ by: 'property', property }, property]),
    ];
    const bundling = h('input', { type: 'checkbox', id: 'style-bundling' });
    bundling.checked = state.bundling.on;
    bundling.addEventListener('change', () => this.actions.setBundling(bundling.checked));
    const button = (id: string, text: string, onClick: () => void) => {
      const element = h('button', { type: 'button', id }, text);
      element.addEventListener('click', onClick);
      return element;
    };
    const importInput = h('input', {
      type: 'file',
      id: 'style-import-file',
      accept: '.json,application/json',
      class: 'offscreen',
      tabindex: '-1',
      'aria-hidden': 'true',
    });
    importInput.addEventListener('change', () => {
      const file = importInput.files?.[0];
      importInput.value = '';
      if (file) this.actions.importStyle(file);
    });
    this.root.replaceChildren(
      h(
        'fieldset',
        { class: 'style-group' },
        h('legend', {}, 'Node captions'),
        nodeCaptionRow(anyName, 'every label', nodeKeys.all),
        ...labels.map((label) => nodeCaptionRow(label, label, keysByLabel.get(label) ?? [])),
      ),
      h(
        'fieldset',
        { class: 'style-group' },
        h('legend', {}, 'Relationship captions'),
        edgeCaptionRow(anyName, 'every type'),
        types.length > 0
          ? h(
              'details',
              { class: 'style-more' },
              h('summary', {}, `per type (${types.length})`),
              ...types.map((type) => edgeCaptionRow(type, type)),
            )
          : null,
      ),
      h(
        'fieldset',
        { class: 'style-group' },
        h('legend', {}, 'Colour and size'),
        h(
          'label',
          { class: 'style-row' },
          h('span', {}, 'nodes by'),
          select({ id: 'style-node-color' }, colorOptions('label', nodeKeys), style.nodeColor, (rule) =>
            change('node colours', (s) => ({ ...s, nodeColor: rule as ColorRule })),
          ),
        ),
        legendList('style-node-legend', legends.node),
        h(
          'label',
          { class: 'style-row' },
          h('span', {}, 'relationships by'),
          select({ id: 'style-edge-color' }, colorOptions('type', edgeKeys), style.edgeColor, (rule) =>
            change('relationship colours', (s) => ({ ...s, edgeColor: rule as ColorRule })),
          ),
        ),
        legendList('style-edge-legend', legends.edge),
        h(
          'label',
          { class: 'style-row' },
          h('span', {}, 'node size by'),
          select({ id: 'style-node-size' }, sizeOptions, style.nodeSize, (rule) =>
            change('node sizes', (s) => ({ ...s, nodeSize: rule as SizeRule })),
          ),
        ),
      ),
      h(
        'fieldset',
        { class: 'style-group' },
        h('legend', {}, 'Icons'),
        ...labels.map((label) =>
          h(
            'label',
            { class: 'style-row' },
            h('span', {}, label),
            select(
              { 'data-icon-label': label, id: `style-icon-${label}` },
              iconNames.map((name): [string, string] => [name, name === defaultIcon(label) ? `${name} (own)` : name]),
              ownValue(style.icons, label) ?? defaultIcon(label),
              (icon) => change(`icon of ${label}`, (s) => ({ ...s, icons: { ...s.icons, [label]: String(icon) } })),
            ),
          ),
        ),
      ),
      h(
        'fieldset',
        { class: 'style-group' },
        h('legend', {}, 'Relationships'),
        h('label', { class: 'style-check' }, bundling, 'Bundle parallel relationships (B)'),
      ),
      h(
        'div',
        { class: 'style-actions' },
        button('style-export', 'Export style', () => this.actions.exportStyle()),
        button('style-import', 'Import style', () => importInput.click()),
        importInput,
        button('style-reset', 'Reset', () => this.actions.reset()),
      ),
    );
  }
}
