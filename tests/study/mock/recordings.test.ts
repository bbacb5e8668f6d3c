// Recorded answers as stored in IndexedDB: a new record carries its prompt, run and length, and
// reading refuses anything that is not a whole record of this version (the caller then skips it and
// leaves it in the database).
import { describe, expect, it } from 'vitest';
import { newRecording, readRecording } from '../../../src/study/mock/recordings.ts';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const audio = new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/webm;codecs=opus' });

describe('recorded answers', () => {
  it('names a new recording by its time and keeps its prompt, run, length and type', () => {
    const recording = newRecording('cases/news-feed', 'mabc', audio, 61_234.6, T0);
    expect(recording).toEqual({
      version: 1,
      id: `r${T0.toString(36)}`,
      prompt: 'cases/news-feed',
      runId: 'mabc',
      createdAt: T0,
      durationMs: 61_235,
      mimeType: 'audio/webm;codecs=opus',
      audio,
    });
    expect(readRecording(recording)).toBe(recording);
  });

  it('stores a length that cannot be measured as 0, never NaN', () => {
    for (const length of [Number.NaN, -5, Number.POSITIVE_INFINITY])
      expect(newRecording('cases/news-feed', null, audio, length, T0).durationMs).toBe(0);
    expect(newRecording('cases/news-feed', null, new Blob([]), 10, T0).mimeType).toBe('audio/webm');
  });

  it('refuses a record of another version or with a damaged field', () => {
    const good = newRecording('cases/news-feed', null, audio, 1000, T0);
    for (const bad of [
      null,
      'x',
      { ...good, version: 2 },
      { ...good, id: 3 },
      { ...good, runId: 5 },
      { ...good, createdAt: -1 },
      { ...good, durationMs: Number.NaN },
      { ...good, audio: 'not a blob' },
    ])
      expect(readRecording(bad), JSON.stringify(bad)).toBeNull();
  });
});
