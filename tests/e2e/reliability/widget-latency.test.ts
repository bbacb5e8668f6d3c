// The latency harness (scripts/bench/widget-latency.ts) over every widget found on the built pages:
// here it only checks that each widget answers every input, at default sizes, with every number
// at its maximum and every text box pasted to its limit, without errors, at full CPU speed. The times, with the largest inputs under 4x CPU
// throttling as a phone proxy, are a report: `npm run bench`.
import { expect, it } from 'vitest';
import { builtWidgets } from '../../../scripts/built-widgets.ts';
import { measureWidget } from '../../../scripts/bench/widget-latency.ts';
import { describeInBrowser, freshPage, watchErrors } from '../browser.ts';
import { E2E_DIST } from '../env.ts';

describeInBrowser('every widget answers every input', ({ browser, url }) => {
  for (const { tag, path } of builtWidgets(E2E_DIST)) {
    it(`${tag} answers each input, at default sizes and at its largest`, async () => {
      const page = await freshPage(browser());
      const errors = watchErrors(page);
      const { defaults, largest } = await measureWidget(page, url(path), tag, {
        inputs: 5,
        throttle: 1,
        reload: false,
      });
      expect(defaults.inputs).toBeGreaterThan(0);
      expect([defaults.unanswered, largest.unanswered]).toEqual([0, 0]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
