// The Neo4j bulk import, in a zip: neo4j-admin's CSV files (one per label set and relationship
// type, typed headers), schema.cypher, load-csv.cypher (the same files through LOAD CSV) and a
// README with the commands. Cells are written exactly (no spreadsheet neutralising): "" is the
// empty string and an empty cell no value, as neo4j-admin reads them.
import { withCitations } from './citations.ts';
import { csvChunks } from './csv-chunks.ts';
import { schemaStatements } from './cypher-script.ts';
import { loadCsvScript } from './load-csv-script.ts';
import type { ImportFile, ImportPlan } from './neo4j-import.ts';
import { importCell, planImport } from './neo4j-import.ts';
import type { ExportFormatWriter } from './types.ts';
import { zipChunks } from './zip.ts';
import { ownValue } from '../../../common/own-keys.ts';

/** The shell's single-quoted form of a word. */
const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function importCommand(plan: ImportPlan): string {
  const options = [
    ...plan.nodes.map((file) => `--nodes=import/${file.file}`),
    ...plan.relationships.map((file) => `--relationships=import/${file.file}`),
    `--array-delimiter=${shellQuoted(plan.arrayDelimiter)}`,
    '--multiline-fields=true',
  ];
  return ['bin/neo4j-admin database import full', ...options, 'neo4j'].join(' \\\n  ');
}

function readme(plan: ImportPlan): string {
  return `# Neo4j import of a kg-explorer export

Files: one CSV per label set (nodes-*.csv) and per relationship type (relationships-*.csv), with
neo4j-admin's headers: id:ID and :LABEL for nodes, :START_ID, :END_ID and :TYPE for relationships,
then one column per property with its type (name:string, count:long, sources:string[]). Lists are
separated by ${JSON.stringify(plan.arrayDelimiter)}, a character none of their elements contains. In a cell, "" is the
empty string and nothing is no value. Every property is included, the explorer's search fields
(searchName, searchText) too, so the explorer runs on the imported database as it does on this one.

## Into a new database, with neo4j-admin (Neo4j 5, the database stopped)

Copy the CSV files into the import folder of the Neo4j home, then, from the Neo4j home:

\`\`\`sh
${importCommand(plan)}
\`\`\`

(add --overwrite-destination=true to replace an existing database). Start Neo4j, then create the
explorer's constraint and indexes:

\`\`\`sh
bin/cypher-shell -u neo4j -p <password> -f schema.cypher
\`\`\`

## Into a running database, with LOAD CSV

Copy the CSV files into Neo4j's import folder (server.directories.import), then:

\`\`\`sh
bin/cypher-shell -u neo4j -p <password> -f load-csv.cypher
\`\`\`

It creates the constraint and indexes, then merges the nodes on :Entity and id and the
relationships on id, so running it twice changes nothing.
`;
}

function* fileRows<T>(
  file: ImportFile<T>,
  structural: (item: T) => string[],
  arrayDelimiter: string,
): Generator<(string | null)[]> {
  yield file.headers;
  for (const [index, item] of file.items.entries()) {
    const properties = file.properties[index]!;
    yield [
      ...structural(item),
      ...file.columns.map((column) => importCell(ownValue(properties, column.name), column, arrayDelimiter)),
    ];
  }
}

export const neo4jCsvFormat: ExportFormatWriter = {
  extension: 'zip',
  contentType: 'application/zip',
  *write(graph, _name, modified) {
    const { nodes, relationships } = withCitations(graph);
    const plan = yield* planImport(nodes, relationships);
    const { arrayDelimiter } = plan;
    // Before the first byte: the script refuses names Cypher cannot hold.
    const script = loadCsvScript(plan);
    yield* zipChunks(
      [
        { name: 'README.md', chunks: [readme(plan)] },
        { name: 'schema.cypher', chunks: [`${schemaStatements().join('\n')}\n`] },
        { name: 'load-csv.cypher', chunks: [script] },
        ...plan.nodes.map((file) => ({
          name: file.file,
          chunks: csvChunks(fileRows(file, (node) => [node.id, node.labels.join(arrayDelimiter)], arrayDelimiter)),
        })),
        ...plan.relationships.map((file) => ({
          name: file.file,
          chunks: csvChunks(fileRows(file, (r) => [r.source, r.target, r.type], arrayDelimiter)),
        })),
      ],
      modified,
    );
  },
};
