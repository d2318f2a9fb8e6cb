/**
 * The sandbox's filesystem: text files and directories in memory, addressed by absolute
 * paths. Relative paths given to its methods are taken from the home directory, so a
 * scenario can seed `web.yaml` and mean `~/web.yaml`. Errors carry errno names and the
 * strerror text that coreutils prints after the file name.
 */
import { HOME, dirname, isInside, resolvePath } from './paths.ts';

/** FsErrorCode names the errno values the sandbox can produce. */
export type FsErrorCode = 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'ENOTEMPTY' | 'EINVAL';

const STRERROR: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EINVAL: 'Invalid argument',
};

/** FsError is a failed filesystem call; its message is strerror's text, e.g. `No such file or directory`. */
export class FsError extends Error {
  readonly code: FsErrorCode;
  constructor(code: FsErrorCode) {
    super(STRERROR[code]);
    this.code = code;
  }
}

/** VfsState is the filesystem as plain JSON: file contents, every directory, and modification times. */
export interface VfsState {
  files: Record<string, string>;
  dirs: string[];
  mtimes: Record<string, number>;
}

/** DEV_NULL swallows writes and reads as empty, so `2>/dev/null` works. */
export const DEV_NULL = '/dev/null';

const BASE_DIRS = ['/', '/home', HOME, `${HOME}/.kube`, '/tmp', '/dev'];
const BASE_FILES: Record<string, string> = { [`${HOME}/.kube/config`]: '', [DEV_NULL]: '' };

