// The export formats: a registry of small modules, each a writer from the graph to a file.
import type { ExportFormat } from '../../../common/api.ts';
import type { GraphStore } from '../../store/port.ts';
import type { Subgraph } from '../elements.ts';
import { ExportTooLargeError } from '../errors.ts';
import type { Chunk } from './chunks.ts';
import { citationsOf, withCitations } from './citations.ts';
import { citationsFormat } from './citations-markdown.ts';
import { csvFormat } from './csv.ts';
import { cyjsFormat } from './cyjs.ts';
import { cypherFormat } from './cypher-script.ts';
import { gexfFormat } from './gexf.ts';
import { graphBytes } from './graph-size.ts';
import { graphmlFormat } from './graphml.ts';
import { yedFormat } from './graphml-yed.ts';
import { jsonFormat } from './json.ts';
import { neo4jCsvFormat } from './neo4j-csv.ts';
import type { ExportFormatWriter, ExportGraph } from './types.ts';

export const exportWriters: Record<ExportFormat, ExportFormatWriter> = {
  cyjs: cyjsFormat,
  json: jsonFormat,
  csv: csvFormat,
  graphml: graphmlFormat,
  gexf: gexfFormat,
  cypher: cypherFormat,
  'neo4j-csv': neo4jCsvFormat,
  'graphml-yed': yedFormat,
  citations: citationsFormat,
};

export interface ExportFile {
  /** The body, produced as it is read (chunks.ts): send each chunk as it comes. */
  chunks: Iterable<Chunk>;
  contentType: string;
  filename: string;
}

export interface ExportOptions {
  /** Add the sources the relationships cite: a table in CSV and JSON, Source nodes and CITES links elsewhere. */
  includeSources?: boolean;
  now?: Date;
  /** The most graph data (graph-size.ts) the export may hold; past it, an ExportTooLargeError before any byte. */
  maxBytes?: number;
}

export async function exportSubgraph(
  store: GraphStore,
  subgraph: Subgraph,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportFile> {
  const writer = exportWriters[format];
  const now = options.now ?? new Date();
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const name = `kg-export-${stamp}`;
  const graph: ExportGraph =
    options.includeSources || writer.needsCitations
      ? { ...subgraph, citations: await citationsOf(store, subgraph.relationships) }
      : subgraph;
  if (options.maxBytes !== undefined) {
    const bytes = await graphBytes(graph);
    if (bytes > options.maxBytes) {
      const { nodes, relationships } = withCitations(graph);
      throw new ExportTooLargeError(
        { nodes: nodes.length, relationships: relationships.length },
        bytes,
        options.maxBytes,
      );
    }
  }
  return {
    chunks: writer.write(graph, name, now),
    contentType: writer.contentType,
    filename: `${name}.${writer.extension}`,
  };
}
