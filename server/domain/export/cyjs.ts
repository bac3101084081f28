import type { Subgraph } from '../elements.ts';
import { toElements } from '../elements.ts';

/** Cytoscape JSON (.cyjs): read by Cytoscape desktop (File > Import > Network) and cytoscape.js. */
export function writeCyjs(subgraph: Subgraph, name: string): string {
  const { nodes, edges } = toElements(subgraph);
  const document = {
    format_version: '1.0',
    generated_by: 'kg-explorer',
    target_cytoscapejs_version: '~3',
    data: { name },
    elements: {
      nodes: nodes.map(({ data }) => ({ data: { ...data, name: data.label } })),
      edges: edges.map(({ data }) => ({ data: { ...data, interaction: data.type } })),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
