/**
 * Keeps Starlight's search (Pagefind's UI) from hanging or throwing when its files cannot load.
 * Pagefind's UI imports the index only when the reader types and has no error path: a failed import
 * leaves "Searching for ..." on screen forever and throws, and a failed result fragment leaves its
 * placeholder and throws. So the box stays inert until the index has answered once (checked as soon
 * as the reader reaches for search, so it is usually ready first); when it cannot answer, the dialog
 * says why and what still works, and a result that fails to load is reported the same way instead of
 * as an uncaught error. This part runs on every page and stays small; the check loads on demand.
 */
const results = document.getElementById('starlight__search');
const button = document.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');

if (results && button) {
  results.inert = true;
  let checking: Promise<void> | undefined;
  const check = () => (checking ??= import('./search-health.ts').then(({ watchSearch }) => watchSearch(results)));
  for (const gesture of ['pointerover', 'focusin', 'touchstart', 'click'])
    button.addEventListener(gesture, () => void check(), { once: true, passive: true });
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'k' || !(event.ctrlKey || event.metaKey)) return;
      // Ctrl+K in a text box is an editing key (kill to end of line on macOS): leave it to the box.
      const target = event.target as HTMLElement | null;
      const editing = target?.closest('textarea, input[type=text], input:not([type])') && !results.contains(target);
      if (event.ctrlKey && !event.metaKey && editing) {
        event.stopImmediatePropagation();
        return;
      }
      void check();
    },
    { capture: true },
  );
}
