import type { GraphNode, GraphRelationship } from '../../store/graph-values.ts';
import type { Subgraph } from '../elements.ts';
import type { Chunk } from './chunks.ts';

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
  /**
   * The file, a chunk at a time (chunks.ts): `name` is its base name, for formats that name their
   * document, and `modified` its time, for formats that date their parts (zip entries). Every
   * refusal (an UnexportableError) comes before the first chunk that is not a pause.
   */
  write(graph: ExportGraph, name: string, modified: Date): Iterable<Chunk>;
}
