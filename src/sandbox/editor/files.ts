/**
 * The editor's view of the sandbox filesystem: the files under the home directory (dotfiles
 * and dot-directories left out, as `ls` does), the rules for names the learner types, and how
 * paths are shown.
 */
import { HOME } from '@wheelhouse/sim-engine';

/** FsLike is the part of the sandbox's VirtualFS the editor uses. */
export interface FsLike {
  kind(path: string): 'file' | 'dir' | undefined;
  list(path: string): string[];
  read(path: string): string;
  write(path: string, content: string): void;
  remove(path: string, recursive?: boolean): void;
  move(from: string, to: string): void;
  mkdir(path: string, parents?: boolean): void;
  mtime(path: string): number;
}

/** listFiles returns the files below `dir` as paths relative to it, sorted, directories walked (at most `limit` files). */
export function listFiles(fs: FsLike, dir: string, limit = 500): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const name of fs.list(abs)) {
      if (name.startsWith('.') || out.length >= limit) continue;
      const childAbs = `${abs}/${name}`;
      const childRel = rel ? `${rel}/${name}` : name;
      const kind = fs.kind(childAbs);
      if (kind === 'file') out.push(childRel);
      else if (kind === 'dir') walk(childAbs, childRel);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** signature summarises the listing and modification times, to notice changes made from the terminal. */
export function signature(fs: FsLike, dir: string, files: readonly string[]): string {
  return files.map((f) => `${f}@${fs.mtime(`${dir}/${f}`)}`).join('|');
}

/** checkName returns why a typed file name is unusable, or undefined when it is fine. */
export function checkName(name: string, existing: readonly string[], current?: string): string | undefined {
  const n = name.trim();
  if (!n) return 'Type a file name.';
  if (n.startsWith('/') || n.split('/').some((p) => p === '..' || p === '.' || p === '')) return 'Use a name inside your home directory, like web.yaml or app/web.yaml.';
  if (/[\s*?"'\\<>|:$`]/.test(n)) return 'Use letters, digits, dots, dashes and underscores.';
  if (n !== current && existing.includes(n)) return `${n} already exists.`;
  return undefined;
}

/** freeName returns `base`, or `base` with -2, -3… before its extension, whichever is not taken. */
export function freeName(base: string, existing: readonly string[]): string {
  if (!existing.includes(base)) return base;
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  for (let i = 2; ; i++) {
    const name = `${stem}-${i}${ext}`;
    if (!existing.includes(name)) return name;
  }
}

/** shellQuote quotes a path for the command line only when it needs it. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./~-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** toAbs turns a path relative to the home directory into an absolute one. */
export function toAbs(path: string): string {
  if (path.startsWith('/')) return path;
  return `${HOME}/${path}`.replace(/\/+/g, '/');
}

/** rel is a path under the home directory relative to it (other paths stay absolute). */
export function rel(abs: string): string {
  return abs.startsWith(`${HOME}/`) ? abs.slice(HOME.length + 1) : abs;
}

/** displayPath is a path as the shell would show it: `~/web.yaml` under the home directory. */
export function displayPath(abs: string): string {
  return abs.startsWith(`${HOME}/`) ? `~/${rel(abs)}` : abs;
}
