// The look of each element under the view's style: its caption, and the colour and size the style's
// rules give it (none: the palette's, per label or type). Pure: the same elements and style give the
// same looks. Ranged colours and sizes are relative to the elements given (the view's).
import { formatDate } from '../../../common/dates/format-date.ts';
import { parseIsoDate } from '../../../common/dates/iso-date.ts';
import type { EdgeElement, JsonValue, NodeElement } from '../../../common/api.ts';
import { primaryLabel } from '../style.ts';
import { categoricalColor, rangedColor } from './color-scale.ts';
import { edgeCaptionKeys, nodeCaptionKeys, type CaptionKeys, type ColorRule, type ViewStyle } from './view-style.ts';
import { ownValue } from '../../../common/own-keys.ts';

export interface ElementLook {
  readonly caption: string;
  /** Absent: the palette's colour for the label or type. */
  readonly color?: string;
  /** Absent: the label's own size. */
  readonly size?: number;
}

export interface LegendEntry {
  readonly text: string;
  readonly color: string;
}

export interface SceneLooks {
  readonly nodes: ReadonlyMap<string, ElementLook>;
  readonly edges: ReadonlyMap<string, ElementLook>;
  /** What the property colours stand for (empty when colouring by label or type). */
  readonly nodeLegend: readonly LegendEntry[];
  readonly edgeLegend: readonly LegendEntry[];
}

/** The colour of an element whose property has no value. */
export const noValueColor = '#d0d3d4';
export const captionMax = 60;
const sizes = { min: 22, max: 84, noValue: 18 };

type Data = Readonly<Record<string, JsonValue | undefined>>;

/** A value as caption text: lists joined, objects as JSON, nothing as ''. */
export function valueText(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).filter(Boolean).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The caption of an element's data: each key's value (`date` at its precision) joined by " · ". */
export function captionText(data: Data, keys: CaptionKeys): string {
  const parts = keys.map((key) => (key === 'date' ? formatDate(data) : valueText(ownValue(data, key)))).filter(Boolean);
  const text = parts.join(' · ');
  return text.length > captionMax ? `${text.slice(0, captionMax - 1)}…` : text;
}

/** A value on a scale: a number, or an ISO date as its day number; undefined when it is neither. */
export function numericValue(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  const date = parseIsoDate(value);
  return date ? Date.UTC(date.year, date.month - 1, date.day) / 86_400_000 : undefined;
}

interface Coloring {
  color(data: Data): string;
  legend: LegendEntry[];
}

function coloring(datas: readonly Data[], rule: ColorRule): Coloring | null {
  if (rule.by === 'kind') return null;
  const key = rule.property;
  if (rule.scale === 'categorical') {
    const values = [...new Set(datas.map((data) => valueText(ownValue(data, key))).filter(Boolean))].sort();
    const index = new Map(values.map((value, i) => [value, i]));
    const color = (data: Data) => {
      const at = index.get(valueText(ownValue(data, key)));
      return at === undefined ? noValueColor : categoricalColor(at);
    };
    return { color, legend: values.map((value, i) => ({ text: value, color: categoricalColor(i) })) };
  }
  const numbers = datas.map((data) => numericValue(ownValue(data, key))).filter((n): n is number => n !== undefined);
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  const at = (n: number) => (hi > lo ? (n - lo) / (hi - lo) : 0.5);
  const color = (data: Data) => {
    const n = numericValue(ownValue(data, key));
    return n === undefined ? noValueColor : rangedColor(at(n));
  };
  const ends = (n: number) => {
    const sample = datas.find((data) => numericValue(ownValue(data, key)) === n);
    return sample ? valueText(ownValue(sample, key)) : String(n);
  };
  const legend =
    numbers.length === 0
      ? []
      : [{ text: ends(lo), color: rangedColor(0) }, ...(hi > lo ? [{ text: ends(hi), color: rangedColor(1) }] : [])];
  return { color, legend };
}

/** Node sizes by degree or a numeric property (square-root scale, so area follows the value). */
function sizing(nodes: readonly NodeElement[], degree: ReadonlyMap<string, number>, style: ViewStyle) {
  const rule = style.nodeSize;
  if (rule.by === 'kind') return null;
  const valueOf = (node: NodeElement) =>
    rule.by === 'degree' ? (degree.get(node.data.id) ?? 0) : numericValue(ownValue(node.data, rule.property));
  const values = nodes.map(valueOf).filter((n): n is number => n !== undefined);
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values);
  return (node: NodeElement) => {
    const value = valueOf(node);
    if (value === undefined) return sizes.noValue;
    const share = hi > lo ? Math.sqrt((value - lo) / (hi - lo)) : 0;
    return Math.round(sizes.min + share * (sizes.max - sizes.min));
  };
}

/** The look of every node and relationship given (the relationships drawn decide the degrees). */
export function sceneLooks(nodes: readonly NodeElement[], edges: readonly EdgeElement[], style: ViewStyle): SceneLooks {
  const degree = new Map<string, number>();
  for (const { data } of edges) {
    degree.set(data.source, (degree.get(data.source) ?? 0) + 1);
    degree.set(data.target, (degree.get(data.target) ?? 0) + 1);
  }
  const nodeColors = coloring(
    nodes.map((node) => node.data),
    style.nodeColor,
  );
  const edgeColors = coloring(
    edges.map((edge) => edge.data),
    style.edgeColor,
  );
  const size = sizing(nodes, degree, style);
  const nodeLooks = new Map<string, ElementLook>();
  for (const node of nodes) {
    const caption = captionText(node.data, nodeCaptionKeys(style, primaryLabel(node.data.labels ?? [])));
    nodeLooks.set(node.data.id, {
      caption,
      ...(nodeColors ? { color: nodeColors.color(node.data) } : {}),
      ...(size ? { size: size(node) } : {}),
    });
  }
  const edgeLooks = new Map<string, ElementLook>();
  for (const edge of edges) {
    const caption = captionText(edge.data, edgeCaptionKeys(style, edge.data.type));
    edgeLooks.set(edge.data.id, { caption, ...(edgeColors ? { color: edgeColors.color(edge.data) } : {}) });
  }
  return {
    nodes: nodeLooks,
    edges: edgeLooks,
    nodeLegend: nodeColors?.legend ?? [],
    edgeLegend: edgeColors?.legend ?? [],
  };
}
