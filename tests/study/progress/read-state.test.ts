import { describe, expect, it } from 'vitest';
import {
  countRead,
  emptyReadState,
  isRead,
  isTrackable,
  setRead,
  READ_FORMAT,
} from '../../../src/study/progress/read-state.ts';
import { isPageId, pageIdFromPath, sectionOf } from '../../../src/site/paths.ts';
import { parseStored } from '../../../src/client/store.ts';
import { progressBySection } from '../../../src/study/progress/by-section.ts';

const NOW = 1_790_000_000_000;

describe('page ids', () => {
  it('turns a URL path under the base into a page id', () => {
    expect(pageIdFromPath('/ml-guide/lifecycle/evaluation/', '/ml-guide/')).toBe('lifecycle/evaluation');
    expect(pageIdFromPath('/ml-guide/lifecycle/evaluation', '/ml-guide/')).toBe('lifecycle/evaluation');
    expect(pageIdFromPath('/ml-guide/lifecycle/index.html', '/ml-guide/')).toBe('lifecycle');
    expect(pageIdFromPath('/ml-guide/', '/ml-guide/')).toBe('');
    expect(pageIdFromPath('/ml-guide/index.html', '/ml-guide')).toBe('');
    expect(pageIdFromPath('/lifecycle/', '/')).toBe('lifecycle');
  });

  it('rejects paths outside the base or not shaped like a page', () => {
    expect(pageIdFromPath('/other/lifecycle/', '/ml-guide/')).toBeNull();
    expect(pageIdFromPath('/ml-guide/og/x.png', '/ml-guide/')).toBeNull();
    expect(pageIdFromPath('/ml-guide/%E0%A4%A/', '/ml-guide/')).toBeNull();
    expect(pageIdFromPath('/ml-guide/Lifecycle/', '/ml-guide/')).toBeNull();
  });

  it('knows which pages count', () => {
    expect(isTrackable('lifecycle/evaluation')).toBe(true);
    expect(isTrackable('lifecycle')).toBe(true);
    expect(['', 'index', '404'].map(isTrackable)).toEqual([false, false, false]);
    expect(isPageId('a//b')).toBe(false);
    expect(sectionOf('practice/exercises/who-to-follow')).toBe('practice');
  });
});

describe('read state', () => {
  it('marks and unmarks pages, keeping the first time a page was marked', () => {
    let s = setRead(emptyReadState(), 'lifecycle/evaluation', true, NOW);
    s = setRead(s, 'lifecycle/evaluation', true, NOW + 5);
    expect(s.pages).toEqual({ 'lifecycle/evaluation': NOW });
    expect(isRead(s, 'lifecycle/evaluation')).toBe(true);
    expect(isRead(s, 'constructor')).toBe(false);
    s = setRead(s, 'lifecycle/evaluation', false, NOW);
    expect(isRead(s, 'lifecycle/evaluation')).toBe(false);
    expect(() => setRead(s, '../x', true, NOW)).toThrow(/Not a page id/);
  });

  it('round-trips through storage text', () => {
    const s = setRead(setRead(emptyReadState(), 'a/b', true, NOW), 'c', true, NOW);
    expect(parseStored(READ_FORMAT, JSON.stringify(READ_FORMAT.write(s))).value).toEqual(s);
    expect(parseStored(READ_FORMAT, null)).toEqual({ value: emptyReadState(), notices: [], lossy: false });
  });

  it('refuses corrupt, foreign or newer data as a whole, and skips bad entries one by one', () => {
    for (const raw of ['nope', '[]', '{"version":2,"pages":{}}', '{"version":1,"pages":[]}', 'null']) {
      const parsed = parseStored(READ_FORMAT, raw);
      expect(parsed.value).toEqual(emptyReadState());
      expect(parsed.lossy).toBe(true);
      expect(parsed.notices[0]).toMatch(/^Your saved reading progress could not be read \(.*\)\. It was kept aside/);
    }
    const mixed = JSON.stringify({ version: 1, pages: { 'a/b': NOW, '<script>': NOW, 'c/d': 'yesterday', e: -1 } });
    const parsed = parseStored(READ_FORMAT, mixed);
    expect(parsed.value).toEqual({ version: 1, pages: { 'a/b': NOW } });
    expect(parsed.notices[0]).toContain('page "<script>"; page "c/d"; page "e"');
  });
});

describe('progressBySection', () => {
  it('counts read pages per section, ignoring marks for pages that no longer exist', () => {
    const pages = ['lifecycle', 'lifecycle/evaluation', 'lifecycle/features', 'serving/rollouts'];
    let s = setRead(emptyReadState(), 'lifecycle/evaluation', true, NOW);
    s = setRead(s, 'lifecycle/removed-page', true, NOW);
    expect(progressBySection(['start', 'lifecycle', 'serving'], pages, s)).toEqual({
      sections: [
        { section: 'start', read: 0, total: 0 },
        { section: 'lifecycle', read: 1, total: 3 },
        { section: 'serving', read: 0, total: 1 },
      ],
      read: 1,
      total: 4,
    });
  });
});

describe('countRead', () => {
  it('counts only pages that exist, once each (probe C5: 100,000 stale ids are not "100001 pages read")', () => {
    let s = setRead(emptyReadState(), 'lifecycle/evaluation', true, NOW);
    for (let i = 0; i < 1000; i++) s = { ...s, pages: { ...s.pages, [`gone/page-${i}`]: NOW } };
    expect(countRead(s, ['lifecycle/evaluation', 'lifecycle/features', 'lifecycle/evaluation'])).toBe(1);
  });
});
