// Cytoscape JSON (.cyjs): read by Cytoscape desktop (File > Import > Network from File) and
// cytoscape.js. Element data is one map, so properties named like the structural fields are
// written as property.<name> (property-names.ts).
import type { JsonValue } from '../../../common/api.ts';
import { caption, visibleProperties } from '../elements.ts';
import { withCitations } from './citations.ts';
import { jsonChunks } from './json-chunks.ts';
import { propertyKey } from './property-names.ts';
import type { ExportFormatWriter } from './types.ts';

// cytoscape.js reads id, source, target and parent; Cytoscape desktop adds SUID, selected, the
// shared names and interaction; label, labels and type are ours.
export const cyjsNodeFields = ['id', 'label', 'labels', 'parent', 'SUID', 'selected', 'shared name'] as const;
export const cyjsEdgeFields = [
  'id',
  'source',
  'target',
  'type',
  'interaction',
  'SUID',
  'selected',
  'shared name',
  'shared interaction',
] as const;

/** The properties under their written names; `id` is the element's own id and is not repeated. */
function renamed(properties: Record<string, JsonValue>, structural: readonly string[]): Record<string, JsonValue> {
  const kept = Object.entries(properties).filter(([name]) => name !== 'id');
  return Object.fromEntries(kept.map(([name, value]) => [propertyKey(name, structural), value]));
}

export const cyjsFormat: ExportFormatWriter = {
  extension: 'cyjs',
  contentType: 'application/json; charset=utf-8',
  write: (graph, name) => {
    const { nodes, relationships } = withCitations(graph);
    const document = {
      format_version: '1.0',
      generated_by: 'kg-explorer',
      target_cytoscapejs_version: '~3',
      data: { name },
      elements: {
        nodes: (function* () {
          for (const node of nodes)
            yield {
              data: {
                ...renamed(visibleProperties(node.properties), cyjsNodeFields),
                id: node.id,
                label: caption(node),
                labels: node.labels,
              },
            };
        })(),
        edges: (function* () {
          for (const r of relationships)
            yield {
              data: {
                ...renamed(visibleProperties(r.properties), cyjsEdgeFields),
                id: r.id,
                source: r.source,
                target: r.target,
                type: r.type,
                interaction: r.type,
              },
            };
        })(),
      },
    };
    // The text JSON.stringify(document, null, 2) writes, each element made as it is written.
    return jsonChunks(document);
  },
};
