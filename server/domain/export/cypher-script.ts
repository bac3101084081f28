import type { Subgraph } from '../elements.ts';
import { visibleProperties } from '../elements.ts';

// A Cypher script of MERGE statements that recreates a subgraph in an empty Neo4j (or the embedded
// store). One statement per line, each ending in ';' (string literals escape their line breaks),
// so it runs in cypher-shell, in Neo4j Browser, or split by line.

/** A string as a Cypher literal: double-quoted, with backslash escapes. */
export function cypherString(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t\u2028\u2029]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** A name (label, type, key) as a backquoted Cypher identifier. */
export function cypherName(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}

/** A property value as a Cypher literal; maps (which Neo4j cannot store) become JSON text. */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : cypherString(String(value));
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  return cypherString(JSON.stringify(value));
}

function mapLiteral(properties: Record<string, unknown>): string {
  const entries = Object.entries(properties).filter(([, value]) => value !== null && value !== undefined);
  return `{${entries.map(([key, value]) => `${cypherName(key)}: ${cypherLiteral(value)}`).join(', ')}}`;
}

export function writeCypherScript({ nodes, relationships }: Subgraph): string {
  const lines = [
    '// Recreates the exported subgraph: nodes are merged on their :Entity id, relationships on their id.',
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;',
  ];
  for (const node of nodes) {
    const labels = node.labels
      .filter((label) => label !== 'Entity')
      .map((label) => `:${cypherName(label)}`)
      .join('');
    const properties = { ...visibleProperties(node.properties), id: node.id };
    const setLabels = labels ? ` SET n${labels}` : '';
    lines.push(`MERGE (n:Entity {id: ${cypherString(node.id)}})${setLabels} SET n += ${mapLiteral(properties)};`);
  }
  for (const r of relationships) {
    const properties = { ...visibleProperties(r.properties), id: r.id };
    lines.push(
      `MATCH (a:Entity {id: ${cypherString(r.source)}}) MATCH (b:Entity {id: ${cypherString(r.target)}}) ` +
        `MERGE (a)-[r:${cypherName(r.type)} {id: ${cypherString(r.id)}}]->(b) SET r += ${mapLiteral(properties)};`,
    );
  }
  return `${lines.join('\n')}\n`;
}
