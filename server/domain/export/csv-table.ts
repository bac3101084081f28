import { stringify } from 'csv-stringify/sync';
import type { Chunk } from './chunks.ts';

/**
 * RFC 4180 CSV text (CRLF line ends, fields quoted when they must be). A cell is a string, or null
 * for no value: an empty string is written as "" and no value as nothing, so the two stay apart
 * for readers that tell them apart (neo4j-admin, LOAD CSV).
 */
export function csvTable(rows: (string | null)[][], options: { bom?: boolean } = {}): string {
  return stringify(rows, {
    bom: options.bom ?? false,
    record_delimiter: 'windows',
    // RFC 4180 quotes any field holding a line break; the library quotes only the record delimiter
    // (CRLF), so a lone LF or CR would end the row for spreadsheets and neo4j-admin.
    quoted_match: /[\r\n]/,
    cast: { string: (value) => (value === '' ? { value: '', quoted_empty: true } : value) },
  });
}

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
