// Why elements in view are not drawn, filter by filter: what the label filter, the type filter,
// the date range and the user's own hiding each leave out. An element left out by several counts
// under each. The empty state and the counts line say it in words (reasonLines).
import { rangeText } from '../timeline/range-text.ts';
import { inDateRange, isOpen, spanOf } from './date-range.ts';
import { hiddenAmong, isShown } from './name-filter.ts';
import { nodeLabel, type Scene } from './scene.ts';
import type { ViewState } from './view-state.ts';

export interface HiddenBy {
  /** Labels switched off among those in view, the nodes they leave out and those nodes' relationships. */
  readonly labels: { readonly names: string[]; readonly nodes: number; readonly relationships: number } | null;
  /** Types switched off among those in view and the relationships they leave out. */
  readonly types: { readonly names: string[]; readonly relationships: number } | null;
  /** The date range and the relationships outside it (undated ones among them). */
  readonly dates: {
    readonly from?: string;
    readonly to?: string;
    readonly relationships: number;
    readonly undated: number;
  } | null;
  /** What the user hid (and relationships whose end they hid). */
  readonly user: { readonly nodes: number; readonly relationships: number } | null;
}

export function hiddenBy(scene: Scene, state: ViewState): HiddenBy {
  const { labels, types, dates } = state.filters;
  const userHidden = new Set(state.hidden);
  const labelOf = new Map(scene.nodes.map((node) => [node.data.id, nodeLabel(node)]));
  const labelsOff = hiddenAmong(labels, new Set(labelOf.values())).sort();
  const typesOff = hiddenAmong(types, new Set(scene.edges.map((edge) => edge.data.type))).sort();
  const labelHides = (id: string) => {
    const label = labelOf.get(id);
    return label !== undefined && !isShown(labels, label);
  };
  let labelNodes = 0;
  let userNodes = 0;
  for (const id of labelOf.keys()) {
    if (labelHides(id)) labelNodes++;
    if (userHidden.has(id)) userNodes++;
  }
  let labelEdges = 0;
  let typeEdges = 0;
  let dateEdges = 0;
  let undated = 0;
  let userEdges = 0;
  for (const { data } of scene.edges) {
    if (labelHides(data.source) || labelHides(data.target)) labelEdges++;
    if (!isShown(types, data.type)) typeEdges++;
    if (!inDateRange(data, dates)) {
      dateEdges++;
      if (!spanOf(data)) undated++;
    }
    if (userHidden.has(data.id) || userHidden.has(data.source) || userHidden.has(data.target)) userEdges++;
  }
  return {
    labels: labelsOff.length > 0 ? { names: labelsOff, nodes: labelNodes, relationships: labelEdges } : null,
    types: typesOff.length > 0 ? { names: typesOff, relationships: typeEdges } : null,
    dates: isOpen(dates) ? null : { ...dates, relationships: dateEdges, undated },
    user: userNodes + userEdges > 0 ? { nodes: userNodes, relationships: userEdges } : null,
  };
}

/** What the view shows nothing of although it holds it: its nodes, or its relationships; null when something of each is drawn. */
export function nothingDrawn(scene: Scene): 'nodes' | 'relationships' | null {
  const drawnNodes = scene.nodes.some((node) => scene.drawn.has(node.data.id));
  if (scene.nodes.length > 0 && !drawnNodes) return 'nodes';
  const drawnEdges = scene.edges.some((edge) => scene.drawn.has(edge.data.id));
  if (scene.edges.length > 0 && !drawnEdges) return 'relationships';
  return null;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

const listed = (names: readonly string[], most = 4) =>
  names.length <= most ? names.join(', ') : `${names.slice(0, most).join(', ')} and ${names.length - most} more`;

export type FilterName = 'labels' | 'types' | 'dates' | 'user';

/** One sentence per filter that leaves something out, in the order labels, types, dates, user. */
export function reasonLines(by: HiddenBy): { filter: FilterName; text: string }[] {
  const lines: { filter: FilterName; text: string }[] = [];
  if (by.labels)
    lines.push({
      filter: 'labels',
      text:
        `Node labels off (${listed(by.labels.names)}): hide ${plural(by.labels.nodes, 'node')}` +
        (by.labels.relationships > 0 ? ` and their ${plural(by.labels.relationships, 'relationship')}` : '') +
        '.',
    });
  if (by.types)
    lines.push({
      filter: 'types',
      text: `Relationship types off (${listed(by.types.names)}): hide ${plural(by.types.relationships, 'relationship')}.`,
    });
  if (by.dates)
    lines.push({
      filter: 'dates',
      text:
        `Dates ${rangeText(by.dates)}: hide ${plural(by.dates.relationships, 'relationship')}` +
        (by.dates.undated > 0 ? ` (${by.dates.undated} of them undated)` : '') +
        '.',
    });
  if (by.user)
    lines.push({
      filter: 'user',
      text: `Hidden by you: ${[
        by.user.nodes > 0 ? plural(by.user.nodes, 'node') : '',
        by.user.relationships > 0 ? plural(by.user.relationships, 'relationship') : '',
      ]
        .filter(Boolean)
        .join(' and ')}.`,
    });
  return lines;
}

/** The counts line's short form, per filter (an element left out by two counts under both): "dates 25, types 5". */
export function reasonSummary(by: HiddenBy): string {
  return [
    by.labels && by.labels.nodes > 0 ? `labels ${by.labels.nodes}` : '',
    by.types && by.types.relationships > 0 ? `types ${by.types.relationships}` : '',
    by.dates && by.dates.relationships > 0 ? `dates ${by.dates.relationships}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** Why one relationship in view is not drawn, in words ("outside the dates 2019–2020"); null when it is drawn or not in view. */
export function whyNotDrawn(id: string, scene: Scene, state: ViewState): string | null {
  if (scene.drawn.has(id)) return null;
  const edge = scene.edges.find((candidate) => candidate.data.id === id);
  if (!edge) return null;
  const { data } = edge;
  const userHidden = new Set(state.hidden);
  const labelOf = new Map(scene.nodes.map((node) => [node.data.id, nodeLabel(node)]));
  const reasons: string[] = [];
  if (userHidden.has(id)) reasons.push('you hid it');
  if (!isShown(state.filters.types, data.type)) reasons.push(`its type ${data.type} is filtered out`);
  if (!inDateRange(data, state.filters.dates))
    reasons.push(spanOf(data) ? `it lies outside the dates ${rangeText(state.filters.dates)}` : 'it has no date');
  for (const end of [data.source, data.target]) {
    const label = labelOf.get(end);
    if (userHidden.has(end)) reasons.push(`you hid its end ${end}`);
    else if (label !== undefined && !isShown(state.filters.labels, label))
      reasons.push(`the label ${label} is filtered out`);
  }
  return reasons.length > 0 ? [...new Set(reasons)].join('; ') : null;
}
