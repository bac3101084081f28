// A zip archive written as its files are: each file's chunks are deflated as they come and the
// archive's bytes handed on at once, so neither the files nor the archive are held whole.
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import type { Chunk } from './chunks.ts';

export interface ZipEntry {
  name: string;
  chunks: Iterable<Chunk>;
}

/** The archive of these files, in order, each stamped with `modified`. */
export function* zipChunks(entries: Iterable<ZipEntry>, modified: Date): Generator<Chunk> {
  let pending: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else pending.push(data);
  });
  // The archive's bytes produced so far (fflate calls back synchronously for ZipDeflate).
  function* flush(): Generator<Chunk> {
    if (failure) throw failure;
    const ready = pending;
    pending = [];
    yield* ready;
  }
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = modified;
    zip.add(file);
    for (const chunk of entry.chunks) {
      if (chunk === '') yield '';
      else {
        file.push(typeof chunk === 'string' ? strToU8(chunk) : chunk);
        yield* flush();
      }
    }
    file.push(new Uint8Array(0), true);
    yield* flush();
  }
  zip.end();
  yield* flush();
}
