import type { GraphJson } from '../../../common/api.ts';
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { visibleProperties } from '../elements.ts';
import { jsonChunks } from './json-chunks.ts';
import type { ExportFormatWriter, ExportGraph } from './types.ts';

const nodeJson = (node: GraphNode) => ({
  id: node.id,
  labels: node.labels,
  properties: visibleProperties(node.properties),
});

const relationshipJson = (r: GraphRelationship) => ({
  id: r.id,
  type: r.type,
  source: r.source,
  target: r.target,
  properties: visibleProperties(r.properties),
});

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** The plain graph model: structure and properties apart, so no property name can clash. */
export function toGraphJson({ nodes, relationships, citations }: ExportGraph): GraphJson {
  return {
    nodes: nodes.map(nodeJson),
    relationships: relationships.map(relationshipJson),
    ...(citations ? { sources: citations.sources.map(nodeJson) } : {}),
  };
}

export const jsonFormat: ExportFormatWriter = {
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  // toGraphJson's text, each element made as it is written.
  write: ({ nodes, relationships, citations }) =>
    jsonChunks({
      nodes: mapped(nodes, nodeJson),
      relationships: mapped(relationships, relationshipJson),
      ...(citations ? { sources: mapped(citations.sources, nodeJson) } : {}),
    }),
};
