// How the graph looks: the palette's colour and shape per node label, flags for countries, the
// palette's colour and dash per relationship type, and the Cytoscape stylesheet built from them.
import type { StylesheetJson } from 'cytoscape';

import { labelLook, typeLook, type LabelLook } from './palette.ts';
import { lookRules } from './style/look-rules.ts';
import { ownValue } from '../../common/own-keys.ts';

/** A label's look (colour, shape, icon ink): see palette.ts. */
export function labelStyle(label: string): LabelLook {
  return labelLook(label);
}

/** The label that decides a node's look: the first one that is not the shared `Entity` label. */
export function primaryLabel(labels: readonly string[]): string {
  return labels.find((label) => label !== 'Entity') ?? labels[0] ?? 'Node';
}

export function typeColor(type: string): string {
  return typeLook(type).color;
}

// Simplified flags as SVG, drawn inside the round country node (background-fit cover).
const flagSvgs: Record<string, string> = {
  RUS: '<rect width="30" height="20" fill="#fff"/><rect y="6.67" width="30" height="6.67" fill="#0039a6"/><rect y="13.33" width="30" height="6.67" fill="#d52b1e"/>',
  CHN: '<rect width="30" height="20" fill="#de2910"/><polygon points="7,3 8.2,6.6 12,6.6 9,8.8 10.1,12.4 7,10.2 3.9,12.4 5,8.8 2,6.6 5.8,6.6" fill="#ffde00"/>',
  UKR: '<rect width="30" height="10" fill="#0057b7"/><rect y="10" width="30" height="10" fill="#ffd700"/>',
  BLR: '<rect width="30" height="20" fill="#009739"/><rect width="30" height="13.3" fill="#cf101a"/><rect width="4" height="20" fill="#fff"/><rect x="1" width="2" height="20" fill="#cf101a" opacity=".6"/>',
  PRK: '<rect width="30" height="20" fill="#024fa2"/><rect y="3.4" width="30" height="13.2" fill="#fff"/><rect y="4.2" width="30" height="11.6" fill="#ed1c27"/><circle cx="10" cy="10" r="4" fill="#fff"/><polygon points="10,6.5 10.9,9 13.4,9 11.4,10.6 12.1,13.1 10,11.6 7.9,13.1 8.6,10.6 6.6,9 9.1,9" fill="#ed1c27"/>',
  USA: '<rect width="30" height="20" fill="#fff"/><g fill="#b22234"><rect width="30" height="1.54"/><rect y="3.08" width="30" height="1.54"/><rect y="6.15" width="30" height="1.54"/><rect y="9.23" width="30" height="1.54"/><rect y="12.3" width="30" height="1.54"/><rect y="15.4" width="30" height="1.54"/><rect y="18.46" width="30" height="1.54"/></g><rect width="12" height="10.77" fill="#3c3b6e"/>',
  IRN: '<rect width="30" height="20" fill="#fff"/><rect width="30" height="6.67" fill="#239f40"/><rect y="13.33" width="30" height="6.67" fill="#da0000"/><circle cx="15" cy="10" r="2" fill="none" stroke="#da0000" stroke-width=".8"/>',
  VEN: '<rect width="30" height="20" fill="#00247d"/><rect width="30" height="6.67" fill="#ffcc00"/><rect y="13.33" width="30" height="6.67" fill="#cf142b"/><g fill="#fff"><circle cx="11" cy="11" r=".6"/><circle cx="13" cy="9.6" r=".6"/><circle cx="15" cy="9.2" r=".6"/><circle cx="17" cy="9.6" r=".6"/><circle cx="19" cy="11" r=".6"/></g>',
};

