/**
 * Tab completion as bash with bash-completion does it: command names in command
 * position, `$VARIABLES`, file names elsewhere, and per-program completers (kubectl's)
 * for their arguments, falling back to file names when a completer has nothing
 * (like `complete -o default`).
 */
import { HOME } from './paths.ts';
import type { Scope } from './run/scope.ts';
import { compareBytes, type VirtualFS } from './vfs.ts';
import { own } from './record.ts';

/** Completer proposes words for a program's arguments: `words` are the command's words before the cursor word, the program name first. */
export type Completer = (words: string[], current: string) => string[];

/** Completion is where the completed word starts in the line and the words that could replace it. */
export interface Completion {
  start: number;
  candidates: string[];
}

/** CompletionContext is what completion reads from the shell. */
export interface CompletionContext {
  scope: Scope;
  fs: VirtualFS;
  commandNames: string[];
  completers: Readonly<Record<string, Completer>>;
}

// Reserved words offered in command position, and skipped before the command they introduce.
const KEYWORDS = ['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done'];

// Commands that run another command given as their arguments, and how many operands precede it.
const WRAPPERS: Record<string, { valueOptions: string[]; operands: number }> = {
  watch: { valueOptions: ['-n', '--interval'], operands: 0 },
  timeout: { valueOptions: ['-s', '-k', '--signal', '--kill-after'], operands: 1 },
  xargs: { valueOptions: ['-n', '-I'], operands: 0 },
  env: { valueOptions: ['-u'], operands: 0 },
  sudo: { valueOptions: [], operands: 0 },
  time: { valueOptions: [], operands: 0 },
};

/** complete returns candidates for the word that ends at `cursor`. */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const { words, current, start, redirect } = scan(line.slice(0, Math.max(0, Math.min(cursor, line.length))));
  const sorted = (list: string[]): Completion => ({ start, candidates: [...new Set(list)].sort(compareBytes) });
  if (current.startsWith('$') && !current.includes('/')) {
    const names = [...Object.keys(ctx.scope.env), ...Object.keys(ctx.scope.vars)].map((n) => `$${n}`);
    return sorted(names.filter((n) => n.startsWith(current)));
  }
  if (redirect) return sorted(files(current, ctx));
  const command = unwrap(words, ctx.scope.aliases);
  if (command === undefined) return sorted(files(current, ctx));
  if (command.length === 0 && !current.includes('/')) {
    const names = [...ctx.commandNames, ...Object.keys(ctx.scope.aliases), ...KEYWORDS];
    return sorted(names.filter((n) => n.startsWith(current)));
  }
  const completer = command[0] === undefined ? undefined : own(ctx.completers, command[0]);
  if (completer) {
    const proposed = completer(command, current).filter((c) => c.startsWith(current));
    if (proposed.length > 0) return sorted(proposed);
  }
  return sorted(files(current, ctx));
}

// Splits the text before the cursor into the current command's finished words and the word being typed.
function scan(text: string): { words: string[]; current: string; start: number; redirect: boolean } {
  let words: string[] = [];
  let word: string | undefined;
  let start = text.length;
  let redirect = false;
  let quote = '';
  const finish = (): void => {
    if (word !== undefined) {
      if (redirect) redirect = false;
      else if (words.length > 0 || !/^[A-Za-z_]\w*=/.test(word)) words.push(word);
    }
    word = undefined;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < text.length) word += text[++i]!;
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (word === undefined) start = i;
      word ??= '';
      quote = c;
    } else if (c === '\\' && i + 1 < text.length) {
      if (word === undefined) start = i;
      word = (word ?? '') + text[++i];
    } else if (c === ' ' || c === '\t' || c === '\n') {
      finish();
    } else if (';|&()'.includes(c)) {
      finish();
      words = [];
      redirect = false;
    } else if (c === '<' || c === '>') {
      finish();
      redirect = true;
    } else {
      if (word === undefined) start = i;
      word = (word ?? '') + c;
    }
  }
  if (word === undefined) start = text.length;
  return { words, current: word ?? '', start, redirect };
}

// Resolves an alias in command position and skips wrappers such as `watch -n 1`, leaving the real
// command's words; undefined when the cursor word is an argument of the wrapper itself.
function unwrap(words: string[], aliases: Record<string, string>): string[] | undefined {
  let rest = words;
  for (let guard = 0; guard < 8; guard++) {
    const first = rest[0];
    if (first === undefined) return rest;
    // After `do`, `then` or `if` a new command starts.
    if (KEYWORDS.includes(first) || first === '!' || first === '{') {
      rest = rest.slice(1);
      continue;
    }
    if (Object.hasOwn(aliases, first)) {
      rest = [...aliases[first]!.split(/\s+/).filter((w) => w !== ''), ...rest.slice(1)];
      continue;
    }
    const wrapper = own(WRAPPERS, first);
    if (!wrapper) return rest;
    let i = 1;
    let operands = wrapper.operands;
    while (i < rest.length) {
      const w = rest[i]!;
      if (w.startsWith('-')) i += wrapper.valueOptions.includes(w) ? 2 : 1;
      else if (operands > 0) {
        operands--;
        i++;
      } else break;
    }
    if (i > rest.length || (i === rest.length && operands > 0)) return undefined;
    rest = rest.slice(i);
  }
  return rest;
}

function files(current: string, ctx: CompletionContext): string[] {
  const slash = current.lastIndexOf('/');
  const dirPart = current.slice(0, slash + 1);
  const base = current.slice(slash + 1);
  if (current === '~') return ['~/'];
  const home = ctx.scope.get('HOME') ?? HOME;
  const dirText = dirPart.startsWith('~/') ? home + dirPart.slice(1) : dirPart === '' ? '.' : dirPart;
  const dir = ctx.fs.resolve(dirText, ctx.scope.cwd);
  if (ctx.fs.kind(dir) !== 'dir') return [];
  return ctx.fs
    .list(dir)
    .filter((name) => name.startsWith(base) && (base.startsWith('.') || !name.startsWith('.')))
    .map((name) => dirPart + escape(name) + (ctx.fs.kind(ctx.fs.resolve(name, dir)) === 'dir' ? '/' : ''));
}

function escape(name: string): string {
  return name.replace(/[\s'"\\$`!&|;()<>*?[\]{}]/g, '\\$&');
}
