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
import { isLargeView, useWebgl, type WebglChoice } from './scale.ts';
import { flagDataUri, iconDataUri, primaryLabel, stylesheet } from './style.ts';
import type { Scene } from './view/scene.ts';
import type { Point, ViewState } from './view/view-state.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

/** Client-only data fields, never shown as properties. */
export const internalKeys = new Set(['_kind', '_icon']);

/** Two taps on the same element within this many milliseconds are a double tap. */
export const doubleTapMs = 350;

export function nodeDefinition(node: NodeElement, position?: Position): ElementDefinition {
  const kind = primaryLabel(node.data.labels ?? []);
  const iso3 = typeof node.data.iso3 === 'string' ? node.data.iso3 : '';
  const icon = kind === 'Country' ? flagDataUri(iso3) : iconDataUri(kind);
  const data: Record<string, unknown> = { ...node.data, _kind: kind };
  if (icon) data._icon = icon;
  return { group: 'nodes', data: data as ElementDefinition['data'], ...(position ? { position } : {}) };
}

export function edgeDefinition(edge: EdgeElement): ElementDefinition {
  return { group: 'edges', data: { ...edge.data } };
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
        events.selected(cy.elements(':selected').map((ele) => ele.id()));
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
      this.selectionTimer = setTimeout(() => events.selected(cy.elements(':selected').map((ele) => ele.id())), 0);
    });
    cy.on('dragfree', 'node', () => {
      const moved: Record<string, Point> = {};
      cy.nodes(':grabbed, :selected').forEach((node) => void (moved[node.id()] = { ...node.position() }));
      events.moved(moved);
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
    this.syncing = true;
    const unplaced: string[] = [];
    try {
      const wanted = new Set<string>();
      for (const node of scene.nodes) wanted.add(node.data.id);
      for (const edge of scene.edges) wanted.add(edge.data.id);
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
        const stated = state.positions[id];
        if (!stated) unplaced.push(id);
        if (has(id)) continue;
        let position: Position | undefined = stated ? { ...stated } : undefined;
        if (!position) {
          const anchor = (neighbours.get(id) ?? [])
            .map((other) => state.positions[other])
            .find((point) => point !== undefined);
          if (anchor) {
            const offset = offsetFor(id);
            position = { x: anchor.x + offset.x, y: anchor.y + offset.y };
          }
        }
        nodeDefinitions.push(nodeDefinition(node, position));
      }
      const added = cy.add(nodeDefinitions);
      // Large views: the nodes' first style pass before their relationships are in, so a node's size
      // and shape do not dirty the bounds of every connected edge (Cytoscape's style triggers).
      if (this.large) added.filter(':visible');
      cy.add(scene.edges.filter((edge) => !has(edge.data.id)).map(edgeDefinition));
      cy.batch(() => this.applyState(scene, state));
    } finally {
      this.syncing = false;
    }
    return unplaced;
  }

  private applyState(scene: Scene, state: ViewState): void {
    const cy = this.cy;
    const pinned = new Set(state.pinned);
    const selected = new Set(state.selection);
    cy.elements().forEach((ele) => {
      const id = ele.id();
      ele.toggleClass('hidden', scene.hidden.has(id));
      ele.toggleClass('filtered', scene.filtered.has(id));
      if (ele.isNode()) {
        const node = ele as NodeSingular;
        const pin = pinned.has(id);
        if (pin !== node.hasClass('pinned')) {
          node.toggleClass('pinned', pin);
          if (pin) node.lock();
          else node.unlock();
        }
        const stated = this.holdPositions ? undefined : state.positions[id];
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

  /** Where every node is drawn now (after a layout). */
  positions(): Record<string, Point> {
    const result: Record<string, Point> = {};
    this.cy.nodes().forEach((node) => void (result[node.id()] = { ...node.position() }));
    return result;
  }

  /** Fits the drawn elements into the canvas (after a resize, say). */
  fit(padding = 40): void {
    const drawn = this.cy.elements().not('.hidden, .filtered');
    if (drawn.nonempty()) this.cy.fit(drawn, padding);
  }
}
