// What a writer may need beyond the subgraph: the Source nodes its relationships cite, which an
// export by node ids or by query seldom includes.
import type { GraphNode } from '../../store/graph-values.ts';
import type { GraphStore } from '../../store/port.ts';
import { citedSources } from '../cited-sources.ts';
import type { Subgraph } from '../elements.ts';

export interface ExportContext {
  /** The Source nodes the subgraph's relationships cite, by id. */
  sources: ReadonlyMap<string, GraphNode>;
}

export const emptyExportContext: ExportContext = { sources: new Map() };

export async function exportContext(store: GraphStore, subgraph: Subgraph): Promise<ExportContext> {
  return { sources: await citedSources(store, subgraph.relationships) };
}
