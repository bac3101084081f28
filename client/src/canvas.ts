// The Cytoscape canvas: turns API elements into styled Cytoscape elements, merges them in,
// and snapshots/restores the whole view (for undo/redo and permalinks).
import cytoscape from 'cytoscape';
import type { Collection, Core, ElementDefinition, NodeSingular, Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import svg from 'cytoscape-svg';
import type { EdgeElement, Elements, NodeElement } from '../../common/api.ts';
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

export class Canvas {
  readonly cy: Core;
  private labels: string[] = [];
  private types: string[] = [];

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style: stylesheet([], []),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: true,
      selectionType: 'additive',
    });
  }

  /** Re-styles for the labels and types known so far (from the schema and whatever was loaded). */
  private restyle(labels: Iterable<string>, types: Iterable<string>): void {
    let changed = false;
    for (const label of labels) if (!this.labels.includes(label)) (this.labels.push(label), (changed = true));
    for (const type of types) if (!this.types.includes(type)) (this.types.push(type), (changed = true));
    if (changed) this.cy.style(stylesheet(this.labels, this.types));
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
    const anchorOf = (id: string): Position | undefined => {
      for (const edge of elements.edges) {
        const other = edge.data.source === id ? edge.data.target : edge.data.target === id ? edge.data.source : null;
        if (other) {
          const node = cy.getElementById(other);
          if (node.nonempty()) return node.position();
        }
      }
      return near;
    };
    const definitions: ElementDefinition[] = [];
    for (const node of elements.nodes) {
      if (cy.getElementById(node.data.id).nonempty()) continue;
      const anchor = anchorOf(node.data.id);
      const position = anchor
        ? { x: anchor.x + (Math.random() - 0.5) * 120, y: anchor.y + (Math.random() - 0.5) * 120 }
        : undefined;
      definitions.push(nodeDefinition(node, position));
      addedNodes.push(node.data.id);
    }
    cy.add(definitions);
    const edgeDefinitions: ElementDefinition[] = [];
    for (const edge of elements.edges) {
      if (cy.getElementById(edge.data.id).nonempty()) continue;
      if (cy.getElementById(edge.data.source).empty() || cy.getElementById(edge.data.target).empty()) continue;
      edgeDefinitions.push(edgeDefinition(edge));
      addedEdges.push(edge.data.id);
    }
    cy.add(edgeDefinitions);
    return { addedNodes, addedEdges };
  }

  clear(): void {
    this.cy.elements().remove();
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
  }
}

/** Any collection of elements (Cytoscape's typings make node/edge collections incompatible with Collection). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCollection = Collection<any, any>;
