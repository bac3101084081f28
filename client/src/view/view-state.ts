// The one view state: everything that decides what the screen shows. The canvas, the legend and
// its counts, the status line, the URL, undo/redo and the exports all derive from it; it changes
// only through the pure functions of updates.ts. Relationships are not part of it: a view shows
// every relationship among its nodes that passes its filters (derived by scene.ts).
import { defaultBundling, type BundleChoice } from '../bundles/bundle-choice.ts';
import type { LayoutName } from '../layout-names.ts';
import { defaultStyle, type ViewStyle } from '../style/view-style.ts';
import type { MapMeasureName } from '../map/map-measures.ts';
import type { DateRange } from './date-range.ts';
import { allNames, type NameFilter } from './name-filter.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface ViewFilters {
  /** Node labels shown; a node whose label is filtered out is not drawn, nor its relationships. */
  readonly labels: NameFilter;
  /** Relationship types shown. */
  readonly types: NameFilter;
  /** Relationship dates shown (a timeline's window when playback comes). */
  readonly dates: DateRange;
}

export interface LayoutChoice {
  readonly name: LayoutName;
  /** Seeds the layout's start: the same nodes, filters and seed give the same picture. */
  readonly seed: number;
}

export interface ViewState {
  /** The nodes in the view, by id. */
  readonly nodes: readonly string[];
  /** Nodes and relationships the user hid (still in the view, not drawn). */
  readonly hidden: readonly string[];
  /** Nodes that keep their position when the layout runs. */
  readonly pinned: readonly string[];
  /** Where each node is drawn, in model coordinates; a node without one is placed by the layout. */
  readonly positions: Readonly<Record<string, Point>>;
  readonly filters: ViewFilters;
  readonly layout: LayoutChoice;
  /** Selected nodes and relationships. */
  readonly selection: readonly string[];
  /** Captions, colours, sizes and icons (style/view-style.ts). */
  readonly style: ViewStyle;
  /** Parallel relationships bundled or not, and the pairs unfolded (bundles/bundle-choice.ts). */
  readonly bundling: BundleChoice;
  /** What the countries' shading shows in the map layout. */
  readonly mapShading: MapMeasureName;
}

export const defaultFilters: ViewFilters = { labels: allNames, types: allNames, dates: {} };

export const emptyView: ViewState = {
  nodes: [],
  hidden: [],
  pinned: [],
  positions: {},
  filters: defaultFilters,
  layout: { name: 'fcose', seed: 1 },
  selection: [],
  style: defaultStyle,
  bundling: defaultBundling,
  mapShading: 'relationships',
};
