// Running an exported script (one statement per line, ending in ';', // comments) into a store,
// and reading a store back as plain maps to compare.
import { GraphNode, GraphRelationship } from '../../server/store/graph-values.ts';
import type { GraphStore } from '../../server/store/port.ts';
import type { ReadGraph } from './export-files.ts';

/** The statements of a script, without their ';'. */
export function scriptStatements(script: string): string[] {
  return script
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('//'))
    .map((line) => {
      if (!line.endsWith(';')) throw new Error(`a statement that does not end its line: ${line.slice(0, 80)}`);
      return line.slice(0, -1);
    });
}

export async function replay(store: GraphStore, script: string): Promise<void> {
  for (const text of scriptStatements(script)) await store.write({ text });
}

/** Everything a store holds, `id` as each element's key (the stable id) and not among its properties. */
export async function storeGraph(store: GraphStore): Promise<ReadGraph> {
  const graph: ReadGraph = { nodes: {}, relationships: {} };
  const { rows } = await store.read({ text: 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN n, r' });
  for (const { n, r } of rows) {
    if (n instanceof GraphNode) {
      const { id: _id, ...properties } = n.properties;
      graph.nodes[n.id] = { labels: [...n.labels].sort(), properties };
    }
    if (r instanceof GraphRelationship) {
      const { id: _id, ...properties } = r.properties;
      graph.relationships[r.id] = { type: r.type, source: r.source, target: r.target, properties };
    }
  }
  return graph;
}
