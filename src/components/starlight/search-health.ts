/**
 * The on-demand half of search-guard.ts: checks once that Pagefind's index can load, then lets the
 * reader type; when it cannot, says so in the search dialog. Also claims the errors Pagefind's UI
 * leaves uncaught when a result's fragment fails to load, and reports them in the same place.
 */
const BUNDLE = `${import.meta.env.BASE_URL.replace(/\/$/, '')}/pagefind/`;

const UNREACHABLE =
  'Search cannot load its index right now: you may be offline, a content blocker may stop it, or this copy of the site was published without it. Every chapter is still one click away in the sidebar; reload the page to try again.';
const PARTLY =
  'Some results could not be loaded (the search files stopped answering: are you offline?). Reload the page to try again.';

/** Pagefind's index: its entry file (fetched fresh, as Pagefind does) and its script. */
async function loadIndex(): Promise<void> {
  const entry = await fetch(`${BUNDLE}pagefind-entry.json`, { cache: 'no-store' });
  if (!entry.ok) throw new Error(`HTTP ${entry.status}`);
  await import(/* @vite-ignore */ `${BUNDLE}pagefind.js`);
}

/** A failure of Pagefind's own fetches (a fragment or index chunk), as its UI leaves them uncaught. */
function isSearchFailure(reason: unknown): boolean {
  const text = reason instanceof Error ? `${reason.message} ${reason.stack ?? ''}` : String(reason);
  return /pagefind|pf_fragment|pf_index|Failed to fetch/i.test(text);
}

export async function watchSearch(results: HTMLElement): Promise<void> {
  const status = document.createElement('p');
  status.className = 'search-status';
  status.setAttribute('role', 'status');
  status.textContent = 'Loading the search index…';
  results.before(status);
  try {
    await loadIndex();
  } catch {
    status.textContent = UNREACHABLE;
    return;
  }
  status.textContent = '';
  results.inert = false;
  // The dialog may have opened while the index loaded: put the reader in the box it focused too early.
  const dialog = results.closest('dialog');
  if (dialog?.open && !results.contains(document.activeElement)) results.querySelector('input')?.focus();
  window.addEventListener('unhandledrejection', (event) => {
    if (!isSearchFailure(event.reason)) return;
    event.preventDefault();
    status.textContent = PARTLY;
  });
}
