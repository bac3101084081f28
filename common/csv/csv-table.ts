// The one CSV writer of the server's exports and the page's console download. The library's
// browser build, because the page imports this too; it runs the same in Node.
import { stringify } from 'csv-stringify/browser/esm/sync';

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
