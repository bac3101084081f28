// Where the map layout puts each node: a pure function of the nodes, the relationships among them
// and the countries' representative points. The rules (README, "Map layout"):
// - a Country sits at its country's point;
// - an Event sits by the country where it happened (`country`), when the data says so;
// - an Organization by its seat (`seat`), else by its strongest tie: the country it has the most
//   relationships with, else the place most of its placed neighbours have;
// - a Person by the country (or the placed organisation) they hold office in (HOLDS_OFFICE);
// - anything else, or anything whose country has no point, goes to a strip under the map.
// The nodes by one country fan out around its point on rings; groups that would overlap push
// each other apart; the strip lists the rest in rows, by label and id.
import type { Point } from './atlas.ts';

export interface PlaceNode {
  readonly id: string;
  /** The node's label: Country, Person, Organization, Event, ... */
  readonly kind: string;
  /** A Country's ISO alpha-3. */
  readonly iso3?: string;
  /** An Event's country, by node id (`country:UKR`). */
  readonly country?: string;
  /** An Organization's seat, by node id. */
  readonly seat?: string;
}

export interface PlaceEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
}

export interface MapFrame {
  /** The map's size in model units; the strip starts right of it. */
  readonly width: number;
  readonly height: number;
}

export interface Placement {
  /** Where each node goes, in model coordinates. */
  readonly positions: ReadonlyMap<string, Point>;
  /** The country (ISO alpha-3) each placed node sits by; countries by their own. */
  readonly anchors: ReadonlyMap<string, string>;
  /** The nodes without a place, in the strip's order. */
  readonly unplaced: readonly string[];
  readonly strip: StripBox;
}

/** The strip of nodes without a place, in model coordinates; its caption goes at its top left. */
export interface StripBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  /** How many nodes it holds. */
  readonly count: number;
}

/** Distance between two neighbours on a ring, and between rings. */
export const fanSpacing = 56;
/** The first ring's radius: clear of the country's node (52 units across) and of its label below it. */
const firstRing = 72;
/** Space kept between two countries' groups. */
const groupGap = 14;
/** Radius a country's node alone takes. */
const countryRadius = 30;
/** The strip: its distance from the map, its column width and row height, its least width (for its caption). */
const stripGap = 60;
const stripMinWidth = 300;
const stripColumn = 190;
const stripRow = 44;
/** Room above the strip's first row for its caption. */
const stripCaption = 40;

const kindOrder = ['Country', 'Organization', 'Person', 'Event'];
const byKindThenId = (kinds: ReadonlyMap<string, string>) => (a: string, b: string) => {
  const ka = kindOrder.indexOf(kinds.get(a) ?? '');
  const kb = kindOrder.indexOf(kinds.get(b) ?? '');
  const ra = ka < 0 ? kindOrder.length : ka;
  const rb = kb < 0 ? kindOrder.length : kb;
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
};

/** The most frequent value; ties go to the first in sort order (so the result is stable). */
function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) {
    const bestCount = best === undefined ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && best !== undefined && value < best)) best = value;
  }
  return best;
}

/**
 * The country (ISO alpha-3 with a point) each node sits by, by the rules above; nodes without one
 * are left out. Relationships are read whatever their direction, except HOLDS_OFFICE (person -> office).
 */
