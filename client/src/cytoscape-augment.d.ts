// cytoscape-svg adds cy.svg() to the core.
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    /** From cytoscape-svg: the view (or the full graph) as an SVG document. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
}
