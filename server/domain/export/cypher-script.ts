// A Cypher script that recreates the exported subgraph in Neo4j 5 or the embedded store: the
// app's schema (constraint and indexes), then one MERGE statement per node (on :Entity and id)
// and per relationship (on its id), each on one line and ending in ';', so it runs in
// cypher-shell, in Neo4j Browser, or split by line. Every property is written, the derived search
// fields included, so a store rebuilt from it searches, expands and exports like the original.
import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import { queryText, statements } from '../../store/queries.ts';
import { storedProperties } from '../elements.ts';
import { withCitations } from './citations.ts';
import { cypherIdentifier, cypherMap, cypherString } from './cypher-text.ts';
import type { ExportFormatWriter } from './types.ts';

export const cypherScriptHeader = [
  '// Exported by kg-explorer: recreates the nodes (merged on :Entity and id) and the relationships',
  '// (merged on id) with every property. Every node is given :Entity, as the explorer expects.',
  '// Maps, which a Neo4j property cannot hold, are JSON text. Run: cypher-shell -f <this file>',
];

/** The schema statements the app runs on a new store (cypher/schema.cypher). */
export function schemaStatements(): string[] {
  return statements(queryText('schema')).map((statement) => `${statement.replace(/\s+/g, ' ')};`);
}

export function mergeNode(node: GraphNode): string {
  const labels = node.labels
    .filter((label) => label !== 'Entity')
    .map((label) => `:${cypherIdentifier(label, 'label')}`)
    .join('');
  const properties = { ...storedProperties(node.properties), id: node.id };
  const setLabels = labels ? ` SET n${labels}` : '';
  return `MERGE (n:Entity {id: ${cypherString(node.id)}})${setLabels} SET n += ${cypherMap(properties)};`;
}

export function mergeRelationship(r: GraphRelationship): string {
  const properties = { ...storedProperties(r.properties), id: r.id };
  return (
    `MATCH (a:Entity {id: ${cypherString(r.source)}}) MATCH (b:Entity {id: ${cypherString(r.target)}}) ` +
    `MERGE (a)-[r:${cypherIdentifier(r.type, 'relationship type')} {id: ${cypherString(r.id)}}]->(b) ` +
    `SET r += ${cypherMap(properties)};`
  );
}

export const cypherFormat: ExportFormatWriter = {
  extension: 'cypher',
  contentType: 'application/x-cypher-query; charset=utf-8',
  write: (graph) => {
    const { nodes, relationships } = withCitations(graph);
    const lines = [
      ...cypherScriptHeader,
      ...schemaStatements(),
      ...nodes.map(mergeNode),
      ...relationships.map(mergeRelationship),
    ];
    return `${lines.join('\n')}\n`;
  },
};