export function flagDataUri(iso3: string): string | undefined {
  const body = ownValue(flagSvgs, iso3);
  if (!body) return undefined;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20" width="60" height="40" preserveAspectRatio="xMidYMid slice">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** Icon bodies drawn in the label's ink colour (INK). */
const iconPaths: Record<string, string> = {
  Person: '<circle cx="12" cy="8" r="4" fill="INK"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" fill="INK"/>',
  Organization: '<path d="M3 9l9-5 9 5v1H3z M5 11h2v7H5z M11 11h2v7h-2z M17 11h2v7h-2z M3 19h18v2H3z" fill="INK"/>',
  Event:
    '<rect x="4" y="6" width="16" height="14" rx="2" fill="none" stroke="INK" stroke-width="2"/><path d="M4 10h16M8 3v5M16 3v5" stroke="INK" stroke-width="2"/>',
  Source:
    '<path d="M5 4h11l3 3v13H5z" fill="none" stroke="INK" stroke-width="1.5"/><path d="M8 10h8M8 13h8M8 16h5" stroke="INK" stroke-width="1.5"/>',
};

export function iconDataUri(label: string): string | undefined {
  const body = ownValue(iconPaths, label)?.replaceAll('INK', labelLook(label).ink);
  if (!body) return undefined;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="48" height="48">${body}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** What every node has, in the normal and the large-view stylesheets alike. */
const nodeEssentials = {
  label: 'data(label)',
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'font-size': 11,
  color: '#1b2631',
  'text-valign': 'bottom',
  'text-margin-y': 4,
  width: 30,
  height: 30,
  'background-color': '#888',
} as const;

const nodeBase: StylesheetJson = [
  {
    selector: 'node',
    style: {
      ...nodeEssentials,
      'text-halign': 'center',
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'min-zoomed-font-size': 6,
      'background-fit': 'none',
      'background-clip': 'node',
      'background-width': '62%',
      'background-height': '62%',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[_icon]', style: { 'background-image': 'data(_icon)' } },
];

const countryStyle: StylesheetJson = [
  {
    selector: 'node[_kind = "Country"]',
    style: {
      width: 52,
      height: 52,
      'font-size': 13,
      'font-weight': 'bold',
      'background-fit': 'cover',
      'background-width': '100%',
      'background-height': '100%',
      'border-width': 3,
      'border-color': '#1b2631',
    },
  },
];

const edgeBase: StylesheetJson = [
  {
    selector: 'edge',
    style: {
      width: 2,
      'curve-style': 'bezier',
      'control-point-step-size': 22,
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.1,
      'line-color': '#95a5a6',
      'target-arrow-color': '#95a5a6',
      label: 'data(type)',
      'font-size': 8,
      color: '#34495e',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 10,
      opacity: 0.9,
    },
  },
];

const states: StylesheetJson = [
  { selector: 'node:selected', style: { 'border-color': '#f1c40f', 'border-width': 5 } },
  {
    selector: 'edge:selected',
    style: {
      width: 5,
      'line-color': '#f1c40f',
      'target-arrow-color': '#f1c40f',
      opacity: 1,
      'min-zoomed-font-size': 0,
      'font-size': 10,
      'z-index': 20,
    },
  },
  { selector: 'node.pinned', style: { 'border-style': 'double', 'border-width': 6, 'border-color': '#17202a' } },
  { selector: '.faded', style: { opacity: 0.15 } },
  { selector: 'node.path', style: { 'border-color': '#ff6f00', 'border-width': 6, opacity: 1 } },
  {
    selector: 'edge.path',
    style: { width: 6, 'line-color': '#ff6f00', 'target-arrow-color': '#ff6f00', opacity: 1, 'z-index': 10 },
  },
  { selector: 'node.path-end', style: { 'border-color': '#ff6f00', 'border-width': 8 } },
  {
    selector: 'node.fresh',
    style: {
      'underlay-color': '#f1c40f',
      'underlay-opacity': 0.45,
      'underlay-padding': 7,
      'underlay-shape': 'ellipse',
    },
  },
  { selector: '.hidden, .filtered', style: { display: 'none' } },
];

/**
 * The look of large views (see Canvas's large mode), a sheet of its own rather than overrides on
 * the normal one: every property an element gets costs Cytoscape a parse, a cascade step and
 * bounds checks on its first style pass (0.5 s at 10k elements), so this sets few. Straight
 * "haystack" edges without labels or arrows, node labels only when zoomed in and without their
 * background box, plain shapes without icons or borders. The colours stay, so the legend still reads.
 */
const largeBase: StylesheetJson = [{ selector: 'node', style: { ...nodeEssentials, 'min-zoomed-font-size': 14 } }];

const largeCountry: StylesheetJson = [
  { selector: 'node[_kind = "Country"]', style: { width: 52, height: 52, 'font-size': 13, 'font-weight': 'bold' } },
];

const largeEdge: StylesheetJson = [
  {
    selector: 'edge',
    style: { 'curve-style': 'haystack', 'haystack-radius': 0, width: 1, 'line-color': '#95a5a6', opacity: 0.6 },
  },
];

/** Relationships bent into arcs (the map layout sets `_arc`, the bend: map/map-arcs.ts). */
const arcEdges: StylesheetJson = [
  {
    selector: 'edge[_arc]',
    style: {
      'curve-style': 'unbundled-bezier',
      'control-point-distances': 'data(_arc)',
      'control-point-weights': 0.5,
    },
  },
];

export interface StyleOptions {
  /** The view is large: use the cheaper looks. */
  large?: boolean;
}

/** The whole stylesheet, in cascade order: base, per label, per type, the style's looks, then states (the large view has its own base). */
export function stylesheet(
  labels: readonly string[],
  types: readonly string[],
  options: StyleOptions = {},
): StylesheetJson {
  const large = options.large ?? false;
  const perLabel: StylesheetJson = labels.map((label) => {
    const look = labelStyle(label);
    return {
      selector: `node[_kind = ${JSON.stringify(label)}]`,
      style: { 'background-color': look.color, shape: look.shape },
    };
  });
  const perType: StylesheetJson = types.map((type) => {
    const look = typeLook(type);
    const dash = look.dash.length === 0 ? {} : { 'line-style': 'dashed' as const, 'line-dash-pattern': [...look.dash] };
    return {
      selector: `edge[type = ${JSON.stringify(type)}]`,
      style: large
        ? { 'line-color': look.color }
        : { 'line-color': look.color, 'target-arrow-color': look.color, ...dash },
    };
  });
  if (large)
    return [
      ...largeBase,
      ...perLabel,
      ...largeCountry,
      ...largeEdge,
      ...perType,
      ...lookRules(true),
      ...arcEdges,
      ...states,
    ];
  return [
    ...nodeBase,
    ...perLabel,
    ...countryStyle,
    ...edgeBase,
    ...perType,
    ...lookRules(false),
    ...arcEdges,
    ...states,
  ];
}
