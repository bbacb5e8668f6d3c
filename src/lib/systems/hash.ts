/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby, public domain): a fast, well-mixed,
 * non-cryptographic hash, used for stable experiment bucketing.
 */
import { MetricInputError } from '../errors.ts';

const encoder = new TextEncoder();

/**
 * MurmurHash3 x86 32-bit: hashes bytes (a string is hashed as its UTF-8 bytes) to an unsigned
 * 32-bit integer.
 *
 * Formula: for each 4-byte little-endian block k: k ·= 0xcc9e2d51, k = rotl(k, 15), k ·= 0x1b873593,
 * h ^= k, h = rotl(h, 13), h = 5h + 0xe6546b64; mix the 1–3 tail bytes the same way without the
 * h rotation; then h ^= length and the fmix32 finaliser (h ^= h >>> 16, h ·= 0x85ebca6b,
 * h ^= h >>> 13, h ·= 0xc2b2ae35, h ^= h >>> 16), all mod 2^32.
 * Reference: https://github.com/aappleby/smhasher/blob/master/src/MurmurHash3.cpp (MurmurHash3_x86_32);
 * https://en.wikipedia.org/wiki/MurmurHash
 *
 * @param key a string (hashed as UTF-8) or raw bytes.
 * @param seed a whole number in [0, 2^32 − 1]; default 0.
 * @throws MetricInputError if key is not a string or Uint8Array, or seed is not a whole number in range.
 * @example
 * murmurHash3_32('hello'); // 0x248bfa47 = 613153351
 * murmurHash3_32(''); // 0
 */
export function murmurHash3_32(key: string | Uint8Array, seed = 0): number {
  const metric = 'MurmurHash3';
  if (typeof key !== 'string' && !(key instanceof Uint8Array)) {
    throw new MetricInputError(`${metric}: key must be a string or a Uint8Array of bytes.`, 'out-of-range');
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new MetricInputError(
      `${metric}: seed is ${String(seed)}; it must be a whole number from 0 to 4294967295 (2^32 − 1).`,
      'out-of-range',
    );
  }
  const bytes = typeof key === 'string' ? encoder.encode(key) : key;
  const length = bytes.length;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed | 0;
  const blockEnd = length & ~3;
  for (let i = 0; i < blockEnd; i += 4) {
    let k =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  switch (length & 3) {
    case 3:
      k ^= (bytes[blockEnd + 2] as number) << 16;
    // falls through
    case 2:
      k ^= (bytes[blockEnd + 1] as number) << 8;
    // falls through
    case 1:
      k ^= bytes[blockEnd] as number;
      k = Math.imul(k, c1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, c2);
      h ^= k;
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
