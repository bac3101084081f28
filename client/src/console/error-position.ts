// Where in the query an error message points: the embedded engine writes `--> query:LINE:COLUMN`,
// Neo4j `(line L, column C (offset: O))`. Lines and columns count from 1; the answer is an offset
// into the query (clamped to it), or null when the message names no position.

export function errorOffset(message: string, query: string): number | null {
  const neo4jOffset = /\(offset: (\d+)\)/.exec(message);
  if (neo4jOffset) return Math.min(Number(neo4jOffset[1]), query.length);
  const lineColumn = /query:(\d+):(\d+)/.exec(message) ?? /line (\d+), column (\d+)/.exec(message);
  if (!lineColumn) return null;
  const line = Number(lineColumn[1]);
  const column = Number(lineColumn[2]);
  const lines = query.split('\n');
  if (line < 1 || line > lines.length) return null;
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  return Math.min(start + Math.max(0, Math.min(column - 1, lines[line - 1]!.length)), query.length);
}

/** The line of the query holding `offset` and a caret under its column, for a text excerpt. */
export function caretExcerpt(query: string, offset: number): { line: number; text: string; caret: string } {
  const before = query.slice(0, offset);
  const line = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = query.indexOf('\n', offset);
  const text = query.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  return { line, text, caret: `${' '.repeat(offset - lineStart)}^` };
}
