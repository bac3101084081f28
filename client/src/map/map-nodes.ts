// The placement rules' view of a node, from the data a node carries (a Cytoscape element's, or
// the API's), and of a relationship.
import type { PlaceEdge, PlaceNode } from './map-placement.ts';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function placeNode(id: string, kind: string, data: Readonly<Record<string, unknown>>): PlaceNode {
  const iso3 = text(data.iso3);
  const country = text(data.country);
  const seat = text(data.seat);
  return {
    id,
    kind,
    ...(iso3 ? { iso3 } : {}),
    ...(country ? { country } : {}),
    ...(seat ? { seat } : {}),
  };
}

export function placeEdge(data: Readonly<Record<string, unknown>>): PlaceEdge {
  return { id: String(data.id), source: String(data.source), target: String(data.target), type: String(data.type) };
}
