// The view in the URL's fragment (so it never reaches a server log): the versioned payload
// (view-payload.ts) as JSON, deflated and base64url-encoded behind `v1.`. Links of the older
// form (`n=a,b&h=...&xt=...`) still open.
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { isLayoutName } from '../layout-names.ts';
import { InflatedTooLarge, inflateAtMost } from './bounded-inflate.ts';
import { readPayload, toPayload, type ReadView } from './view-payload.ts';
import { defaultFilters, emptyView, type ViewState } from './view-state.ts';

const prefix = 'v1.';

/** The most JSON a link may inflate to: far above any view the page can open, far below a tab's memory. */
export const maxLinkViewBytes = 8 * 1024 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (without '#') for a state; empty for a view without nodes. */
export function encodeView(state: ViewState): string {
  if (state.nodes.length === 0) return '';
  const json = JSON.stringify(toPayload(state));
  return prefix + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/**
 * The state a fragment holds, or null when it holds none (then the start view opens). A fragment
 * that cannot be read at all is reported through `problems` with an empty view.
 */
export function decodeView(fragment: string): ReadView | null {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text) return null;
  if (!text.startsWith(prefix)) return decodeLegacy(text);
  try {
    const json = strFromU8(inflateAtMost(fromBase64Url(text.slice(prefix.length)), maxLinkViewBytes));
    return readPayload(JSON.parse(json)) ?? { state: emptyView, problems: ['the link holds no view'] };
  } catch (error) {
    const problem =
      error instanceof InflatedTooLarge
        ? `the link is too large (its view is over ${maxLinkViewBytes / 1024 / 1024} MB) or damaged`
        : 'the link is damaged (cut short or changed)';
    return { state: emptyView, problems: [problem] };
  }
}

const parseList = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((part) => decodeURIComponent(part))
        .filter((part) => part.length > 0)
    : [];

/** Links from before the versioned form: node ids, hidden, pinned, layout, excluded labels and types, dates. */
function decodeLegacy(text: string): ReadView | null {
  const values = new Map<string, string>();
  for (const part of text.split('&')) {
    const at = part.indexOf('=');
    if (at > 0) values.set(part.slice(0, at), part.slice(at + 1));
  }
  const nodes = parseList(values.get('n'));
  if (nodes.length === 0) return null;
  const layout = values.get('layout');
  const iso = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  const from = iso(values.get('from'));
  const to = iso(values.get('to'));
  return {
    state: {
      ...emptyView,
      nodes,
      hidden: parseList(values.get('h')),
      pinned: parseList(values.get('p')),
      layout: { ...emptyView.layout, name: isLayoutName(layout) ? layout : 'fcose' },
      filters: {
        ...defaultFilters,
        labels: { except: parseList(values.get('xl')).sort() },
        types: { except: parseList(values.get('xt')).sort() },
        dates: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
      },
    },
    problems: [],
  };
}
