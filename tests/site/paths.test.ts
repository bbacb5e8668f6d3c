import { describe, expect, it } from 'vitest';
import { hashTarget, isSiteAbsolute, normalizeBase, withBase } from '../../src/site/paths.ts';

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['ml-guide', '/ml-guide/'],
    ['/ml-guide', '/ml-guide/'],
    ['/ml-guide/', '/ml-guide/'],
    ['//a/b//', '/a/b/'],
  ])('%s -> %s', (raw, expected) => expect(normalizeBase(raw)).toBe(expected));
});

describe('withBase', () => {
  it('prefixes site links once with the base', () => {
    expect(withBase('/lifecycle/problem-setup/', '/ml-guide/')).toBe('/ml-guide/lifecycle/problem-setup/');
    expect(withBase('/lifecycle/#anchor', '/ml-guide/')).toBe('/ml-guide/lifecycle/#anchor');
    expect(withBase('/', '/ml-guide/')).toBe('/ml-guide/');
  });
  it('leaves other links alone', () => {
    for (const url of ['https://arxiv.org/abs/1', '//cdn.example/x', '#local', 'relative/', 'mailto:a@b.c']) {
      expect(withBase(url, '/ml-guide/')).toBe(url);
    }
    expect(withBase('/x/', '/')).toBe('/x/');
  });
  it('never produces a protocol-relative URL', () => {
    expect(withBase('/x/', normalizeBase('/'))).not.toMatch(/^\/\//);
    expect(isSiteAbsolute('//host/')).toBe(false);
  });
});

describe('hashTarget', () => {
  it('decodes the id a hash points at', () => {
    expect(hashTarget('#q-drift%20check')).toBe('q-drift check');
    expect(hashTarget('#q-psi')).toBe('q-psi');
  });

  it('gives null for no hash and for malformed escapes instead of throwing (probe D20)', () => {
    for (const hash of ['', '#', '#%E0%A4%A', '#%', '#%ZZ']) expect(hashTarget(hash), hash).toBeNull();
  });
});
