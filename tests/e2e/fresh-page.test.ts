// freshPage (browser.ts) hands the next test the tab the last one closed: it must start as a new tab
// would, with nothing the last test stored, attached or emulated.
import { expect, it } from 'vitest';
import { describeInBrowser, freshPage } from './browser.ts';

describeInBrowser('a reused tab', ({ browser, url }) => {
  it('keeps nothing of the test that closed it', async () => {
    const first = await freshPage(browser(), { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    await first.addInitScript(() => Object.assign(window, { leftOver: true }));
    await first.route('**/*.css', (route) => route.abort());
    const events: string[] = [];
    first.on('console', (msg) => events.push(msg.text()));
    await first.goto(url('/lifecycle/design-loop/'), { waitUntil: 'load' });
    await first.evaluate(() => {
      localStorage.setItem('mlguide:read', '{"version":1,"pages":{}}');
      sessionStorage.setItem('seeded', '1');
    });
    await first.emulateMedia({ media: 'print', reducedMotion: 'reduce' });
    await first.mouse.move(200, 30);
    await first.close();

    const next = await freshPage(browser());
    expect(next).toBe(first); // reused, not a new tab
    expect(next.url()).toBe('about:blank');
    await next.goto(url('/lifecycle/design-loop/'), { waitUntil: 'load' });
    await next.evaluate(() => console.log('after reuse'));
    expect(events).not.toContain('after reuse'); // the old listener is gone
    expect(
      await next.evaluate(() => ({
        leftOver: 'leftOver' in window,
        local: localStorage.length,
        session: sessionStorage.length,
        print: matchMedia('print').matches,
        reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        width: innerWidth,
        styled: getComputedStyle(document.body).margin === '0px', // the site's styles loaded again
        hoveredLinks: document.querySelectorAll('a:hover').length,
      })),
    ).toEqual({
      leftOver: false,
      local: 0,
      session: 0,
      print: false,
      reducedMotion: false,
      dark: false,
      width: 1280,
      styled: true,
      hoveredLinks: 0,
    });
    await next.close();
  });
});
