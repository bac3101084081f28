// A Cypher script that recreates the exported subgraph in Neo4j 5 or the embedded store: the
// app's schema (constraint and indexes), then one MERGE statement per node (on :Entity and id)
// and per relationship (on its id), each on one line and ending in ';', so it runs in
// cypher-shell, in Neo4j Browser, or split by line. Every property is written, the derived search
// fields included, so a store rebuilt from it searches, expands and exports like the original.
import type { GraphNode, GraphRelationship, Properties } from '../../store/graph-values.ts';
import { queryText, statements } from '../../store/queries.ts';
import { storedProperties } from '../elements.ts';
import type { Subgraph } from '../elements.ts';
import type { Chunk } from './chunks.ts';
import { pausingEach } from './chunks.ts';
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

/**
 * Every label, relationship type and property key the script will write, checked as Cypher names
 * (cypherIdentifier): an UnexportableError comes before the script's first line, not in its middle.
 */
export function* checkCypherNames({ nodes, relationships }: Subgraph): Generator<Chunk> {
  const seen = new Set<string>();
  // As cypherMap writes them: keys with no value are left out.
  const checkKeys = (properties: Properties) => {
    for (const [key, value] of Object.entries(storedProperties(properties)))
      if (value !== null && value !== undefined) check(key, 'property key');
  };
  const check = (name: string, kind: Parameters<typeof cypherIdentifier>[1]) => {
    const key = `${kind}:${name}`;
    if (seen.has(key)) return;
    cypherIdentifier(name, kind);
    seen.add(key);
  };
  yield* pausingEach(nodes, (node) => {
    for (const label of node.labels) check(label, 'label');
    checkKeys(node.properties);
  });
  yield* pausingEach(relationships, (r) => {
    check(r.type, 'relationship type');
    checkKeys(r.properties);
  });
}

export const cypherFormat: ExportFormatWriter = {
  extension: 'cypher',
  contentType: 'application/x-cypher-query; charset=utf-8',
  *write(graph) {
    const subgraph = withCitations(graph);
    yield* checkCypherNames(subgraph);
    yield `${[...cypherScriptHeader, ...schemaStatements()].join('\n')}\n`;
    for (const node of subgraph.nodes) yield `${mergeNode(node)}\n`;
    for (const r of subgraph.relationships) yield `${mergeRelationship(r)}\n`;
  },
};
