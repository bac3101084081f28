// JSON as JSON.stringify(value, null, 2) writes it, a piece at a time: objects and arrays are
// walked, and an iterable that is not an array (a generator) is written as an array whose items
// are made as the text is written, so a long list of nodes is never built whole. Values below
// `depth` levels are written at once by JSON.stringify.
import type { Chunk } from './chunks.ts';
import { elementsPerPause } from './chunks.ts';

const isLazyList = (value: unknown): value is Iterable<unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Symbol.iterator in value;

/** JSON.stringify(value, null, 2) of a value at this indent, its later lines indented to match. */
const whole = (value: unknown, indent: string) =>
  (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`);

function* valueChunks(value: unknown, depth: number, indent: string): Generator<Chunk> {
  const inner = `${indent}  `;
  if (isLazyList(value) || (Array.isArray(value) && depth > 0)) {
    let index = 0;
    for (const item of value as Iterable<unknown>) {
      yield index === 0 ? `[\n${inner}` : `,\n${inner}`;
      // As JSON.stringify does in an array: undefined (and functions) are null.
      yield* valueChunks(item === undefined || typeof item === 'function' ? null : item, depth - 1, inner);
      index++;
      if (index % elementsPerPause === 0) yield '';
    }
    yield index === 0 ? '[]' : `\n${indent}]`;
    return;
  }
  if (depth > 0 && typeof value === 'object' && value !== null && !('toJSON' in value)) {
    // As JSON.stringify does in an object: undefined (and functions) are left out.
    const entries = Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    for (const [index, [key, item]] of entries.entries()) {
      yield `${index === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* valueChunks(item, depth - 1, inner);
    }
    yield `\n${indent}}`;
    return;
  }
  yield whole(value, indent);
}

/** The text of JSON.stringify(value, null, 2) and a final line feed, in chunks; see the header. */
export function* jsonChunks(value: unknown, depth = 3): Generator<Chunk> {
  yield* valueChunks(value, depth, '');
  yield '\n';
}
