// Arcs on the canvas: each relationship's `_arc` (its bend, map-arcs.ts) from where its ends are.
import type { Core, EdgeCollection, EdgeSingular, NodeSingular } from 'cytoscape';
import { arcBends } from './map-arcs.ts';

/** Sets each relationship's `_arc` from where its ends are now. */
export function bendEdges(cy: Core, edges: EdgeCollection = cy.edges()): void {
  const bends = arcBends(
    edges.map((edge) => ({
      id: edge.id(),
      source: edge.data('source') as string,
      target: edge.data('target') as string,
    })),
    (id) => {
      const node = cy.getElementById(id);
      return node.nonempty() ? (node as NodeSingular).position() : undefined;
    },
  );
  // Only the bends that changed: new data restyles the edge.
  const changed = edges.filter((edge) => edge.data('_arc') !== bends.get(edge.id()));
  if (changed.nonempty()) cy.batch(() => changed.forEach((edge) => void edge.data('_arc', bends.get(edge.id()))));
}

/** Takes the arcs away (another layout draws relationships its own way). */
export function straightenEdges(cy: Core): void {
  const bent = cy.edges('[_arc]');
  if (bent.nonempty()) cy.batch(() => bent.forEach((edge) => void (edge as EdgeSingular).removeData('_arc')));
}
