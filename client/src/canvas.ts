// The Cytoscape canvas: turns API elements into styled Cytoscape elements, merges them in,
// and snapshots/restores the whole view (for undo/redo and permalinks).
import cytoscape from 'cytoscape';
import type { Collection, Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';
import type { EdgeElement, Elements, NodeElement } from '../../common/api.ts';
import { isLargeView, useWebgl, type WebglChoice } from './scale.ts';
import { flagDataUri, iconDataUri, primaryLabel, stylesheet } from './style.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

/** Client-only data fields, never shown as properties. */
export const internalKeys = new Set(['_kind', '_icon']);

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

export interface Snapshot {
  elements: ElementDefinition[];
  hidden: string[];
  pinned: string[];
}

export interface AddResult {
  addedNodes: string[];
  addedEdges: string[];
}

export interface CanvasOptions {
  /** WebGL for large views: 'auto' (where a GPU draws it), 'on' or 'off'. */
  webgl?: WebglChoice;
}

/** Cytoscape's private options (the renderer is chosen from them when the canvas is mounted). */
interface CoreInternals {
  _private: { options: { renderer: Record<string, unknown> } };
  renderer(): { forcedPixelRatio?: number | null };
}

export class Canvas {
  readonly cy: Core;
  private labels: string[] = [];
  private types: string[] = [];
  private large = false;
  private webgl = false;
  private readonly webglChoice: WebglChoice;
  private webglUsable: boolean | undefined;
  private readonly listeners: ((large: boolean) => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    options: CanvasOptions = {},
  ) {
    this.webglChoice = options.webgl ?? 'auto';
    this.cy = cytoscape({
      container,
      style: stylesheet([], []),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
    });
  }

  /** Is the view large (cheaper styles, the fast layout)? */
  get isLarge(): boolean {
    return this.large;
  }

  /** Is the view drawn with WebGL now? */
  get usesWebgl(): boolean {
    return this.webgl;
  }

  /** Called with the new state when the view becomes large or normal again. */
  onScaleChange(listener: (large: boolean) => void): void {
    this.listeners.push(listener);
  }

  private currentStylesheet() {
    return stylesheet(this.labels, this.types, { large: this.large });
  }

  /** Re-styles for the labels and types known so far (from the schema and whatever was loaded). */
  private restyle(labels: Iterable<string>, types: Iterable<string>): void {
    const newLabels = [...new Set(labels)].filter((label) => !this.labels.includes(label));
    const newTypes = [...new Set(types)].filter((type) => !this.types.includes(type));
    this.labels.push(...newLabels);
    this.types.push(...newTypes);
    if (newLabels.length > 0 || newTypes.length > 0) this.cy.style(this.currentStylesheet());
  }

  /**
   * Switches between the normal and the large look when the element count crosses the thresholds
   * (with a gap between them): cheaper styles, and Cytoscape's WebGL renderer where it helps.
   * Call after anything that adds or removes many elements.
   */
  checkScale(count = this.cy.elements().length): void {
    const large = isLargeView(count, this.large);
    if (large === this.large) return;
    this.large = large;
    this.webglUsable ??= large && useWebgl(this.webglChoice);
    this.setRenderer(large && this.webglUsable);
    this.setPixelRatio(large ? 1 : null);
    this.cy.style(this.currentStylesheet());
    for (const listener of this.listeners) listener(large);
  }

  /**
   * Cytoscape picks its renderer when the canvas is mounted: re-mount on the same container with
   * `webgl` switched. Elements, viewport, selection and event handlers stay (they live on the core).
   */
  private setRenderer(webgl: boolean): void {
    if (webgl === this.webgl) return;
    const options = (this.cy as unknown as CoreInternals)._private.options;
    options.renderer = { ...options.renderer, name: 'canvas', webgl };
    if (!webgl) {
      // The WebGL mode raises the canvas renderer's layer count on its prototype; a 2D-only renderer needs 3.
      let proto: { CANVAS_LAYERS?: number } | null = Object.getPrototypeOf(
        (this.cy as unknown as CoreInternals).renderer(),
      ) as { CANVAS_LAYERS?: number };
      while (proto && !Object.prototype.hasOwnProperty.call(proto, 'CANVAS_LAYERS'))
        proto = Object.getPrototypeOf(proto) as typeof proto;
      if (proto) proto.CANVAS_LAYERS = 3;
    }
    this.cy.mount(this.container);
    this.webgl = webgl;
  }

  /**
   * A large view draws one canvas pixel per CSS pixel (Cytoscape's `pixelRatio: 1`): on a
   * high-density screen that is a quarter of the pixels to fill, for a slightly softer picture.
   * null: the screen's own ratio again.
   */
  private setPixelRatio(ratio: number | null): void {
    const renderer = (this.cy as unknown as CoreInternals).renderer();
    if (!renderer || renderer.forcedPixelRatio === ratio) return;
    renderer.forcedPixelRatio = ratio;
    this.cy.resize(); // sizes the canvases for the new ratio
  }

  know(labels: Iterable<string>, types: Iterable<string>): void {
    this.restyle(labels, types);
  }

  /**
   * Merges elements into the view. New nodes start next to a neighbour already shown (or at
   * `near`), so an incremental layout only has to nudge them. Edges whose ends are missing are skipped.
   */
  add(elements: Elements, near?: Position): AddResult {
    const cy = this.cy;
    this.restyle(
      elements.nodes.map((node) => primaryLabel(node.data.labels ?? [])),
      elements.edges.map((edge) => edge.data.type),
    );
    const addedNodes: string[] = [];
    const addedEdges: string[] = [];
    // A new node's anchor: a neighbour already in view (none when the view starts empty).
    const neighbours = new Map<string, string[]>();
    if (cy.nodes().nonempty()) {
      for (const edge of elements.edges) {
        const { source, target } = edge.data;
        (neighbours.get(source) ?? neighbours.set(source, []).get(source)!).push(target);
        (neighbours.get(target) ?? neighbours.set(target, []).get(target)!).push(source);
      }
    }
    const anchorOf = (id: string): Position | undefined => {
      for (const other of neighbours.get(id) ?? []) {
        const node = cy.getElementById(other);
        if (node.nonempty()) return node.position();
      }
      return near;
    };
    // Switch to the large look before adding, so thousands of new elements are styled once.
    this.checkScale(cy.elements().length + elements.nodes.length + elements.edges.length);
    // Ids in view, answered from a set while the view starts empty (a lookup in Cytoscape costs ~3 µs, 0.15 s at 50k elements).
    const startsEmpty = cy.elements().empty();
    const fresh = new Set<string>();
    const inView = (id: string) => (startsEmpty ? fresh.has(id) : cy.getElementById(id).nonempty());
    const definitions: ElementDefinition[] = [];
    for (const node of elements.nodes) {
      if (inView(node.data.id)) continue;
      if (startsEmpty) fresh.add(node.data.id);
      const anchor = anchorOf(node.data.id);
      const position = anchor
        ? { x: anchor.x + (Math.random() - 0.5) * 120, y: anchor.y + (Math.random() - 0.5) * 120 }
        : undefined;
      definitions.push(nodeDefinition(node, position));
      addedNodes.push(node.data.id);
    }
    const nodesAdded = cy.add(definitions);
    // Large views: the nodes' first style pass before their relationships are in, so a node's size
    // and shape do not dirty the bounds of every connected edge (Cytoscape's style triggers).
    if (this.large) nodesAdded.filter(':visible');
    const edgeDefinitions: ElementDefinition[] = [];
    for (const edge of elements.edges) {
      if (inView(edge.data.id)) continue;
      if (!inView(edge.data.source) || !inView(edge.data.target)) continue;
      if (startsEmpty) fresh.add(edge.data.id);
      edgeDefinitions.push(edgeDefinition(edge));
      addedEdges.push(edge.data.id);
    }
    cy.add(edgeDefinitions);
    this.checkScale();
    return { addedNodes, addedEdges };
  }

  clear(): void {
    this.cy.elements().remove();
    this.checkScale();
  }

  nodeIds(): string[] {
    return this.cy.nodes().map((node) => node.id());
  }

  visibleNodeIds(): string[] {
    return this.cy.nodes(':visible').map((node) => node.id());
  }

  hiddenIds(): string[] {
    return this.cy.elements('.hidden').map((ele) => ele.id());
  }

  pinnedIds(): string[] {
    return this.cy.nodes('.pinned').map((node) => node.id());
  }

  setPinned(node: NodeSingular, pinned: boolean): void {
    if (pinned) {
      node.addClass('pinned');
      node.lock();
    } else {
      node.unlock();
      node.removeClass('pinned');
    }
  }

  snapshot(): Snapshot {
    const cy = this.cy;
    const elements: ElementDefinition[] = cy.elements().map((ele) => {
      const definition: ElementDefinition = { group: ele.isNode() ? 'nodes' : 'edges', data: { ...ele.data() } };
      if (ele.isNode()) definition.position = { ...ele.position() };
      return definition;
    });
    return { elements, hidden: this.hiddenIds(), pinned: this.pinnedIds() };
  }

  restore(snapshot: Snapshot): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(snapshot.elements.map((definition) => ({ ...definition, data: { ...definition.data } })));
      for (const id of snapshot.hidden) cy.getElementById(id).addClass('hidden');
      for (const id of snapshot.pinned) {
        const node = cy.getElementById(id);
        if (node.nonempty() && node.isNode()) this.setPinned(node, true);
      }
    });
    this.checkScale();
  }
}

/** Any collection of elements (Cytoscape's typings make node/edge collections incompatible with Collection). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollection = Collection<any, any>;
