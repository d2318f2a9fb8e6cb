/** Path arithmetic for the virtual filesystem: absolute, slash-separated, no symlinks. */

/** HOME is the learner's home directory, where relative seed paths and `cd` with no argument go. */
export const HOME = '/home/learner';

/** resolvePath turns `path` into a normalized absolute path, relative paths taken from `cwd`. */
export function resolvePath(path: string, cwd: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    // `..` at the root stays at the root, as the kernel does.
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** dirname is the parent of an absolute normalized path; the root is its own parent. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** basename is the last component of a path, ignoring trailing slashes, as coreutils' basename. */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** tildePath shows `path` with the home directory abbreviated to `~`, as bash's prompt does. */
export function tildePath(path: string, home: string): string {
  if (home === '' || home === '/') return path;
  if (path === home) return '~';
  return path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

/** isInside tells whether `path` is `dir` itself or lies below it. */
export function isInside(path: string, dir: string): boolean {
  return path === dir || dir === '/' || path.startsWith(`${dir}/`);
}
