// Types for the Cytoscape extensions that ship none.
declare module 'cytoscape-fcose' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-dagre' {
  const extension: cytoscape.Ext;
  export default extension;
}
declare module 'cytoscape-svg' {
  const extension: cytoscape.Ext;
  export default extension;
}
// Its package.json `exports` has no `types` condition, so point TypeScript at its declarations.
declare module '@neo4j-cypher/codemirror' {
  export * from '@neo4j-cypher/codemirror/src/codemirror.js';
}
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]), to within `precision`. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
