// The view's pure update functions: each takes a state and returns the next one, never changing
// its argument. Everything that changes the view goes through one of these (see store.ts).
import type { LayoutName } from '../layout-names.ts';
import type { MapMeasureName } from '../map/map-measures.ts';
import type { DateRange } from './date-range.ts';
import { allNames, noNames, setShown, type NameFilter } from './name-filter.ts';
import { defaultFilters, type Point, type ViewState } from './view-state.ts';
import { ownValue, setOwn } from '../../../common/own-keys.ts';

const without = (list: readonly string[], drop: ReadonlySet<string>) => list.filter((id) => !drop.has(id));
const unique = (list: readonly string[]) => [...new Set(list)];

function omitKeys<T>(record: Readonly<Record<string, T>>, drop: ReadonlySet<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop.has(key)));
}

/** Adds nodes (those already in view stay where they are and are shown again if hidden). */
export function addNodes(state: ViewState, ids: readonly string[], positions: Record<string, Point> = {}): ViewState {
  const present = new Set(state.nodes);
  const fresh = unique(ids).filter((id) => !present.has(id));
  const placed = Object.fromEntries(Object.entries(positions).filter(([id]) => fresh.includes(id)));
  return {
    ...state,
    nodes: [...state.nodes, ...fresh],
    hidden: without(state.hidden, new Set(ids)),
    positions: { ...state.positions, ...placed },
  };
}

/** Takes nodes out of the view, with everything the state says about them. */
export function removeNodes(state: ViewState, ids: readonly string[]): ViewState {
  const drop = new Set(ids);
  return {
    ...state,
    nodes: without(state.nodes, drop),
    hidden: without(state.hidden, drop),
    pinned: without(state.pinned, drop),
    positions: omitKeys(state.positions, drop),
    selection: without(state.selection, drop),
  };
}

/** A new set of nodes in place of the old; filters and layout choice stay. */
export function replaceNodes(state: ViewState, ids: readonly string[]): ViewState {
  return { ...state, nodes: unique(ids), hidden: [], pinned: [], positions: {}, selection: [] };
}

/** Hides nodes or relationships (they stay in the view, undrawn) and unselects them. */
export function hide(state: ViewState, ids: readonly string[]): ViewState {
  const drop = new Set(ids);
  return { ...state, hidden: unique([...state.hidden, ...ids]), selection: without(state.selection, drop) };
}

export function showHidden(state: ViewState): ViewState {
  return state.hidden.length === 0 ? state : { ...state, hidden: [] };
}

/** Pins the nodes when any of them is loose, otherwise unpins them all. */
export function togglePin(state: ViewState, ids: readonly string[]): ViewState {
  const nodes = new Set(state.nodes);
  const targets = ids.filter((id) => nodes.has(id));
  if (targets.length === 0) return state;
  const pin = targets.some((id) => !state.pinned.includes(id));
  return {
    ...state,
    pinned: pin ? unique([...state.pinned, ...targets]) : without(state.pinned, new Set(targets)),
  };
}

/** Records where nodes are drawn (after a layout or a drag); positions of nodes not in view are ignored. */
export function setPositions(state: ViewState, positions: Readonly<Record<string, Point>>): ViewState {
  const nodes = new Set(state.nodes);
  const next: Record<string, Point> = { ...state.positions };
  let changed = false;
  for (const [id, point] of Object.entries(positions)) {
    if (!nodes.has(id)) continue;
    const x = Math.round(point.x);
    const y = Math.round(point.y);
    const old = ownValue(next, id);
    if (old && old.x === x && old.y === y) continue;
    setOwn(next, id, { x, y });
    changed = true;
  }
  return changed ? { ...state, positions: next } : state;
}

/** Forgets the positions, so the layout places every node that is not pinned. */
export function clearPositions(state: ViewState): ViewState {
  const keep = new Set(state.pinned);
  return { ...state, positions: Object.fromEntries(Object.entries(state.positions).filter(([id]) => keep.has(id))) };
}

export function select(state: ViewState, ids: readonly string[]): ViewState {
  const next = unique(ids);
  const same = next.length === state.selection.length && next.every((id, i) => id === state.selection[i]);
  return same ? state : { ...state, selection: next };
}

export function setLabelShown(state: ViewState, label: string, shown: boolean): ViewState {
  return { ...state, filters: { ...state.filters, labels: setShown(state.filters.labels, label, shown) } };
}

export function setTypeShown(state: ViewState, type: string, shown: boolean): ViewState {
  return { ...state, filters: { ...state.filters, types: setShown(state.filters.types, type, shown) } };
}

/** Every type shown ("all"), or none, including types that arrive later ("none"). */
export function setAllTypes(state: ViewState, shown: boolean): ViewState {
  const types: NameFilter = shown ? allNames : noNames;
  return { ...state, filters: { ...state.filters, types } };
}

export function setAllLabels(state: ViewState, shown: boolean): ViewState {
  const labels: NameFilter = shown ? allNames : noNames;
  return { ...state, filters: { ...state.filters, labels } };
}

export function setDates(state: ViewState, dates: DateRange): ViewState {
  const clean: DateRange = {
    ...(dates.from !== undefined ? { from: dates.from } : {}),
    ...(dates.to !== undefined ? { to: dates.to } : {}),
  };
  if (clean.from === state.filters.dates.from && clean.to === state.filters.dates.to) return state;
  return { ...state, filters: { ...state.filters, dates: clean } };
}

/** Every filter back to its default: all labels, all types, all dates. */
export function clearFilters(state: ViewState): ViewState {
  return { ...state, filters: defaultFilters };
}

/**
 * Puts relationships in the view: their ends are added (or shown again when hidden), the
 * relationships shown again when the user hid them, and `selection` (when given) selected. The
 * relationships themselves come with their ends, as the view's rule says.
 */
export function revealRelationships(
  state: ViewState,
  ends: readonly string[],
  relationshipIds: readonly string[],
  selection?: readonly string[],
): ViewState {
  const present = new Set(state.nodes);
  const hidden = new Set(state.hidden);
  const changes = ends.some((id) => !present.has(id) || hidden.has(id)) || relationshipIds.some((id) => hidden.has(id));
  const added = changes ? addNodes(state, ends) : state;
  const shown = changes ? { ...added, hidden: without(added.hidden, new Set(relationshipIds)) } : state;
  return selection ? select(shown, selection) : shown;
}

/** Another layout: the nodes are placed anew (pinned ones stay). */
export function setLayout(state: ViewState, name: LayoutName): ViewState {
  return clearPositions({ ...state, layout: { ...state.layout, name } });
}

/** The same layout from another start: a different picture of the same view. */
export function reseed(state: ViewState): ViewState {
  return clearPositions({ ...state, layout: { ...state.layout, seed: state.layout.seed + 1 } });
}

/** What the map's shading shows. */
export function setMapShading(state: ViewState, measure: MapMeasureName): ViewState {
  return state.mapShading === measure ? state : { ...state, mapShading: measure };
}
