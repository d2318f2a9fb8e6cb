/**
 * Loads Pagefind's own search UI (`/pagefind/pagefind-ui.js` and `.css`, written into dist/ by
 * `pagefind --site dist` after the build) on first use, and mounts it. Nothing of Pagefind is
 * fetched before the learner opens or focuses search. `astro dev` has no index: there the
 * container says so instead.
 */

/** The part of Pagefind's default UI this site uses (pagefind-ui.js defines `window.PagefindUI`). */
export interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

declare global {
  interface Window {
    PagefindUI?: PagefindUIConstructor;
  }
}

const BUNDLE = '/pagefind/';
export const DEV_MESSAGE = 'Search works on the built site: run npm run build, then npm run preview.';
export const MISSING_MESSAGE = 'Search is not available right now: the search index could not be loaded.';

const LABEL = 'Search the lessons';

let loading: Promise<PagefindUIConstructor> | undefined;

/** loadPagefindUI fetches Pagefind's UI script and stylesheet once; it rejects when there is no index (as in `astro dev`). */
export function loadPagefindUI(): Promise<PagefindUIConstructor> {
  if (import.meta.env.DEV) return Promise.reject(new Error(DEV_MESSAGE));
  loading ??= new Promise<PagefindUIConstructor>((resolve, reject) => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-ui.css`;
    document.head.append(css);
    const script = document.createElement('script');
    script.src = `${BUNDLE}pagefind-ui.js`;
    script.onload = () => (window.PagefindUI ? resolve(window.PagefindUI) : reject(new Error(MISSING_MESSAGE)));
    script.onerror = () => reject(new Error(MISSING_MESSAGE));
    document.head.append(script);
  });
  // A failed load (offline, no index) may be retried on the next open.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * mountSearch puts Pagefind's UI into `container` (once) and resolves with it; on failure it
 * writes the reason into `container` as a status message and resolves with undefined.
 */
export async function mountSearch(container: HTMLElement, options: { autofocus?: boolean } = {}): Promise<PagefindUIInstance | undefined> {
  const mounted = (container as HTMLElement & { pagefindUI?: PagefindUIInstance }).pagefindUI;
  if (mounted) return mounted;
  try {
    const PagefindUI = await loadPagefindUI();
    if (!container.id) container.id = `search-${Math.random().toString(36).slice(2)}`;
    container.replaceChildren();
    const ui = new PagefindUI({
      element: `#${container.id}`,
      showSubResults: true,
      showImages: false,
      autofocus: options.autofocus ?? false,
      translations: { placeholder: LABEL },
    });
    // Pagefind's field has only a placeholder and a title; give it a real accessible name.
    const labelField = (): boolean => {
      const input = container.querySelector('input');
      input?.setAttribute('aria-label', LABEL);
      return input !== null;
    };
    if (!labelField()) requestAnimationFrame(labelField);
    (container as HTMLElement & { pagefindUI?: PagefindUIInstance }).pagefindUI = ui;
    return ui;
  } catch (e) {
    const note = document.createElement('p');
    note.className = 'search-note';
    note.setAttribute('role', 'status');
    note.textContent = (e as Error).message || MISSING_MESSAGE;
    container.replaceChildren(note);
    return undefined;
  }
}