export function anchorsOf(
  nodes: readonly PlaceNode[],
  edges: readonly PlaceEdge[],
  points: ReadonlyMap<string, Point>,
): Map<string, string> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const anchors = new Map<string, string>();
  /** A country node id to its ISO code with a point: the node's iso3 when it is in view, else the id's own code. */
  const isoOf = (countryId: string | undefined): string | undefined => {
    if (countryId === undefined) return undefined;
    const iso3 = byId.get(countryId)?.iso3 ?? /^country:([A-Z]{3})$/.exec(countryId)?.[1];
    return iso3 !== undefined && points.has(iso3) ? iso3 : undefined;
  };
  const neighbours = new Map<string, string[]>();
  const offices = new Map<string, string[]>();
  for (const edge of [...edges].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (!byId.has(edge.source) || !byId.has(edge.target) || edge.source === edge.target) continue;
    (neighbours.get(edge.source) ?? neighbours.set(edge.source, []).get(edge.source)!).push(edge.target);
    (neighbours.get(edge.target) ?? neighbours.set(edge.target, []).get(edge.target)!).push(edge.source);
    if (edge.type === 'HOLDS_OFFICE')
      (offices.get(edge.source) ?? offices.set(edge.source, []).get(edge.source)!).push(edge.target);
  }
  const countryIso = (id: string) => (byId.get(id)?.kind === 'Country' ? isoOf(id) : undefined);
  const officeIn = (id: string, officeIso: (office: string) => string | undefined) =>
    (offices.get(id) ?? []).map(officeIso).find((iso3) => iso3 !== undefined);

  const settle = (kind: string, rule: (node: PlaceNode) => string | undefined) => {
    for (const node of nodes) {
      if (node.kind !== kind || anchors.has(node.id)) continue;
      const iso3 = rule(node);
      if (iso3 !== undefined) anchors.set(node.id, iso3);
    }
  };
  settle('Country', (node) => (node.iso3 !== undefined && points.has(node.iso3) ? node.iso3 : undefined));
  settle('Event', (node) => isoOf(node.country));
  settle('Organization', (node) => isoOf(node.seat));
  settle('Person', (node) => officeIn(node.id, countryIso));
  settle('Organization', (node) => mostCommon((neighbours.get(node.id) ?? []).flatMap((id) => countryIso(id) ?? [])));
  settle('Organization', (node) => mostCommon((neighbours.get(node.id) ?? []).flatMap((id) => anchors.get(id) ?? [])));
  settle('Person', (node) => officeIn(node.id, (office) => anchors.get(office)));
  return anchors;
}

interface Group {
  iso3: string;
  centre: { x: number; y: number };
  members: string[];
  radius: number;
}

/** How many nodes a ring of this radius holds. */
const ringCapacity = (radius: number) => Math.max(1, Math.floor((2 * Math.PI * radius) / fanSpacing));

/** The outer radius of a fan of `count` nodes around a country's node. */
export function fanRadius(count: number): number {
  let radius = countryRadius;
  let left = count;
  let ring = firstRing;
  while (left > 0) {
    left -= ringCapacity(ring);
    radius = ring + fanSpacing / 2;
    ring += fanSpacing;
  }
  return radius;
}

/** Offsets from a country's point for `count` nodes: rings outward, each filled from the top, clockwise. */
export function fanOffsets(count: number): Point[] {
  const offsets: Point[] = [];
  let ring = firstRing;
  let ringIndex = 0;
  while (offsets.length < count) {
    const onRing = Math.min(ringCapacity(ring), count - offsets.length);
    // Half a step's turn every other ring, so neighbours on two rings do not line up.
    const turn = ringIndex % 2 === 1 ? Math.PI / onRing : 0;
    for (let i = 0; i < onRing; i++) {
      const angle = -Math.PI / 2 + turn + (2 * Math.PI * i) / onRing;
      offsets.push({ x: ring * Math.cos(angle), y: ring * Math.sin(angle) });
    }
    ring += fanSpacing;
    ringIndex++;
  }
  return offsets;
}

/**
 * Moves groups apart until none overlaps another (or the rounds run out): each overlapping pair
 * moves apart along the line between their centres, the smaller group more. Deterministic.
 */
function separate(groups: Group[], rounds = 200): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        const need = a.radius + b.radius + groupGap;
        let dx = b.centre.x - a.centre.x;
        let dy = b.centre.y - a.centre.y;
        const distance = Math.hypot(dx, dy);
        if (distance >= need - 0.01) continue;
        if (distance < 1e-6) {
          // Two groups on one spot: part them along a direction their codes fix.
          dx = a.iso3 < b.iso3 ? 1 : -1;
          dy = 0;
        } else {
          dx /= distance;
          dy /= distance;
        }
        const push = need - distance;
        const share = b.radius / (a.radius + b.radius);
        a.centre.x -= dx * push * share;
        a.centre.y -= dy * push * share;
        b.centre.x += dx * push * (1 - share);
        b.centre.y += dy * push * (1 - share);
        moved = true;
      }
    }
    if (!moved) return;
  }
}

/** The sizes the map is drawn at, as multiples of the atlas's: the smallest that leaves room is used. */
export const mapScales = [1, 1.5, 2, 3, 4, 6, 8] as const;
/** The share of the map's rectangle the countries' groups may cover before the map is drawn larger. */
const crowding = 0.12;

