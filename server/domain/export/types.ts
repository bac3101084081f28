import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import type { Subgraph } from '../elements.ts';

/** The sources a subgraph's relationships cite, and one CITES link per citation. */
export interface Citations {
  sources: GraphNode[];
  links: GraphRelationship[];
}

/** What an export writes: a subgraph and, when the request asks for them, the sources it cites. */
export interface ExportGraph extends Subgraph {
  citations?: Citations;
}

/** One export format: a writer from the graph to a file, with the file's media type and extension. */
export interface ExportFormatWriter {
  extension: string;
  contentType: string;
  /** The format prints the sources cited (titles, publishers), so they are loaded for it whatever the request says. */
  needsCitations?: boolean;
  /** `name` is the file's base name, for formats that name their document. */
  write(graph: ExportGraph, name: string): string | Buffer | Promise<string | Buffer>;
}
