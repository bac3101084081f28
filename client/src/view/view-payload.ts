// The view state as a plain, versioned JSON object: what a permalink and a saved view file carry.
// Reading one is lenient field by field: a field that is missing or does not parse takes its
// default and is reported, so an old or hand-edited link still opens. A new field (style choices,
// edge bundling, a playback step) is added here with a default, without a new version; a change in
// the meaning of an existing field is a new version, read by its own branch.
import { z } from 'zod';
import { defaultBundling } from '../bundles/bundle-choice.ts';
import { isLayoutName } from '../layout-names.ts';
import { bundlingFrom, bundlingSchema, styleFrom, styleSchema, styleToJson } from '../style/style-schema.ts';
import { defaultStyle, isDefaultStyle, type ViewStyle } from '../style/view-style.ts';
import { mapMeasureNames } from '../map/map-measures.ts';
import type { NameFilter } from './name-filter.ts';
import { defaultFilters, emptyView, type Point, type ViewState } from './view-state.ts';
import { ownRecord } from '../../../common/own-record.ts';

// The page's content security policy allows no evaluated code: zod must not probe for it (the
// probe itself is reported as a violation) nor compile its parsers with it.
z.config({ jitless: true });

export const payloadVersion = 1;

const ids = z.array(z.string().min(1));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const nameFilter = z.union([
  z.strictObject({ except: z.array(z.string()) }),
  z.strictObject({ only: z.array(z.string()) }),
]);

/** Each field's schema; read one by one (see readPayload). */
// Positions by node id (a node id such as "__proto__" stays a key: see ownRecord).
const positionsSchema = ownRecord(z.string(), z.tuple([z.number(), z.number()]));

const fields = {
  nodes: ids,
  hidden: ids,
  pinned: ids,
  positions: positionsSchema,
  labels: nameFilter,
  types: nameFilter,
  dates: z.strictObject({ from: isoDate.optional(), to: isoDate.optional() }),
  layout: z.strictObject({ name: z.string(), seed: z.number().int() }),
  selection: ids,
  style: styleSchema,
  bundling: bundlingSchema,
  mapShading: z.enum(mapMeasureNames),
};

export interface ViewPayload {
  v: number;
  nodes: string[];
  hidden?: string[];
  pinned?: string[];
  /** [x, y] per node, rounded to whole model pixels. */
  positions?: Record<string, [number, number]>;
  labels?: NameFilter;
  types?: NameFilter;
  dates?: { from?: string; to?: string };
  layout?: { name: string; seed: number };
  selection?: string[];
  /** The parts of the style not at their default. */
  style?: Partial<ViewStyle>;
  /** Absent: bundled, nothing unfolded. */
  bundling?: { on: boolean; unfolded?: [string, string][] };
  mapShading?: string;
}

const isDefaultFilter = (filter: NameFilter) => 'except' in filter && filter.except.length === 0;

/** The state as a payload; fields at their default are left out. */
export function toPayload(state: ViewState): ViewPayload {
  const payload: ViewPayload = { v: payloadVersion, nodes: [...state.nodes] };
  if (state.hidden.length > 0) payload.hidden = [...state.hidden];
  if (state.pinned.length > 0) payload.pinned = [...state.pinned];
  const positions = Object.entries(state.positions);
  if (positions.length > 0)
    payload.positions = Object.fromEntries(
      positions.map(([id, point]) => [id, [Math.round(point.x), Math.round(point.y)] as [number, number]]),
    );
  if (!isDefaultFilter(state.filters.labels)) payload.labels = state.filters.labels as NameFilter;
  if (!isDefaultFilter(state.filters.types)) payload.types = state.filters.types as NameFilter;
  if (state.filters.dates.from !== undefined || state.filters.dates.to !== undefined)
    payload.dates = { ...state.filters.dates };
  if (state.layout.name !== emptyView.layout.name || state.layout.seed !== emptyView.layout.seed)
    payload.layout = { ...state.layout };
  if (state.selection.length > 0) payload.selection = [...state.selection];
  if (!isDefaultStyle(state.style)) payload.style = styleToJson(state.style);
  const inView = new Set(state.nodes);
  const unfolded = state.bundling.unfolded.filter(([a, b]) => inView.has(a) && inView.has(b));
  if (!state.bundling.on || unfolded.length > 0)
    payload.bundling = {
      on: state.bundling.on,
      ...(unfolded.length > 0 ? { unfolded: unfolded.map(([a, b]) => [a, b] as [string, string]) } : {}),
    };
  if (state.mapShading !== emptyView.mapShading) payload.mapShading = state.mapShading;
  return payload;
}

export interface ReadView {
  state: ViewState;
  /** Fields that did not parse and took their default, each with why. */
  problems: string[];
  /** True when the payload gave a style (otherwise the state has the default one, and the page may use its own). */
  styled?: true;
}

/** A payload back into a state; null when it is not a view payload at all. */
export function readPayload(value: unknown): ReadView | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (record.v !== payloadVersion) return null;
  const problems: string[] = [];
  const field = <K extends keyof typeof fields>(key: K): z.output<(typeof fields)[K]> | undefined => {
    if (record[key] === undefined) return undefined;
    const parsed = fields[key].safeParse(record[key]);
    if (parsed.success) return parsed.data as z.output<(typeof fields)[K]>;
    problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'not valid'}`);
    return undefined;
  };
  const nodes = field('nodes');
  if (!nodes) return null;
  // Defined, not assigned: a node id such as "__proto__" must stay a key, never set the prototype.
  const positions: Record<string, Point> = Object.fromEntries(
    Object.entries(field('positions') ?? {}).map(([id, [x, y]]) => [id, { x, y }]),
  );
  const dates = field('dates');
  if (dates?.from && dates.to && dates.from > dates.to) problems.push('dates: the range ends before it starts');
  let layout = field('layout') ?? emptyView.layout;
  if (!isLayoutName(layout.name)) {
    problems.push(`layout: no layout "${layout.name}"`);
    layout = { ...emptyView.layout, seed: layout.seed };
  }
  const state: ViewState = {
    nodes: [...new Set(nodes)],
    hidden: field('hidden') ?? [],
    pinned: field('pinned') ?? [],
    positions,
    filters: {
      labels: field('labels') ?? defaultFilters.labels,
      types: field('types') ?? defaultFilters.types,
      dates: dates && !(dates.from && dates.to && dates.from > dates.to) ? dates : {},
    },
    layout: layout as ViewState['layout'],
    selection: field('selection') ?? [],
    style: styleOrDefault(field('style')),
    bundling: bundlingOrDefault(field('bundling')),
    mapShading: field('mapShading') ?? emptyView.mapShading,
  };
  return { state, problems, ...(record.style !== undefined ? { styled: true as const } : {}) };
}

function styleOrDefault(parsed: z.output<typeof styleSchema> | undefined): ViewStyle {
  return parsed ? styleFrom(parsed) : defaultStyle;
}

function bundlingOrDefault(parsed: z.output<typeof bundlingSchema> | undefined) {
  return parsed ? bundlingFrom(parsed) : defaultBundling;
}
