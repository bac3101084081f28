// The Cytoscape canvas: draws a scene (scene.ts) and reports what the user does on it. It holds
// no view state of its own: `sync` makes the drawing match the state (elements, hidden and
// filtered ones, pins, positions, selection), and user gestures come back as callbacks for the
// store. Public Cytoscape APIs only; the renderer (2D canvas or WebGL) is chosen when it is created.
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, EventObject, NodeSingular, Position } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { EdgeElement, NodeElement } from '../../common/api.ts';
import { bundleCaption, bundleEdges, type Bundle, type DrawnEdges } from './bundles/bundles.ts';
import { isLargeView, useWebgl, type WebglChoice } from './scale.ts';
import { sceneLooks, type ElementLook, type SceneLooks } from './style/element-style.ts';
import { defaultIcon, iconImage } from './style/icons.ts';
import type { ViewStyle } from './style/view-style.ts';
import { primaryLabel, stylesheet } from './style.ts';
import type { Scene } from './view/scene.ts';
import type { Point, ViewState } from './view/view-state.ts';
import { ownValue } from '../../common/own-keys.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

/** Client-only data fields, never shown as properties. */
export const internalKeys = new Set(['_kind', '_icon', '_caption', '_color', '_size', '_members', '_count']);

/** Two taps on the same element within this many milliseconds are a double tap. */
export const doubleTapMs = 350;

/** The icon image of a node under the style (its label's own unless the style names another). */
export function nodeIcon(data: NodeElement['data'], style?: ViewStyle): string | undefined {
  const kind = primaryLabel(data.labels ?? []);
  const iso3 = typeof data.iso3 === 'string' ? data.iso3 : '';
  return iconImage((style && ownValue(style.icons, kind)) ?? defaultIcon(kind), kind, iso3);
}

/** The look's fields as element data (`_caption`, `_color`, `_size`). */
function lookData(look: ElementLook | undefined): Record<string, unknown> {
  if (!look) return {};
  return {
    _caption: look.caption,
    ...(look.color !== undefined ? { _color: look.color } : {}),
    ...(look.size !== undefined ? { _size: look.size } : {}),
  };
}

export function nodeDefinition(
  node: NodeElement,
  position?: Position,
  look?: ElementLook,
  style?: ViewStyle,
): ElementDefinition {
  const kind = primaryLabel(node.data.labels ?? []);
  const icon = nodeIcon(node.data, style);
  const data: Record<string, unknown> = { ...node.data, _kind: kind, ...lookData(look) };
  if (icon) data._icon = icon;
  return { group: 'nodes', data: data as ElementDefinition['data'], ...(position ? { position } : {}) };
}

export function edgeDefinition(edge: EdgeElement, look?: ElementLook, folded = false): ElementDefinition {
  return {
    group: 'edges',
    data: { ...edge.data, ...lookData(look) } as ElementDefinition['data'],
    ...(folded ? { classes: 'folded' } : {}),
  };
}

/** A bundle as an edge: classes `bundle` (and `bundle-pair` for a pair of several types). */
export function bundleDefinition(bundle: Bundle): ElementDefinition {
  return {
    group: 'edges',
    classes: bundle.type === null ? 'bundle bundle-pair' : 'bundle',
    data: {
      id: bundle.id,
      source: bundle.source,
      target: bundle.target,
      ...(bundle.type !== null ? { type: bundle.type } : {}),
      _caption: bundleCaption(bundle),
      _members: [...bundle.members],
      _count: bundle.members.length,
    } as ElementDefinition['data'],
  };
}

export interface CanvasOptions {
  /** WebGL: 'on', 'off', or 'auto' (where a GPU draws it). Fixed for the canvas's life. */
  webgl?: WebglChoice;
}

export interface Gesture {
  /** The element under the pointer, or null for the background. */
  id: string | null;
  /** Shift, Ctrl or Cmd held: add to (or take from) the selection. */
  additive: boolean;
  /** Where on the page, for a menu. */
  page: { x: number; y: number };
}

