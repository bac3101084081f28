// The Neo4j bulk-import zip read as neo4j-admin reads it (csv-parse for the cells, the typed
// headers split at their last colon, lists at the delimiter its README's command names): every
// property of every element, exact and typed.
import { parse } from 'csv-parse/sync';
import { seedAwkward } from '../support/awkward-graph.ts';
import type { ReadGraph } from '../support/export-files.ts';
import { awkwardGraph, download, unzip } from '../support/export-files.ts';
import { describe, expect, fileApp, it } from '../support/fixtures.ts';

const h = fileApp({ seed: seedAwkward });
const ids = Object.keys(awkwardGraph().nodes);

function cells(text: string): (string | null)[][] {
  return parse(text, { cast: (value, context) => (value === '' && !context.quoting ? null : value) }) as (
    string | null
  )[][];
}

/** A typed cell as neo4j-admin reads it (`name:type`, `name:type[]`). */
function typed(cell: string, type: string, delimiter: string): unknown {
  if (type.endsWith('[]')) return cell.split(delimiter).map((item) => typed(item, type.slice(0, -2), delimiter));
  if (type === 'long' || type === 'double') return Number(cell);
  if (type === 'boolean') return cell === 'true';
  return cell;
}

function readFile(text: string, delimiter: string) {
  const [header, ...rows] = cells(text);
  const columns = header!.map((entry) => {
    const at = entry!.lastIndexOf(':');
    return { name: entry!.slice(0, at), type: entry!.slice(at + 1) };
  });
  return rows.map((row) => {
    const structural: Record<string, string> = {};
    const properties: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = row[i];
      if (cell === null || cell === undefined) return;
      if (column.name === '' || column.type === 'ID') structural[column.type] = cell;
      else properties[column.name] = typed(cell, column.type, delimiter);
    });
    return { structural, properties };
  });
}

function fromImport(files: Record<string, string>): ReadGraph {
  const delimiter = /--array-delimiter='([^']+)'/.exec(files['README.md']!)![1]!;
  const graph: ReadGraph = { nodes: {}, relationships: {} };
  for (const [name, text] of Object.entries(files)) {
    if (name.startsWith('nodes-')) {
      for (const { structural, properties } of readFile(text, delimiter)) {
        graph.nodes[structural.ID!] = { labels: structural.LABEL!.split(delimiter).sort(), properties };
      }
    }
    if (name.startsWith('relationships-')) {
      for (const { structural, properties } of readFile(text, delimiter)) {
        const { id, ...rest } = properties;
        graph.relationships[String(id)] = {
          type: structural.TYPE!,
          source: structural.START_ID!,
          target: structural.END_ID!,
          properties: rest,
        };
      }
    }
  }
  return graph;
}

describe('neo4j-csv export (neo4j-admin, LOAD CSV)', () => {
  it('when read as neo4j-admin reads it, every property is the stored one, typed', async () => {
    const files = await unzip((await download(h.app, { format: 'neo4j-csv', ids })).body);
    expect(fromImport(files)).toEqual(awkwardGraph());
  });

  it('when a list holds ; | and ^, the array delimiter is a character none of them holds', async () => {
    const files = await unzip((await download(h.app, { format: 'neo4j-csv', ids })).body);
    const delimiter = /--array-delimiter='([^']+)'/.exec(files['README.md']!)![1]!;
    expect(delimiter).not.toBe(';');
    expect(awkwardGraph().nodes['awk:lists']!.properties.aliases).not.toContainEqual(
      expect.stringContaining(delimiter),
    );
  });

  it('when zipped, it holds one file per label set and type, the schema, the LOAD CSV script and the command', async () => {
    const files = await unzip((await download(h.app, { format: 'neo4j-csv', ids })).body);
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'load-csv.cypher',
      'nodes-Country.csv',
      'nodes-Event.csv',
      'nodes-Organization.csv',
      'nodes-Person.csv',
      'nodes-Source.csv',
      'relationships-MET_WITH.csv',
      'relationships-SUPPORTS.csv',
      'relationships-VISITED.csv',
      'schema.cypher',
    ]);
    const command = /```sh\n(bin\/neo4j-admin database import full[^`]*)```/.exec(files['README.md']!)![1]!;
    for (const name of Object.keys(files).filter((file) => file.endsWith('.csv'))) {
      expect(command).toContain(`--${name.startsWith('nodes') ? 'nodes' : 'relationships'}=import/${name}`);
    }
    expect(command).toContain('--multiline-fields=true');
    expect(cells(files['nodes-Country.csv']!)[0]).toEqual(
      expect.arrayContaining(['id:ID', ':LABEL', 'aliases:string[]', 'count:long', 'ratio:double', 'flags:boolean[]']),
    );
    expect(cells(files['relationships-VISITED.csv']!)[0]!.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
  });
});
