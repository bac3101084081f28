// Sends an export as it is written: chunks joined into pieces of about 64 kB, each written when
// the client (or the compressor before it) takes more, with a turn of the event loop between
// pieces so other requests are answered while a large file is produced.
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Chunk } from '../domain/export/chunks.ts';
import type { ExportFile } from '../domain/export/index.ts';

const pieceBytes = 64 * 1024;
/** A client that takes no bytes for this long loses its export, and the slot it held. */
const stalledClientMs = 30_000;

const bytesOf = (chunk: Chunk) =>
  typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

async function* pieces(
  first: IteratorResult<Chunk>,
  rest: Iterator<Chunk>,
  onStep: () => void,
): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let size = 0;
  try {
    for (let step = first; !step.done; step = rest.next()) {
      onStep();
      if (step.value !== '') {
        const bytes = bytesOf(step.value);
        parts.push(bytes);
        size += bytes.length;
      }
      if (step.value === '' || size >= pieceBytes) {
        if (size > 0) yield Buffer.concat(parts, size);
        parts = [];
        size = 0;
        await nextTurn();
      }
    }
    if (size > 0) yield Buffer.concat(parts, size);
  } finally {
    rest.return?.();
  }
}

/**
 * Writes the file as the answer. The writer's refusals come before its first chunk that is not a
 * pause (types.ts), so that chunk is taken before the status is sent: a refusal is still a
 * problem answer. A client that leaves ends the writing, quietly.
 */
export async function sendExport(res: Response, file: ExportFile): Promise<void> {
  const chunks = file.chunks[Symbol.iterator]();
  let first = chunks.next();
  while (!first.done && first.value === '') {
    await nextTurn();
    first = chunks.next();
  }
  // The client left while the subgraph was read: nobody to write to.
  if (res.destroyed) return;
  res.attachment(file.filename).type(file.contentType);
  // The writer steps only when the client takes bytes: no step for stalledClientMs is a client that stopped reading.
  let lastStep = performance.now();
  const watchdog = setInterval(() => {
    if (performance.now() - lastStep > stalledClientMs) res.destroy();
  }, stalledClientMs / 6);
  try {
    await pipeline(
      Readable.from(
        pieces(first, chunks, () => (lastStep = performance.now())),
        { objectMode: false },
      ),
      res,
    );
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
    throw error;
  } finally {
    clearInterval(watchdog);
  }
}
