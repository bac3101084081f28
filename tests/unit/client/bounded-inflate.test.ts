import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InflatedTooLarge, inflateAtMost } from '../../../client/src/view/bounded-inflate.ts';
import { decodeView, maxLinkViewBytes } from '../../../client/src/view/permalink.ts';

/**
 * A deflate bomb: one fixed-Huffman block of a space and then copies of the last 258 bytes, 13 bits
 * for each 258 bytes out (a ratio near 160), written by hand so the test never holds the output.
 */
function deflateBomb(outputBytes: number): Uint8Array {
  const bytes: number[] = [];
  let current = 0;
  let used = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      current |= ((value >> i) & 1) << used;
      if (++used === 8) {
        bytes.push(current);
        current = 0;
        used = 0;
      }
    }
  };
  // Huffman codes go most significant bit first; the header's fields least significant first.
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  bits(1, 1); // the last block
  bits(1, 2); // fixed Huffman codes
  code(0x30 + 0x20, 8); // the literal ' '
  for (let written = 1; written < outputBytes; written += 258) {
    code(0b11000101, 8); // length 258
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  if (used > 0) bytes.push(current);
  return Uint8Array.from(bytes);
}

const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('inflateAtMost', () => {
  it('when the stream inflates within the limit, it gives the bytes back', () => {
    const text = 'a view '.repeat(10_000);
    expect(Buffer.from(inflateAtMost(deflateSync(strToU8(text)), 100_000)).toString()).toBe(text);
  });

  it('when a deflate bomb would inflate past the limit, it stops with InflatedTooLarge', () => {
    const bomb = deflateBomb(16 * 1024 * 1024);
    expect(() => inflateAtMost(bomb, 1024 * 1024)).toThrow(InflatedTooLarge);
  });

  it('when the stream is cut short, it throws the inflater’s error, not InflatedTooLarge', () => {
    const cut = deflateSync(strToU8('a view '.repeat(1000))).subarray(0, 20);
    const thrown = (() => {
      try {
        inflateAtMost(cut, 100_000);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Error);
    expect(thrown).not.toBeInstanceOf(InflatedTooLarge);
  });
});

describe('a link that inflates without limit', () => {
  it('when a link holds a deflate bomb, it opens no view and says it is too large', () => {
    const read = decodeView(`#v1.${base64Url(deflateBomb(2 * maxLinkViewBytes))}`);
    expect(read?.state.nodes).toEqual([]);
    expect(read?.problems).toEqual([`the link is too large (its view is over 8 MB) or damaged`]);
  });
});