export interface CanvasEvents {
  /** The selection changed by a tap or a box. */
  selected(ids: string[]): void;
  /** Two taps on the same element. */
  doubleTap(id: string): void;
  /** A right click (or long press) on an element or the background. */
  context(gesture: Gesture): void;
  /** Nodes were dragged to new places. */
  moved(positions: Record<string, Point>): void;
}

/** A stable offset from an anchor for a new node, from its id (so the same view places it the same way). */
function offsetFor(id: string): Position {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const angle = ((hash % 360) * Math.PI) / 180;
  const radius = 60 + ((hash >>> 9) % 40);
  return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius };
}

export class Canvas {
  readonly cy: Core;
  private labels: string[] = [];
  private types: string[] = [];
  private large = false;
  private readonly webgl: boolean;
  private syncing = false;
  /** While a layout moves the nodes, the state's positions are not applied (they are the old ones). */
  holdPositions = false;
  private lastTap: { id: string; at: number } | null = null;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private drawnEdges: DrawnEdges = { bundles: [], folded: new Set() };
  private looks: SceneLooks = { nodes: new Map(), edges: new Map(), nodeLegend: [], edgeLegend: [] };
  private iconStyle: Readonly<Record<string, string>> = {};

  constructor(container: HTMLElement, options: CanvasOptions = {}) {
    this.webgl = useWebgl(options.webgl ?? 'off');
    this.cy = cytoscape({
      container,
      style: stylesheet([], []),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'single',
      renderer: { name: 'canvas', webgl: this.webgl },
    });
  }

  /** Is the view large (cheaper styles, the overview layout)? */
  get isLarge(): boolean {
    return this.large;
  }

  /** Is the canvas drawn with WebGL? */
  get usesWebgl(): boolean {
    return this.webgl;
  }

  /** The bundles drawn and the relationships they fold, as of the last sync. */
  get bundles(): DrawnEdges {
    return this.drawnEdges;
  }

  /** The elements' captions, colours and sizes, and the legends of property colours, as of the last sync. */
  get elementLooks(): SceneLooks {
    return this.looks;
  }

  /** The ids an element stands for: a bundle's members, else itself. */
  membersOf(id: string): string[] {
    const ele = this.cy.getElementById(id);
    const members = ele.nonempty() ? (ele.data('_members') as string[] | undefined) : undefined;
    return members ? [...members] : [id];
  }

  /** The selected ids, bundles standing for their members. */
  private selectedIds(): string[] {
    return [
      ...new Set(
        this.cy
          .elements(':selected')
          .map((ele) => this.membersOf(ele.id()))
          .flat(),
      ),
    ];
  }

  /** Reports the user's gestures. */
  listen(events: CanvasEvents): void {
    const cy = this.cy;
    cy.on('tap', (event: EventObject) => {
      const id = event.target === cy ? null : (event.target.id() as string);
      const now = event.timeStamp || performance.now();
      if (id !== null && this.lastTap?.id === id && now - this.lastTap.at <= doubleTapMs) {
        this.lastTap = null;
        events.doubleTap(id);
        return;
      }
      this.lastTap = id === null ? null : { id, at: now };
    });
    cy.on('cxttap', (event: EventObject) => {
      const original = event.originalEvent as MouseEvent | undefined;
      const id = event.target === cy ? null : (event.target.id() as string);
      if (id !== null && !event.target.selected()) {
        cy.elements(':selected').unselect();
        event.target.select();
        // The menu reads the selection: tell the store now, not on the next tick.
        clearTimeout(this.selectionTimer);
        events.selected(this.selectedIds());
      }
      events.context({
        id,
        additive: false,
        page: { x: original?.pageX ?? 0, y: original?.pageY ?? 0 },
      });
    });
    cy.on('select unselect', () => {
      if (this.syncing) return;
      clearTimeout(this.selectionTimer);
      this.selectionTimer = setTimeout(() => events.selected(this.selectedIds()), 0);
    });
    cy.on('dragfree', 'node', () => {
      const moved = cy.nodes(':grabbed, :selected').map((node) => [node.id(), { ...node.position() }] as const);
      events.moved(Object.fromEntries(moved));
    });
  }

