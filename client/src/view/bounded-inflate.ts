// Inflating what a link holds, without trusting it: a deflate stream can expand about a
// thousandfold, so a link of a few megabytes could fill the tab's memory before JSON.parse ever
// saw it. The input goes in small chunks and the output is counted as it comes; past the limit
// the inflating stops.
import { Inflate } from 'fflate';

/** Thrown when the inflated bytes would exceed the limit. */
export class InflatedTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`inflates to more than ${limit} bytes`);
  }
}

// Each push can produce at most about 1032 times its input: this keeps the overshoot near 1 MiB.
const chunkBytes = 1024;

/** The inflated bytes of `deflated` (raw DEFLATE), or InflatedTooLarge past `limit`; a damaged stream throws fflate's error. */
export function inflateAtMost(deflated: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  let start = 0;
  do {
    const end = Math.min(start + chunkBytes, deflated.length);
    inflate.push(deflated.subarray(start, end), end === deflated.length);
    if (total > limit) throw new InflatedTooLarge(limit);
    start = end;
  } while (start < deflated.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
