// An export file as it is produced: a sequence of chunks, sent as they come, so no file is ever
// held whole. A writer does all its checks before its first chunk (a refusal must come before
// the answer's status is sent); an empty string is a pause: no bytes, a point where the sender
// lets other requests run during a long pass over the graph.

export type Chunk = string | Uint8Array;

/** Elements a writer handles between pauses in a pass that yields no bytes (a scan for columns). */
export const elementsPerPause = 2000;

/** The chunks as one buffer: the whole file, for tests and callers that need it at once. */
export function fileBytes(chunks: Iterable<Chunk>): Buffer {
  const parts: Buffer[] = [];
  let text = '';
  for (const chunk of chunks) {
    if (typeof chunk === 'string') text += chunk;
    else {
      if (text) parts.push(Buffer.from(text));
      text = '';
      parts.push(Buffer.from(chunk));
    }
  }
  if (text) parts.push(Buffer.from(text));
  return Buffer.concat(parts);
}

/** The chunks of a text file as one string. */
export function fileText(chunks: Iterable<Chunk>): string {
  return fileBytes(chunks).toString('utf8');
}

/** `items` mapped by `map`, a pause after every elementsPerPause of them; yields nothing else. */
export function* pausingEach<T>(items: Iterable<T>, visit: (item: T, index: number) => void): Generator<Chunk> {
  let index = 0;
  for (const item of items) {
    visit(item, index);
    index++;
    if (index % elementsPerPause === 0) yield '';
  }
}
