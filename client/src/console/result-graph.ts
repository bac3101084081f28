// The console's Graph tab: the result's nodes, relationships and paths in a small Cytoscape canvas
// of its own, styled like the view, laid out afresh for each result.
import cytoscape, { type Core } from 'cytoscape';
import type { Elements } from '../../../common/api.ts';
import { edgeDefinition, nodeDefinition } from '../canvas.ts';
import { primaryLabel, stylesheet } from '../style.ts';

export class ResultGraph {
  private cy: Core | null = null;

  constructor(private readonly container: HTMLElement) {}

  /** Draws the elements (the container must be shown, so it has a size). */
  show(elements: Elements): void {
    const labels = [...new Set(elements.nodes.map((node) => primaryLabel(node.data.labels ?? [])))];
    const types = [...new Set(elements.edges.map((edge) => edge.data.type))];
    this.cy ??= cytoscape({ container: this.container, minZoom: 0.1, maxZoom: 3, boxSelectionEnabled: false });
    const cy = this.cy;
    cy.style(stylesheet(labels, types));
    cy.elements().remove();
    cy.add([
      ...elements.nodes.map((node) => nodeDefinition(node)),
      ...elements.edges.map((edge) => edgeDefinition(edge)),
    ]);
    this.refit();
    cy.layout({
      name: elements.nodes.length > 2 ? 'fcose' : 'circle',
      animate: false,
      fit: true,
      padding: 20,
    } as cytoscape.LayoutOptions).run();
  }

  /** After the container was shown or resized. */
  refit(): void {
    this.cy?.resize();
    this.cy?.fit(undefined, 20);
  }

  /** Node ids drawn (for tests and the status line). */
  nodeIds(): string[] {
    return this.cy?.nodes().map((node) => node.id()) ?? [];
  }
}
