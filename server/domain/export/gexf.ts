import graphology from 'graphology';
import { write } from 'graphology-gexf';
import type { Subgraph } from '../elements.ts';
import { caption, visibleProperties } from '../elements.ts';
import { scalar } from './attributes.ts';

const { MultiDirectedGraph } = graphology;

function flat(properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    const v = scalar(value);
    if (v !== null) result[key] = v;
  }
  return result;
}

/** GEXF 1.3 (Gephi) written by graphology-gexf: typed attributes, lists as JSON text. */
export function writeGexf({ nodes, relationships }: Subgraph): string {
  const graph = new MultiDirectedGraph();
  for (const node of nodes) {
    graph.addNode(node.id, {
      ...flat(visibleProperties(node.properties)),
      label: caption(node),
      labels: node.labels.join(';'),
    });
  }
  for (const r of relationships) {
    graph.addEdgeWithKey(r.id, r.source, r.target, {
      ...flat(visibleProperties(r.properties)),
      type: r.type,
      label: r.type,
    });
  }
  return write(graph, {
    formatNode: (_key, attributes) => {
      const { label, ...rest } = attributes;
      return { label: String(label), attributes: rest };
    },
    formatEdge: (_key, attributes) => {
      const { label, ...rest } = attributes;
      return { label: String(label), attributes: rest };
    },
  });
}
