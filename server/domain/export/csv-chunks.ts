// The CSV exports' files as they are produced (chunks.ts), written by the one CSV writer.
import { csvTable } from '../../../common/csv/csv-table.ts';
import type { Chunk } from './chunks.ts';

/** Rows written per chunk by csvChunks. */
const rowsPerChunk = 500;

/** csvTable's text of these rows, a few hundred rows at a time (each row a complete record). */
export function* csvChunks(rows: Iterable<(string | null)[]>, options: { bom?: boolean } = {}): Generator<Chunk> {
  let batch: (string | null)[][] = [];
  let bom = options.bom ?? false;
  for (const row of rows) {
    batch.push(row);
    if (batch.length === rowsPerChunk) {
      yield csvTable(batch, { bom });
      bom = false;
      batch = [];
    }
  }
  if (batch.length > 0 || bom) yield csvTable(batch, { bom });
}
