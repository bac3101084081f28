// Citations travel with an export: the Source nodes that the relationships' `sources` name, and,
// for the graph formats, a CITES link per citation. A property graph cannot link a relationship to
// a node, so a CITES link starts at the citing relationship's start node and names the
// relationship in its `relationship` property.
import { GraphRelationship } from '../../store/graph-values.ts';
import type { GraphStore } from '../../store/port.ts';
import { citedSourceIds, citedSources } from '../cited-sources.ts';
import type { Subgraph } from '../elements.ts';
import type { Citations, ExportGraph } from './types.ts';

export const citesType = 'CITES';

/** The Source nodes the relationships cite, in order of first citation; ids not in the store are skipped. */
export async function citationsOf(store: GraphStore, relationships: GraphRelationship[]): Promise<Citations> {
  const byId = await citedSources(store, relationships);
  const links = relationships.flatMap((r) =>
    citedSourceIds([r])
      .filter((id) => byId.has(id))
      .map((id) => {
        const linkId = `cites:${r.id}:${id}`;
        return new GraphRelationship(linkId, citesType, r.source, id, { id: linkId, relationship: r.id });
      }),
  );
  return { sources: [...byId.values()], links };
}

/** The graph as the graph formats write it: cited sources added as nodes (once) and CITES links as relationships. */
export function withCitations({ nodes, relationships, citations }: ExportGraph): Subgraph {
  if (!citations) return { nodes, relationships };
  const present = new Set(nodes.map((node) => node.id));
  return {
    nodes: [...nodes, ...citations.sources.filter((source) => !present.has(source.id))],
    relationships: [...relationships, ...citations.links],
  };
}
