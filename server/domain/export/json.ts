import type { GraphJson } from '../../../common/api.ts';
import type { GraphNode } from '../../store/graph-values.ts';
import { visibleProperties } from '../elements.ts';
import type { ExportFormatWriter, ExportGraph } from './types.ts';

const nodeJson = (node: GraphNode) => ({
  id: node.id,
  labels: node.labels,
  properties: visibleProperties(node.properties),
});

/** The plain graph model: structure and properties apart, so no property name can clash. */
export function toGraphJson({ nodes, relationships, citations }: ExportGraph): GraphJson {
  return {
    nodes: nodes.map(nodeJson),
    relationships: relationships.map((r) => ({
      id: r.id,
      type: r.type,
      source: r.source,
      target: r.target,
      properties: visibleProperties(r.properties),
    })),
    ...(citations ? { sources: citations.sources.map(nodeJson) } : {}),
  };
}

export const jsonFormat: ExportFormatWriter = {
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  write: (graph) => `${JSON.stringify(toGraphJson(graph), null, 2)}\n`,
};
