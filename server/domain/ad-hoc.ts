// The result of an ad-hoc query as JSON rows plus its graph part as elements.
import type { CypherResponse } from '../../common/api.ts';
import type { AdHocResult } from '../cypher-console/types.ts';
import { GraphNode } from '../store/graph-values.ts';
import type { GraphStore } from '../store/port.ts';
import type { Row } from '../store/graph-values.ts';
import type { Subgraph } from './elements.ts';
import { SubgraphBuilder, toElements, toJson } from './elements.ts';
import { ownValue } from '../../common/own-keys.ts';

/**
 * The nodes, relationships and paths anywhere in the rows. Relationship ends the query did not
 * return are looked up, so every edge has both its nodes; an edge whose end cannot be found is dropped.
 */
export async function graphOfRows(store: GraphStore, rows: Row[]): Promise<Subgraph> {
  const graph = new SubgraphBuilder();
  rows.forEach((row) => graph.addValue(row));
  const missing = graph.missingEnds();
  if (missing.length > 0) {
    const { rows: found } = await store.read('nodes-by-ids', { ids: missing });
    for (const { n } of found) if (n instanceof GraphNode) graph.addNode(n);
  }
  const { nodes, relationships } = graph.subgraph();
  const ids = new Set(nodes.map((node) => node.id));
  return { nodes, relationships: relationships.filter((r) => ids.has(r.source) && ids.has(r.target)) };
}

export async function toCypherResponse(store: GraphStore, result: AdHocResult): Promise<CypherResponse> {
  const rows = result.rows.map((row) => {
    return Object.fromEntries(result.columns.map((column) => [column, toJson(ownValue(row, column))]));
  });
  return {
    columns: result.columns,
    rows,
    elements: toElements(await graphOfRows(store, result.rows)),
    capped: result.capped,
    ...(result.cappedBy ? { cappedBy: result.cappedBy } : {}),
    elapsedMs: result.elapsedMs,
    ...(result.warnings ? { warnings: result.warnings } : {}),
  };
}
