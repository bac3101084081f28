// The view state in the URL (the fragment, so it never reaches server logs): nodes shown,
// hidden and pinned ones, filters and layout. Opening such a link rebuilds the same view.
import type { FilterState } from './filters.ts';
import { isLayoutName, type LayoutName } from './layout.ts';

export interface ViewState {
  nodes: string[];
  hidden: string[];
  pinned: string[];
  layout: LayoutName;
  filters: FilterState;
}

const listOf = (ids: readonly string[]) => ids.map((id) => encodeURIComponent(id).replace(/%3A/gi, ':')).join(',');
const parseList = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((part) => decodeURIComponent(part))
        .filter((part) => part.length > 0)
    : [];

export function encodeState(state: ViewState): string {
  const parts: string[] = [];
  const put = (key: string, value: string) => {
    if (value) parts.push(`${key}=${value}`);
  };
  put('n', listOf(state.nodes));
  put('h', listOf(state.hidden));
  put('p', listOf(state.pinned));
  if (state.layout !== 'fcose') put('layout', state.layout);
  put('xl', listOf(state.filters.hiddenLabels));
  put('xt', listOf(state.filters.hiddenTypes));
  if (state.filters.from) put('from', state.filters.from);
  if (state.filters.to) put('to', state.filters.to);
  return parts.join('&');
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The state in a fragment, or null when the fragment holds none (then the start view opens). */
export function decodeState(fragment: string): ViewState | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text) return null;
  const values = new Map<string, string>();
  for (const part of text.split('&')) {
    const at = part.indexOf('=');
    if (at > 0) values.set(part.slice(0, at), part.slice(at + 1));
  }
  const nodes = parseList(values.get('n'));
  if (nodes.length === 0) return null;
  const layout = values.get('layout');
  const from = values.get('from');
  const to = values.get('to');
  return {
    nodes,
    hidden: parseList(values.get('h')),
    pinned: parseList(values.get('p')),
    layout: isLayoutName(layout) ? layout : 'fcose',
    filters: {
      hiddenLabels: parseList(values.get('xl')),
      hiddenTypes: parseList(values.get('xt')),
      ...(from && isoDate.test(from) ? { from } : {}),
      ...(to && isoDate.test(to) ? { to } : {}),
    },
  };
}

export function permalink(state: ViewState): string {
  const url = new URL(window.location.href);
  url.hash = encodeState(state);
  return url.toString();
}
