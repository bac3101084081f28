// What the Cytoscape typings leave out: cy.svg() from cytoscape-svg, and the documented `renderer`
// option (Cytoscape 3.31+: `{ name: 'canvas', webgl: true }` draws with WebGL).
import 'cytoscape';

declare module 'cytoscape' {
  interface Core {
    /** From cytoscape-svg: the view (or the full graph) as an SVG document. */
    svg(options?: { full?: boolean; scale?: number; bg?: string }): string;
  }
  interface CytoscapeOptions {
    renderer?: { name: 'canvas'; webgl?: boolean };
  }
}
