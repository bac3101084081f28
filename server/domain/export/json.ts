import type { GraphJson } from '../../../common/api.ts';
import type { Subgraph } from '../elements.ts';
import { visibleProperties } from '../elements.ts';

/** The plain graph model as JSON. */
export function toGraphJson({ nodes, relationships }: Subgraph): GraphJson {
  return {
    nodes: nodes.map((node) => ({ id: node.id, labels: node.labels, properties: visibleProperties(node.properties) })),
    relationships: relationships.map((r) => ({
      id: r.id,
      type: r.type,
      source: r.source,
      target: r.target,
      properties: visibleProperties(r.properties),
    })),
  };
}

export function writeJson(subgraph: Subgraph): string {
  return `${JSON.stringify(toGraphJson(subgraph), null, 2)}\n`;
}
