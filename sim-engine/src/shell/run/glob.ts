/**
 * Pathname expansion against the virtual filesystem: `*`, `?` and `[...]`, one path
 * component at a time, hidden names only when the pattern starts with a dot, results
 * sorted. Patterns use backslash to mark characters that were quoted in the word.
 */
import type { VirtualFS } from '../vfs.ts';
import { compareBytes } from '../vfs.ts';
import { own } from '../record.ts';

/** hasGlobChars tells whether an escaped pattern contains an unescaped `*`, `?` or `[`. */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** escapeGlob escapes every glob-significant character, for text that came from quotes. */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** unescapeGlob removes the escaping backslashes from a pattern, giving the literal word. */
export function unescapeGlob(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** globToRegExp compiles one path component's pattern to an anchored RegExp. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[++i]!);
    } else if (c === '*') {
      re += '.*';
    } else if (c === '?') {
      re += '.';
    } else if (c === '[') {
      const close = findClass(pattern, i);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      re += `[${negate ? '^' : ''}${body.replace(/\\(.)/g, '$1').replace(/[\\\]^]/g, '\\$&').replace(/\[:(\w+):\\\]/g, (_, n: string) => own(POSIX_CLASSES, n) ?? '')}]`;
      i = close;
    } else {
      re += escapeRegExp(c);
    }
  }
  return new RegExp(`^${re}$`, 's');
}

const POSIX_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
};

// A bracket expression closes at the first `]` that is not its first character.
function findClass(pattern: string, open: number): number {
  let i = open + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++;
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[' && pattern[i + 1] === ':') {
      const end = pattern.indexOf(':]', i + 2);
      if (end > 0) i = end + 1;
    } else if (pattern[i] === ']') return i;
  }
  return -1;
}

/** escapeRegExp escapes text for literal use in a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** expandGlob returns the paths matching `pattern` (relative ones from `cwd`), sorted; none when nothing matches. */
export function expandGlob(pattern: string, fs: VirtualFS, cwd: string): string[] {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let matches: { shown: string; abs: string }[] = [{ shown: absolute ? '/' : '', abs: absolute ? '/' : cwd }];
  for (const component of components) {
    if (component === '') continue;
    const next: typeof matches = [];
    for (const m of matches) {
      const join = (name: string): { shown: string; abs: string } => ({
        shown: m.shown === '' ? name : m.shown.endsWith('/') ? m.shown + name : `${m.shown}/${name}`,
        abs: fs.resolve(name, m.abs),
      });
      if (!hasGlobChars(component)) {
        const name = unescapeGlob(component);
        if (fs.exists(fs.resolve(name, m.abs))) next.push(join(name));
        continue;
      }
      if (fs.kind(m.abs) !== 'dir') continue;
      const re = globToRegExp(component);
      const showHidden = component.startsWith('.') || component.startsWith('\\.');
      for (const name of fs.list(m.abs)) {
        if ((showHidden || !name.startsWith('.')) && re.test(name)) next.push(join(name));
      }
    }
    matches = next;
  }
  // A trailing slash in the pattern keeps only directories, and shows the slash.
  if (pattern.endsWith('/')) matches = matches.filter((m) => fs.kind(m.abs) === 'dir').map((m) => ({ ...m, shown: `${m.shown}/` }));
  return matches.map((m) => m.shown).sort(compareBytes);
}
