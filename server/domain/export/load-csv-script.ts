// A LOAD CSV script over the neo4j-admin files (neo4j-import.ts): the app's schema, then one
// statement per file that merges its rows (nodes on :Entity and id, relationships on id) and
// converts each column back to its type, so it gives the same graph as neo4j-admin does.
import type { Column } from './columns.ts';
import { cypherIdentifier, cypherString } from './cypher-text.ts';
import { schemaStatements } from './cypher-script.ts';
import type { ImportPlan } from './neo4j-import.ts';

const convert = { long: 'toInteger', double: 'toFloat', boolean: 'toBoolean', string: '' } as const;

function read(column: Column, header: string, arrayDelimiter: string): string {
  const field = `row.${cypherIdentifier(header, 'property key')}`;
  if (column.mixed) return field;
  if (!column.list) return column.type === 'string' ? field : `${convert[column.type]}(${field})`;
  const split = `split(${field}, ${cypherString(arrayDelimiter)})`;
  return column.type === 'string' ? split : `[x IN ${split} | ${convert[column.type]}(x)]`;
}

function properties(columns: Column[], headers: string[], arrayDelimiter: string): string {
  const offset = headers.length - columns.length;
  const entries = columns.map(
    (column, index) =>
      `${cypherIdentifier(column.name, 'property key')}: ${read(column, headers[index + offset]!, arrayDelimiter)}`,
  );
  return `{${entries.join(', ')}}`;
}

/** The script; `url` says where Neo4j finds a file (its import folder by default). */
export function loadCsvScript(plan: ImportPlan, url = (file: string) => `file:///${file}`): string {
  const { arrayDelimiter } = plan;
  const lines = [
    "// Exported by kg-explorer: loads the CSV files beside this script (put them in Neo4j's import",
    '// folder) with LOAD CSV. Run: cypher-shell -f load-csv.cypher',
    ...schemaStatements(),
  ];
  for (const file of plan.nodes) {
    const labels = file.names
      .filter((label) => label !== 'Entity')
      .map((label) => `:${cypherIdentifier(label, 'label')}`)
      .join('');
    lines.push(
      `LOAD CSV WITH HEADERS FROM ${cypherString(url(file.file))} AS row ` +
        `MERGE (n:Entity {id: row.\`id:ID\`})${labels ? ` SET n${labels}` : ''} ` +
        `SET n += ${properties(file.columns, file.headers, arrayDelimiter)};`,
    );
  }
  for (const file of plan.relationships) {
    const idHeader = file.headers[file.columns.findIndex((column) => column.name === 'id') + 3]!;
    lines.push(
      `LOAD CSV WITH HEADERS FROM ${cypherString(url(file.file))} AS row ` +
        'MATCH (a:Entity {id: row.`:START_ID`}) MATCH (b:Entity {id: row.`:END_ID`}) ' +
        `MERGE (a)-[r:${cypherIdentifier(file.names[0]!, 'relationship type')} {id: row.${cypherIdentifier(idHeader, 'property key')}}]->(b) ` +
        `SET r += ${properties(file.columns, file.headers, arrayDelimiter)};`,
    );
  }
  return `${lines.join('\n')}\n`;
}