  /** Re-styles for the labels and types known so far (from the schema and whatever was loaded). */
  know(labels: Iterable<string>, types: Iterable<string>): void {
    const newLabels = [...new Set(labels)].filter((label) => !this.labels.includes(label));
    const newTypes = [...new Set(types)].filter((type) => !this.types.includes(type));
    this.labels.push(...newLabels);
    this.types.push(...newTypes);
    if (newLabels.length > 0 || newTypes.length > 0) this.restyle();
  }

  private restyle(): void {
    this.cy.style(stylesheet(this.labels, this.types, { large: this.large }));
  }

  /** Switches between the normal and the large look when the element count crosses the thresholds. */
  private checkScale(count: number): void {
    const large = isLargeView(count, this.large);
    if (large === this.large) return;
    this.large = large;
    this.restyle();
  }

  /**
   * Makes the drawing match the scene and the state. New nodes take their position from the state,
   * else start beside a neighbour already drawn (the layout then places them); returns the ids of
   * nodes that have no position in the state, for the layout to place.
   */
  sync(scene: Scene, state: ViewState): string[] {
    const cy = this.cy;
    this.know(
      scene.nodes.map((node) => primaryLabel(node.data.labels ?? [])),
      scene.edges.map((edge) => edge.data.type),
    );
    this.checkScale(scene.nodes.length + scene.edges.length);
    const drawnEdges = scene.edges.filter((edge) => scene.drawn.has(edge.data.id));
    this.drawnEdges = bundleEdges(drawnEdges, state.bundling);
    this.looks = sceneLooks(scene.nodes, drawnEdges, state.style);
    this.syncing = true;
    const unplaced: string[] = [];
    try {
      const wanted = new Set<string>();
      for (const node of scene.nodes) wanted.add(node.data.id);
      for (const edge of scene.edges) wanted.add(edge.data.id);
      for (const bundle of this.drawnEdges.bundles) wanted.add(bundle.id);
      const gone = cy.elements().filter((ele) => !wanted.has(ele.id()));
      if (gone.nonempty()) cy.remove(gone);
      const startsEmpty = cy.elements().empty();
      const has = (id: string) => !startsEmpty && cy.getElementById(id).nonempty();
      const neighbours = new Map<string, string[]>();
      for (const edge of scene.edges) {
        const { source, target } = edge.data;
        (neighbours.get(source) ?? neighbours.set(source, []).get(source)!).push(target);
        (neighbours.get(target) ?? neighbours.set(target, []).get(target)!).push(source);
      }
      const nodeDefinitions: ElementDefinition[] = [];
      for (const node of scene.nodes) {
        const id = node.data.id;
        const stated = ownValue(state.positions, id);
        if (!stated) unplaced.push(id);
        if (has(id)) continue;
        let position: Position | undefined = stated ? { ...stated } : undefined;
        if (!position) {
          const anchor = (neighbours.get(id) ?? [])
            .map((other) => ownValue(state.positions, other))
            .find((point) => point !== undefined);
          if (anchor) {
            const offset = offsetFor(id);
            position = { x: anchor.x + offset.x, y: anchor.y + offset.y };
          }
        }
        nodeDefinitions.push(nodeDefinition(node, position, this.looks.nodes.get(id), state.style));
      }
      const added = cy.add(nodeDefinitions);
      // Large views: the nodes' first style pass before their relationships are in, so a node's size
      // and shape do not dirty the bounds of every connected edge (Cytoscape's style triggers).
      if (this.large) added.filter(':visible');
      cy.add(
        scene.edges
          .filter((edge) => !has(edge.data.id))
          .map((edge) =>
            edgeDefinition(edge, this.looks.edges.get(edge.data.id), this.drawnEdges.folded.has(edge.data.id)),
          ),
      );
      cy.add(this.drawnEdges.bundles.filter((bundle) => !has(bundle.id)).map(bundleDefinition));
      cy.batch(() => this.applyState(scene, state));
      this.iconStyle = state.style.icons;
    } finally {
      this.syncing = false;
    }
    return unplaced;
  }

