// Pointing at the graph: hovering a node lights up its neighbourhood (the rest fades) and shows a
// tooltip with its name, kind and date; hovering a relationship or a bundle shows what it is. The
// tooltip's root element is the caller's; large views get the tooltip only (restyling thousands of
// elements on every move would stall the pointer).
import type { Core, EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { h } from '../dom.ts';
import { tooltipText } from './tooltip-text.ts';

export class Hover {
  private current: string | null = null;

  constructor(
    private readonly cy: Core,
    private readonly tooltip: HTMLElement,
    private readonly options: { highlight: () => boolean },
  ) {
    tooltip.hidden = true;
    tooltip.setAttribute('role', 'tooltip');
    cy.on('mouseover', 'node, edge', (event: EventObject) => this.show(event.target.id() as string));
    cy.on('mouseout', 'node, edge', () => this.hide());
    cy.on('viewport drag grab remove tap', () => this.hide());
    // Leaving the canvas fast gives Cytoscape no last move over the background: hide on leaving it.
    cy.container()?.addEventListener('mouseleave', () => this.hide());
  }

  /** Highlights an element's neighbourhood and shows its tooltip beside it. */
  show(id: string): void {
    const ele = this.cy.getElementById(id);
    if (ele.empty() || ele.removed()) return;
    this.hide();
    this.current = id;
    if (this.options.highlight()) {
      const near = ele.isNode()
        ? (ele as NodeSingular).closedNeighborhood()
        : (ele as EdgeSingular).connectedNodes().union(ele);
      this.cy.batch(() => {
        near.addClass('hover-near');
        this.cy.elements().not(near).addClass('hover-far');
      });
    }
    const nameOf = (other: string) => String(this.cy.getElementById(other).data('label') ?? other);
    const { title, lines } = tooltipText(ele.data() as Record<string, never>, nameOf);
    this.tooltip.replaceChildren(h('strong', {}, title), ...lines.map((line) => h('span', {}, line)));
    this.tooltip.hidden = false;
    const box = ele.renderedBoundingBox({ includeLabels: false });
    const width = this.cy.width();
    const left = Math.min(Math.max(4, box.x2 + 8), Math.max(4, width - this.tooltip.offsetWidth - 4));
    const top = Math.max(4, box.y1 - 4);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${top}px`;
  }

  hide(): void {
    if (this.current === null) return;
    this.current = null;
    this.tooltip.hidden = true;
    this.cy.batch(() => this.cy.elements('.hover-near, .hover-far').removeClass('hover-near hover-far'));
  }
}
