// The distillation temperature explorer in Chromium: temperature and logits change the
// probabilities, entropies and loss; bad input shows a message; a shared URL reproduces the state.
import { expect, it } from 'vitest';
import { describeInBrowser } from '../browser.ts';
import { noBadNumbers, openWidget, readout, setField, widgetText } from './widget-page.ts';
import { distillationLoss, entropy, softmaxWithTemperature } from '../../../src/lib/systems/distillation.ts';

const PAGE = '/serving/compression/';
const TAG = 'distillation-temperature';
const H = (logits: number[], T: number) => entropy(softmaxWithTemperature(logits, T)).toFixed(3);

describeInBrowser('distillation temperature', ({ browser, url }) => {
  it("renders the chapter's husky example, then recomputes as T and the logits change", async () => {
    const { widget, errors, close, page } = await openWidget(browser(), url(PAGE), TAG);
    expect(await readout(widget, 'Entropy at T = 4')).toBe(H([4, 2, 0], 4));
    const loss = distillationLoss({ studentLogits: [2, 1.5, 1], teacherLogits: [4, 2, 0], label: 0, T: 4, alpha: 0.7 });
    expect(await readout(widget, 'Total loss')).toBe(loss.total.toFixed(3));
    await setField(widget, 'T', '10');
    await expect.poll(() => readout(widget, 'Entropy at T = 10')).toBe(H([4, 2, 0], 10));
    expect(await widget.locator('input[type=range][name="T"]').inputValue()).toBe('10');
    expect(page.url()).toContain('di.T=10');

    await setField(widget, 'teacher', '1, 2, 3');
    await setField(widget, 'student', '');
    await setField(widget, 'T', '1');
    await expect.poll(() => readout(widget, 'Entropy at T = 1')).toBe(H([1, 2, 3], 1));
    const cells = await widget.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(cells).toEqual(softmaxWithTemperature([1, 2, 3]).map((p) => p.toFixed(4)));
    expect(cells).toEqual(['0.0900', '0.2447', '0.6652']);
    expect(await widget.locator('.widget-output').textContent()).toContain('Add student logits above');
    expect(errors).toEqual([]);
    await close();
  });

  it('answers bad input with a message, never NaN', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG);
    await setField(widget, 'teacher', '1,,2');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Teacher logits: item 2 is empty. Check for a doubled or trailing comma.');
    await setField(widget, 'teacher', '4, two, 0');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('Teacher logits: "two" is not a number.');
    await setField(widget, 'teacher', '');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe("Type the teacher's logits, separated by commas (for example 4, 2, 0).");
    await setField(widget, 'teacher', '4, 2, 0');
    await setField(widget, 'student', '1, 2');
    await expect
      .poll(() => widget.locator('.widget-error').textContent())
      .toBe('The student has 2 logits but the teacher has 3; give one per class, in the same order.');
    await setField(widget, 'T', '0');
    await expect
      .poll(() => widget.locator('[data-problem-for="T"]').textContent())
      .toBe('Temperature T must be between 0.1 and 20.');
    expect(noBadNumbers(await widgetText(widget))).toBe(true);
    await close();
  });

  it('reproduces a shared link exactly, and copies it', async () => {
    const shared = `${url(PAGE)}?di.teacher=cat%3A+9%2C+dog%3A+4%2C+fox%3A+3%2C+car%3A+-1&di.T=5&di.student=6%2C+1%2C+1%2C+1`;
    const { widget, page, close } = await openWidget(browser(), shared, TAG);
    expect(await widget.locator('textarea[name="teacher"]').inputValue()).toBe('cat: 9, dog: 4, fox: 3, car: -1');
    expect(await readout(widget, 'Entropy at T = 5')).toBe(H([9, 4, 3, -1], 5));
    const loss = distillationLoss({
      studentLogits: [6, 1, 1, 1],
      teacherLogits: [9, 4, 3, -1],
      label: 0,
      T: 5,
      alpha: 0.7,
    });
    expect(await readout(widget, 'Total loss')).toBe(loss.total.toFixed(3));
    await widget.locator('button[data-copy-link]').click();
    await expect.poll(() => widget.locator('[data-copy-status]').textContent()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
    await close();
  });

  it('applies the almost-uniform preset and fits a 360 px screen', async () => {
    const { widget, close } = await openWidget(browser(), url(PAGE), TAG, 360);
    await widget.locator('button', { hasText: 'Almost-uniform teacher' }).click();
    await expect.poll(() => readout(widget, 'Entropy at T = 4')).toBe(H([0.4, 0.3, 0.2, 0.1, 0], 4));
    expect(await widget.locator('.widget-output').textContent()).toContain('The softened teacher is nearly uniform');
    expect(await widget.locator('section.widget').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await close();
  });
});
