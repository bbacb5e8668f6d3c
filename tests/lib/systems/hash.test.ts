import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../../src/lib/errors.ts';
import { murmurHash3_32 } from '../../../src/lib/systems/index.ts';

describe('murmurHash3_32 (MurmurHash3 x86 32-bit)', () => {
  // Reference vectors for MurmurHash3_x86_32 (https://github.com/aappleby/smhasher): "hello" and the
  // seed-0 fox sentence (the smhasher/mmh3 test value); the rest is the widely used set from
  // https://stackoverflow.com/questions/14747343/murmurhash3-test-vectors, which the Python mmh3
  // package also asserts (https://github.com/hajimes/mmh3/blob/master/tests/test_mmh3.py).
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['hello', 0, 0x248bfa47],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['The quick brown fox jumps over the lazy dog', 0x9747b28c, 0x2fa826cd],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['aaa', 0x9747b28c, 0x283e0130],
    ['aa', 0x9747b28c, 0x5d211726],
    ['a', 0x9747b28c, 0x7fa09ea6],
    ['abcd', 0x9747b28c, 0xf0478627],
    ['abc', 0x9747b28c, 0xc84a62dd],
    ['ab', 0x9747b28c, 0x74875592],
    ['Hello, world!', 0x9747b28c, 0x24884cba],
    ['ππππππππ', 0x9747b28c, 0xd58063c1], // UTF-8 bytes, not UTF-16 code units
    ['a'.repeat(256), 0x9747b28c, 0x37405bdc],
    ['abc', 0, 0xb3dd93fa],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 0, 0xee925b90],
  ])('hashes %j with seed %i to the published value', (key, seed, expected) => {
    expect(murmurHash3_32(key, seed)).toBe(expected);
  });

  it.each([
    [[0xff, 0xff, 0xff, 0xff], 0, 0x76293b50],
    [[0x21, 0x43, 0x65, 0x87], 0, 0xf55b516b],
    [[0x21, 0x43, 0x65, 0x87], 0x5082edee, 0x2362f9de],
    [[0x21, 0x43, 0x65], 0, 0x7e4a8634],
    [[0x21, 0x43], 0, 0xa0f7b07a],
    [[0x21], 0, 0x72661cf4],
    [[0, 0, 0, 0], 0, 0x2362f9de],
    [[0, 0, 0], 0, 0x85f0b427],
    [[0, 0], 0, 0x30f4c306],
    [[0], 0, 0x514e28b7],
  ])('hashes bytes %j with seed %i to the published value', (bytes, seed, expected) => {
    expect(murmurHash3_32(new Uint8Array(bytes), seed)).toBe(expected);
  });

  it('returns an unsigned 32-bit integer', () => {
    for (const key of ['x', 'user-1', 'experiment:42']) {
      const h = murmurHash3_32(key);
      expect(Number.isInteger(h) && h >= 0 && h <= 0xffffffff).toBe(true);
    }
  });

  it.each([-1, 2 ** 32, 1.5, NaN])('rejects seed %s', (seed) => {
    expect(() => murmurHash3_32('a', seed)).toThrow(MetricInputError);
  });

  it('rejects a key that is neither a string nor bytes', () => {
    expect(() => murmurHash3_32(42 as unknown as string)).toThrow(/string or a Uint8Array/);
  });
});