/**
 * How large the map is drawn for a view: the smallest of `mapScales` at which the groups around
 * the countries (their fans) cover at most a share of it, so a view of thousands of nodes spreads
 * over a larger map instead of pushing its groups far from their countries. Read from every node
 * in view, drawn or not, so a filter does not resize the map under nodes that stay put.
 */
export function mapScale(
  nodes: readonly PlaceNode[],
  edges: readonly PlaceEdge[],
  points: ReadonlyMap<string, Point>,
  frame: MapFrame,
): number {
  const anchors = anchorsOf(nodes, edges, points);
  const members = new Map<string, number>();
  for (const node of nodes) {
    const iso3 = anchors.get(node.id);
    if (iso3 === undefined) continue;
    members.set(iso3, (members.get(iso3) ?? 0) + (node.kind === 'Country' && node.iso3 === iso3 ? 0 : 1));
  }
  let area = 0;
  for (const count of members.values()) area += Math.PI * fanRadius(count) ** 2;
  return mapScales.find((scale) => area <= crowding * frame.width * frame.height * scale * scale) ?? mapScales.at(-1)!;
}

/** The frame of the map drawn at a scale. */
export const scaledFrame = (frame: MapFrame, scale: number): MapFrame => ({
  width: frame.width * scale,
  height: frame.height * scale,
});

export function placeOnMap(
  nodes: readonly PlaceNode[],
  edges: readonly PlaceEdge[],
  points: ReadonlyMap<string, Point>,
  frame: MapFrame,
  scale = 1,
): Placement {
  const anchors = anchorsOf(nodes, edges, points);
  const kinds = new Map(nodes.map((node) => [node.id, node.kind]));
  const order = byKindThenId(kinds);
  const groups = new Map<string, Group>();
  const countryOf = new Map<string, string>();
  for (const node of nodes) {
    const iso3 = anchors.get(node.id);
    if (iso3 === undefined) continue;
    const group =
      groups.get(iso3) ??
      groups
        .set(iso3, {
          iso3,
          centre: { x: points.get(iso3)!.x * scale, y: points.get(iso3)!.y * scale },
          members: [],
          radius: countryRadius,
        })
        .get(iso3)!;
    if (node.kind === 'Country' && node.iso3 === iso3 && !countryOf.has(iso3)) countryOf.set(iso3, node.id);
    else group.members.push(node.id);
  }
  const ordered = [...groups.values()].sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  for (const group of ordered) {
    group.members.sort(order);
    group.radius = fanRadius(group.members.length);
  }
  separate(ordered);
  const positions = new Map<string, Point>();
  for (const group of ordered) {
    const country = countryOf.get(group.iso3);
    if (country !== undefined) positions.set(country, { x: group.centre.x, y: group.centre.y });
    fanOffsets(group.members.length).forEach((offset, i) =>
      positions.set(group.members[i]!, { x: group.centre.x + offset.x, y: group.centre.y + offset.y }),
    );
  }
  const unplaced = nodes.filter((node) => !positions.has(node.id)).map((node) => node.id);
  unplaced.sort(order);
  const box = stripBox(unplaced.length, scaledFrame(frame, scale));
  unplaced.forEach((id, i) => positions.set(id, stripPosition(i, box)));
  return { positions, anchors, unplaced, strip: box };
}

/** The strip under the map for `count` nodes without a place: rows across most of the map's width, to the right (the legend is at the bottom left). */
export function stripBox(count: number, frame: MapFrame): StripBox {
  const columns = Math.max(1, Math.floor((frame.width * 0.8) / stripColumn));
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = Math.max(stripMinWidth, Math.min(count, columns) * stripColumn);
  return {
    x: frame.width * 0.95 - width,
    y: frame.height + stripGap,
    width,
    height: stripCaption + rows * stripRow + stripRow / 2,
    columns,
    count,
  };
}

function stripPosition(index: number, box: StripBox): Point {
  return {
    x: box.x + stripColumn / 2 + (index % box.columns) * stripColumn,
    y: box.y + stripCaption + stripRow / 2 + Math.floor(index / box.columns) * stripRow,
  };
}
