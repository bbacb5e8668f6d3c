// Spoken practice in mock mode, in Chromium with its fake microphone: record an answer, find it in the
// debrief beside the rubric after a reload (IndexedDB), nothing uploaded, delete it; and with the
// microphone denied, a clear message while the mock works as before.
import { expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { describeInBrowser, watchErrors } from '../browser.ts';

const PAGE = '/practice/mock-interview-mode/?mi.prompt=cases/news-feed';

describeInBrowser(
  'recording an answer in mock mode',
  ({ browser, url }) => {
    async function open(context: BrowserContext) {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const sent: string[] = [];
      page.on('request', (r) => void (r.method() !== 'GET' && sent.push(`${r.method()} ${r.url()}`)));
      await page.goto(url(PAGE), { waitUntil: 'networkidle' });
      const mock = page.locator('mock-interview');
      await mock.locator('[data-app]').waitFor();
      return { page, mock, errors, sent };
    }

    it('records with a fake microphone, keeps the audio in IndexedDB, replays it in the debrief and deletes it', async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['microphone'], { origin: new URL(url()).origin });
      const { page, mock, errors, sent } = await open(context);
      const status = mock.locator('[data-record-status]');
      await mock.getByRole('button', { name: 'Start' }).click();
      await mock.getByRole('button', { name: 'Record your answer' }).click();
      await expect.poll(() => status.textContent()).toBe('Recording your answer. It stays in this browser.');
      await mock.getByRole('button', { name: 'Stop recording' }).click();
      await expect
        .poll(() => status.textContent())
        .toMatch(/^Saved a \d+:\d\d recording in this browser; it is never uploaded\./);

      const stored = () =>
        page.evaluate(
          () =>
            new Promise<{ prompt: string; size: number }[]>((resolve, reject) => {
              const req = indexedDB.open('mlguide-recordings');
              req.onerror = () => reject(new Error('no database'));
              req.onsuccess = () => {
                const all = req.result.transaction('recordings').objectStore('recordings').getAll();
                all.onsuccess = () =>
                  resolve(
                    (all.result as { prompt: string; audio: Blob }[]).map((r) => ({
                      prompt: r.prompt,
                      size: r.audio.size,
                    })),
                  );
              };
            }),
        );
      const saved = await stored();
      expect(saved).toHaveLength(1);
      expect(saved[0].prompt).toBe('cases/news-feed');
      expect(saved[0].size).toBeGreaterThan(0);

      // After a reload and the end of the mock, the recording sits beside the rubric, ready to replay.
      await page.reload({ waitUntil: 'networkidle' });
      await mock.getByRole('button', { name: 'Finish' }).click();
      const list = mock.locator('[data-recordings] li');
      await expect.poll(() => list.locator('audio').count()).toBe(1);
      expect(await list.locator('audio').getAttribute('src')).toMatch(/^blob:/);
      await expect.poll(() => mock.locator('[data-checklist] li').count()).toBeGreaterThan(4);

      page.once('dialog', (d) => void d.accept());
      await list.getByRole('button', { name: /^Delete the recording of / }).click();
      await expect
        .poll(() => list.first().textContent())
        .toBe('No recording of this prompt yet. Press “Record your answer” while the clock runs.');
      expect(await stored()).toEqual([]);
      expect(sent).toEqual([]); // nothing was uploaded
      expect(errors).toEqual([]);
      await context.close();
    });

    it('explains a denied microphone and leaves the mock working', async () => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
      // No permission granted: Chromium refuses the microphone, as when a reader presses Block.
      const { mock, errors } = await open(context);
      await mock.getByRole('button', { name: 'Start' }).click();
      await mock.getByRole('button', { name: 'Record your answer' }).click();
      await expect
        .poll(() => mock.locator('[data-record-status]').textContent())
        .toMatch(/^The microphone is blocked for this page, so nothing was recorded\. The mock works as before;/);
      expect(await mock.getByRole('button', { name: 'Record your answer' }).isEnabled()).toBe(true);
      await expect.poll(() => mock.locator('span[data-state]').textContent()).toBe('Running');
      await mock.getByRole('button', { name: 'Finish' }).click();
      await mock.locator('[data-debrief]').waitFor();
      expect(await mock.locator('[data-recordings] li').first().textContent()).toMatch(
        /^No recording of this prompt yet/,
      );
      expect(errors).toEqual([]);
      await context.close();
    });
  },
  // The headless shell cannot record audio: this file runs the full browser.
  { args: ['--use-fake-device-for-media-stream'], full: true },
);
