// The export formats: each a writer from a subgraph to a file, with its media type and extension.
import type { ExportFormat } from '../../../common/api.ts';
import type { Subgraph } from '../elements.ts';
import { writeCitations } from './citations.ts';
import { emptyExportContext, type ExportContext } from './context.ts';
import { writeCsvZip } from './csv.ts';
import { writeCyjs } from './cyjs.ts';
import { writeCypherScript } from './cypher-script.ts';
import { writeGexf } from './gexf.ts';
import { writeGraphml } from './graphml.ts';
import { writeJson } from './json.ts';

export interface ExportFile {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

const writers: Record<
  ExportFormat,
  {
    extension: string;
    contentType: string;
    write: (subgraph: Subgraph, name: string, context: ExportContext) => string | Promise<string | Buffer>;
  }
> = {
  cyjs: { extension: 'cyjs', contentType: 'application/json; charset=utf-8', write: writeCyjs },
  json: { extension: 'json', contentType: 'application/json; charset=utf-8', write: writeJson },
  csv: { extension: 'zip', contentType: 'application/zip', write: writeCsvZip },
  graphml: { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8', write: writeGraphml },
  gexf: { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8', write: writeGexf },
  cypher: { extension: 'cypher', contentType: 'application/x-cypher-query; charset=utf-8', write: writeCypherScript },
  citations: { extension: 'md', contentType: 'text/markdown; charset=utf-8', write: writeCitations },
};

export async function exportSubgraph(
  subgraph: Subgraph,
  format: ExportFormat,
  context: ExportContext = emptyExportContext,
  now = new Date(),
): Promise<ExportFile> {
  const writer = writers[format];
  const name = `kg-export-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}`;
  const body = await writer.write(subgraph, name, context);
  return { body, contentType: writer.contentType, filename: `${name}.${writer.extension}` };
}
