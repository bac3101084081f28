// What the screen shows, derived from the view state and the loaded graph: the nodes in view, every
// relationship among them, which of those are drawn (not hidden, not filtered out) and the counts
// the legend and the status line show. Pure: the same state and graph give the same scene.
import type { EdgeElement, NodeElement } from '../../../common/api.ts';
import type { GraphCache } from '../graph/graph-cache.ts';
import { primaryLabel } from '../style.ts';
import { inDateRange } from './date-range.ts';
import { isShown } from './name-filter.ts';
import type { ViewState } from './view-state.ts';

export interface Scene {
  /** The nodes in view that are loaded, by id. */
  readonly nodes: readonly NodeElement[];
  /** Every loaded relationship among them, by id. */
  readonly edges: readonly EdgeElement[];
  /** Ids of the nodes and relationships drawn. */
  readonly drawn: ReadonlySet<string>;
  /** Ids the user hid, among the elements in view. */
  readonly hidden: ReadonlySet<string>;
  /** Ids the filters leave undrawn (hidden ones aside), among the elements in view. */
  readonly filtered: ReadonlySet<string>;
  /** Nodes in view per label, relationships among them per type (drawn or not). */
  readonly labelCounts: ReadonlyMap<string, number>;
  readonly typeCounts: ReadonlyMap<string, number>;
  /**
   * Per type, the relationships in view that the other filters and the user leave drawn (in the
   * date range, both ends drawn, not hidden): what the type draws while it is shown.
   */
  readonly typeCountsShown: ReadonlyMap<string, number>;
  /** Nodes in the state that are not loaded (yet, or not in the graph). */
  readonly unloaded: readonly string[];
}

const byId = (a: { data: { id: string } }, b: { data: { id: string } }) =>
  a.data.id < b.data.id ? -1 : a.data.id > b.data.id ? 1 : 0;

export function nodeLabel(node: NodeElement): string {
  return primaryLabel(node.data.labels ?? []);
}

export function deriveScene(state: ViewState, graph: GraphCache): Scene {
  const nodes: NodeElement[] = [];
  const unloaded: string[] = [];
  for (const id of state.nodes) {
    const node = graph.nodes.get(id);
    if (node) nodes.push(node);
    else unloaded.push(id);
  }
  nodes.sort(byId);
  const inView = new Set(nodes.map((node) => node.data.id));
  const edges = graph.edgesAmong(inView).sort(byId);
  const userHidden = new Set(state.hidden);
  const drawn = new Set<string>();
  const hidden = new Set<string>();
  const filtered = new Set<string>();
  const labelCounts = new Map<string, number>();
  const typeCounts = new Map<string, number>();
  const typeCountsShown = new Map<string, number>();
  for (const node of nodes) {
    const id = node.data.id;
    const label = nodeLabel(node);
    labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
    if (userHidden.has(id)) hidden.add(id);
    else if (!isShown(state.filters.labels, label)) filtered.add(id);
    else drawn.add(id);
  }
  for (const edge of edges) {
    const { id, source, target, type } = edge.data;
    typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
    const inRange = inDateRange(edge.data, state.filters.dates);
    const endsDrawn = drawn.has(source) && drawn.has(target);
    if (inRange && endsDrawn && !userHidden.has(id)) typeCountsShown.set(type, (typeCountsShown.get(type) ?? 0) + 1);
    if (userHidden.has(id)) hidden.add(id);
    else if (!isShown(state.filters.types, type) || !inRange) filtered.add(id);
    else if (endsDrawn) drawn.add(id);
    // An edge whose end is hidden or filtered out is not drawn either; it counts with its end.
  }
  return { nodes, edges, drawn, hidden, filtered, labelCounts, typeCounts, typeCountsShown, unloaded };
}

/** The ids drawn among a list (a selection, say). */
export function drawnAmong(scene: Scene, ids: readonly string[]): string[] {
  return ids.filter((id) => scene.drawn.has(id));
}