/** VirtualFS holds the sandbox's files and directories. */
export class VirtualFS {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);
  private readonly mtimes = new Map<string, number>();
  private readonly clock: () => number;

  /** constructor restores `state` (or starts with just `/`); `now` stamps modification times. */
  constructor(state?: VfsState, now: () => number = () => 0) {
    this.clock = now;
    if (!state) return;
    for (const dir of state.dirs) this.dirs.add(resolvePath(dir, '/'));
    for (const [path, content] of Object.entries(state.files)) this.files.set(resolvePath(path, '/'), content);
    for (const [path, at] of Object.entries(state.mtimes)) this.mtimes.set(resolvePath(path, '/'), at);
  }

  /** fromFiles builds the default layout (home, ~/.kube/config, /tmp, /dev/null) plus `seed`, relative paths under home. */
  static fromFiles(seed: Record<string, string> = {}, now?: () => number): VirtualFS {
    const fs = new VirtualFS(undefined, now);
    for (const dir of BASE_DIRS) fs.mkdir(dir, true);
    for (const [path, content] of Object.entries({ ...BASE_FILES, ...seed })) {
      fs.mkdir(dirname(fs.resolve(path)), true);
      fs.write(path, content);
    }
    return fs;
  }

  /** resolve makes `path` absolute, relative to `cwd` (home by default). */
  resolve(path: string, cwd: string = HOME): string {
    return resolvePath(path, cwd);
  }

  /** kind is 'file', 'dir' or undefined when nothing is at `path`. */
  kind(path: string): 'file' | 'dir' | undefined {
    const abs = this.resolve(path);
    if (this.dirs.has(abs)) return 'dir';
    return this.files.has(abs) ? 'file' : undefined;
  }

  /** exists tells whether a file or directory is at `path`. */
  exists(path: string): boolean {
    return this.kind(path) !== undefined;
  }

  /** read returns a file's text; throws FsError ENOENT, EISDIR or ENOTDIR. */
  read(path: string): string {
    const abs = this.resolve(path);
    const content = this.files.get(abs);
    if (content !== undefined) return abs === DEV_NULL ? '' : content;
    throw new FsError(this.dirs.has(abs) ? 'EISDIR' : this.missingCode(abs));
  }

  /** write creates or replaces (or with `append`, extends) a file; its directory must exist. */
  write(path: string, content: string, append = false): void {
    const abs = this.resolve(path);
    if (abs === DEV_NULL && this.files.has(abs)) return;
    if (this.dirs.has(abs)) throw new FsError('EISDIR');
    this.checkParent(abs);
    const before = append ? (this.files.get(abs) ?? '') : '';
    this.files.set(abs, abs === DEV_NULL ? '' : before + content);
    this.mtimes.set(abs, this.clock());
  }

  /** touch creates an empty file or refreshes the modification time of what is there. */
  touch(path: string): void {
    const abs = this.resolve(path);
    if (this.exists(abs)) this.mtimes.set(abs, this.clock());
    else this.write(abs, '');
  }

  /** mkdir creates a directory; with `parents` it creates missing parents and accepts an existing one. */
  mkdir(path: string, parents = false): void {
    const abs = this.resolve(path);
    if (this.dirs.has(abs)) {
      if (parents) return;
      throw new FsError('EEXIST');
    }
    if (this.files.has(abs)) throw new FsError(parents ? 'ENOTDIR' : 'EEXIST');
    if (parents && abs !== '/') this.mkdir(dirname(abs), true);
    else this.checkParent(abs);
    this.dirs.add(abs);
    this.mtimes.set(abs, this.clock());
  }

  /** list returns the names in a directory, sorted bytewise as `ls` does in the C locale. */
  list(path: string): string[] {
    const abs = this.resolve(path);
    if (!this.dirs.has(abs)) throw new FsError(this.files.has(abs) ? 'ENOTDIR' : this.missingCode(abs));
    const prefix = abs === '/' ? '/' : `${abs}/`;
    const names: string[] = [];
    for (const p of [...this.dirs, ...this.files.keys()]) {
      if (p !== abs && p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) names.push(p.slice(prefix.length));
    }
    return names.sort(compareBytes);
  }

  /** remove deletes a file, an empty directory, or with `recursive` a whole tree. */
  remove(path: string, recursive = false): void {
    const abs = this.resolve(path);
    if (this.files.delete(abs)) {
      this.mtimes.delete(abs);
      return;
    }
    if (!this.dirs.has(abs)) throw new FsError(this.missingCode(abs));
    if (!recursive && this.list(abs).length > 0) throw new FsError('ENOTEMPTY');
    for (const p of [...this.files.keys()]) if (isInside(p, abs)) this.files.delete(p);
    for (const p of [...this.dirs]) if (isInside(p, abs) && p !== '/') this.dirs.delete(p);
    for (const p of [...this.mtimes.keys()]) if (isInside(p, abs)) this.mtimes.delete(p);
  }

  /** copy copies a file, or with `recursive` a directory tree, to `to` (which must not be a directory). */
  copy(from: string, to: string): void {
    const src = this.resolve(from);
    const dst = this.resolve(to);
    if (this.files.has(src)) {
      this.write(dst, this.read(src));
      return;
    }
    if (!this.dirs.has(src)) throw new FsError(this.missingCode(src));
    if (isInside(dst, src)) throw new FsError('EINVAL');
    if (!this.dirs.has(dst)) this.mkdir(dst);
    for (const name of this.list(src)) this.copy(`${src}/${name}`, `${dst}/${name}`);
  }

  /** move renames a file or directory; an existing file at `to` is replaced. */
  move(from: string, to: string): void {
    const src = this.resolve(from);
    const dst = this.resolve(to);
    if (src === dst) return;
    if (!this.exists(src)) throw new FsError(this.missingCode(src));
    if (this.dirs.has(src) && isInside(dst, src)) throw new FsError('EINVAL');
    if (this.dirs.has(dst)) throw new FsError('EISDIR');
    this.checkParent(dst);
    const moved = [...this.files.keys(), ...this.dirs].filter((p) => isInside(p, src));
    for (const p of moved) {
      const target = dst + p.slice(src.length);
      if (this.files.has(p)) {
        this.files.set(target, this.files.get(p) ?? '');
        this.files.delete(p);
      } else {
        this.dirs.add(target);
        this.dirs.delete(p);
      }
      this.mtimes.set(target, this.mtimes.get(p) ?? this.clock());
      this.mtimes.delete(p);
    }
  }

  /** size is a file's length in UTF-8 bytes, or 4096 for a directory as ext4 reports it. */
  size(path: string): number {
    const abs = this.resolve(path);
    if (this.dirs.has(abs)) return 4096;
    return utf8Length(this.read(abs));
  }

  /** mtime is when `path` was last written, in the clock's milliseconds. */
  mtime(path: string): number {
    return this.mtimes.get(this.resolve(path)) ?? 0;
  }

  /** snapshot returns the filesystem as plain JSON. */
  snapshot(): VfsState {
    return {
      files: Object.fromEntries([...this.files].sort(([a], [b]) => compareBytes(a, b))),
      dirs: [...this.dirs].sort(compareBytes),
      mtimes: Object.fromEntries([...this.mtimes].sort(([a], [b]) => compareBytes(a, b))),
    };
  }

  // The errno a path lookup fails with: ENOTDIR when some ancestor is a file.
  private missingCode(abs: string): FsErrorCode {
    for (let p = dirname(abs); p !== '/'; p = dirname(p)) {
      if (this.files.has(p)) return 'ENOTDIR';
    }
    return 'ENOENT';
  }

  private checkParent(abs: string): void {
    const parent = dirname(abs);
    if (this.dirs.has(parent)) return;
    throw new FsError(this.files.has(parent) ? 'ENOTDIR' : this.missingCode(parent));
  }
}

/** compareBytes orders strings by UTF-16 code units, which matches byte order for ASCII names. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** utf8Length counts the bytes a string takes in UTF-8, as `wc -c` and `ls -l` report. */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