  private applyState(scene: Scene, state: ViewState): void {
    const cy = this.cy;
    const pinned = new Set(state.pinned);
    const selected = new Set(state.selection);
    const folded = this.drawnEdges.folded;
    const bundles = new Map(this.drawnEdges.bundles.map((bundle) => [bundle.id, bundle]));
    const iconsChanged = JSON.stringify(this.iconStyle) !== JSON.stringify(state.style.icons);
    cy.elements().forEach((ele) => {
      const id = ele.id();
      const bundle = bundles.get(id);
      if (bundle) {
        const members = ele.data('_members') as string[];
        if (members.length !== bundle.members.length || members.some((member, i) => member !== bundle.members[i]))
          ele.data({ _members: [...bundle.members], _count: bundle.members.length, _caption: bundleCaption(bundle) });
        const all = bundle.members.every((member) => selected.has(member));
        if (all !== ele.selected()) {
          if (all) ele.select();
          else ele.unselect();
        }
        return;
      }
      ele.toggleClass('hidden', scene.hidden.has(id));
      ele.toggleClass('filtered', scene.filtered.has(id));
      this.applyLook(ele, ele.isNode() ? this.looks.nodes.get(id) : this.looks.edges.get(id));
      if (ele.isNode() && iconsChanged) {
        const icon = nodeIcon(ele.data() as NodeElement['data'], state.style);
        if (icon !== ele.data('_icon')) {
          if (icon) ele.data('_icon', icon);
          else ele.removeData('_icon');
        }
      }
      if (ele.isEdge()) {
        const isFolded = folded.has(id);
        ele.toggleClass('folded', isFolded);
        if (isFolded) {
          if (ele.selected()) ele.unselect();
          return;
        }
      }
      if (ele.isNode()) {
        const node = ele as NodeSingular;
        const pin = pinned.has(id);
        if (pin !== node.hasClass('pinned')) {
          node.toggleClass('pinned', pin);
          if (pin) node.lock();
          else node.unlock();
        }
        const stated = this.holdPositions ? undefined : ownValue(state.positions, id);
        const at = node.position();
        if (stated && (Math.abs(stated.x - at.x) > 0.5 || Math.abs(stated.y - at.y) > 0.5)) {
          const locked = node.locked();
          if (locked) node.unlock();
          node.position({ ...stated });
          if (locked) node.lock();
        }
      }
      if (selected.has(id) !== ele.selected()) {
        if (selected.has(id)) ele.select();
        else ele.unselect();
      }
    });
  }

  /** Sets an element's caption, colour and size data where they changed. */
  private applyLook(ele: cytoscape.SingularElementReturnValue, look: ElementLook | undefined): void {
    if (!look) return;
    if (ele.data('_caption') !== look.caption) ele.data('_caption', look.caption);
    for (const key of ['color', 'size'] as const) {
      const field = `_${key}`;
      const value = look[key];
      if (value === undefined) {
        if (ele.data(field) !== undefined) ele.removeData(field);
      } else if (ele.data(field) !== value) ele.data(field, value);
    }
  }

  /** Where every node is drawn now (after a layout). */
  positions(): Record<string, Point> {
    return Object.fromEntries(this.cy.nodes().map((node) => [node.id(), { ...node.position() }] as const));
  }

  /** Fits the drawn elements into the canvas (after a resize, say); `animate` glides there. */
  fit(padding = 40, animate = false): void {
    const drawn = this.cy.elements().not('.hidden, .filtered');
    if (drawn.empty()) return;
    if (animate) this.cy.animate({ fit: { eles: drawn, padding }, duration: 250 });
    else this.cy.fit(drawn, padding);
  }
}
