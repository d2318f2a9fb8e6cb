/** Where a sandbox's saved state lives in localStorage. */

/** STORAGE_PREFIX starts every sandbox's storage key. */
export const STORAGE_PREFIX = 'wheelhouse:sandbox:';

/** storageKey is `wheelhouse:sandbox:<page path>#<id>`; the path is normalised to end with '/'. */
export function storageKey(pagePath: string, id: string): string {
  const path = pagePath === '' ? '/' : pagePath.endsWith('/') || /\.[a-z0-9]+$/i.test(pagePath) ? pagePath : `${pagePath}/`;
  return `${STORAGE_PREFIX}${path}#${id}`;
}
