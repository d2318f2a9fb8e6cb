/**
 * Compound commands: `if`, `for` (both forms), `while`, `until`, `{ ...; }` and `(( ))`.
 * Bash recognises their reserved words only where a command may start and only unquoted;
 * a body is a list that runs until the word that closes it (`then`, `do`, `done`, `fi` …).
 */
import type { ArithExpr, Command, Redirect, Script, Word, WordPart } from './ast.ts';
import { ParseError } from './words.ts';

/** CompoundHost is the part of the parser that compound commands are read with. */
export interface CompoundHost {
  src: string;
  pos: number;
  skipBlank(newlines: boolean): void;
  /** keywordAt is the reserved word starting at `pos`, if one does (unquoted and followed by a delimiter). */
  keywordAt(): string | undefined;
  /** compoundList reads a list up to (not including) one of `closers`, which must follow. */
  compoundList(closers: readonly string[]): Script;
  readWord(): Word;
  readArithBody(at: number): ArithExpr | undefined;
  /** arithParts reads an arithmetic expression's text into parts. */
  arithParts(text: string): WordPart[];
  redirects(): Redirect[];
  unexpectedToken(): ParseError;
}

/** OPENERS are the reserved words that start a compound command the sandbox runs. */
export const OPENERS = new Set(['if', 'for', 'while', 'until', '{']);

/** endOfFile is bash's error when input ends inside a compound command; more lines could complete it. */
export function endOfFile(): ParseError {
  return new ParseError(['syntax error: unexpected end of file'], true);
}

/** parseCompound reads the compound command that starts with `keyword` at `p.pos`. */
export function parseCompound(p: CompoundHost, keyword: string): Command {
  p.pos += keyword.length;
  let command: Command;
  switch (keyword) {
    case 'if':
      command = parseIf(p);
      break;
    case 'for':
      command = parseFor(p);
      break;
    case 'while':
    case 'until': {
      const test = p.compoundList(['do']);
      expect(p, 'do');
      command = { type: 'while', until: keyword === 'until', test, body: doneBody(p), redirects: [] };
      break;
    }
    default: {
      const body = p.compoundList(['}']);
      expect(p, '}');
      command = { type: 'group', body, redirects: [] };
    }
  }
  command.redirects = p.redirects();
  return command;
}

/** parseArithCommand reads `(( expression ))` at `p.pos`; undefined when it does not close with `))`, so it is a nested subshell. */
export function parseArithCommand(p: CompoundHost): Command | undefined {
  const start = p.pos;
  const expr = p.readArithBody(start + 2);
  if (!expr) {
    p.pos = start;
    return undefined;
  }
  return { type: 'arith', expr, redirects: p.redirects() };
}

function parseIf(p: CompoundHost): Command {
  const branches: { test: Script; body: Script }[] = [];
  let otherwise: Script | undefined;
  for (;;) {
    const test = p.compoundList(['then']);
    expect(p, 'then');
    branches.push({ test, body: p.compoundList(['elif', 'else', 'fi']) });
    const next = take(p);
    if (next === 'fi') break;
    if (next === 'else') {
      otherwise = p.compoundList(['fi']);
      expect(p, 'fi');
      break;
    }
  }
  return { type: 'if', branches, ...(otherwise && { otherwise }), redirects: [] };
}

function parseFor(p: CompoundHost): Command {
  p.skipBlank(false);
  if (p.src.startsWith('((', p.pos)) return parseArithFor(p);
  const c = p.src[p.pos];
  if (c === undefined || /[\n;&|<>()]/.test(c)) throw p.unexpectedToken();
  const name = p.readWord().raw;
  const words: Word[] = [];
  // `for NAME` may be followed by `;` or newlines, then `in WORDS` or straight `do`.
  skipSeparator(p, true);
  if (atWord(p, 'in')) {
    p.pos += 2;
    for (;;) {
      p.skipBlank(false);
      const w = p.src[p.pos];
      if (w === undefined) throw endOfFile();
      if (w === ';' || w === '\n') break;
      if (/[&|<>()]/.test(w)) throw p.unexpectedToken();
      words.push(p.readWord());
    }
    skipSeparator(p, false);
    return { type: 'for', name, words, body: forBody(p), redirects: [] };
  }
  // Without `in`, bash walks "$@"; the sandbox's shell has no positional parameters.
  return { type: 'for', name, words: [], body: forBody(p), redirects: [] };
}

function parseArithFor(p: CompoundHost): Command {
  const start = p.pos;
  const expr = p.readArithBody(start + 2);
  if (!expr) throw p.unexpectedToken();
  const pieces = splitTopLevel(expr.raw);
  if (pieces.length !== 3) throw new ParseError(['syntax error: arithmetic expression required', `syntax error: \`${p.src.slice(start, p.pos)}'`], false);
  const [init, test, step] = pieces.map((raw) => ({ parts: p.arithParts(raw), raw }));
  skipSeparator(p, false);
  return { type: 'arith-for', init: init!, test: test!, step: step!, body: forBody(p), redirects: [] };
}

// The body of a `for` is `do LIST done`, or like bash also `{ LIST; }`.
function forBody(p: CompoundHost): Script {
  if (p.keywordAt() === '{') {
    p.pos++;
    const body = p.compoundList(['}']);
    expect(p, '}');
    return body;
  }
  expect(p, 'do');
  return doneBody(p);
}

function doneBody(p: CompoundHost): Script {
  const body = p.compoundList(['done']);
  expect(p, 'done');
  return body;
}

// Skips blanks, one optional `;` (or, when `newlineFirst`, newlines before it), and the newlines after it.
function skipSeparator(p: CompoundHost, newlineFirst: boolean): void {
  p.skipBlank(newlineFirst);
  if (p.src[p.pos] === ';' && p.src[p.pos + 1] !== ';') p.pos++;
  p.skipBlank(true);
}

function expect(p: CompoundHost, keyword: string): void {
  p.skipBlank(true);
  if (p.pos >= p.src.length) throw endOfFile();
  if (p.keywordAt() !== keyword) throw p.unexpectedToken();
  p.pos += keyword.length;
}

// The closer compoundList stopped at; the caller asked for one of them.
function take(p: CompoundHost): string {
  const keyword = p.keywordAt()!;
  p.pos += keyword.length;
  return keyword;
}

// `in` is reserved only right after `for NAME`.
function atWord(p: CompoundHost, word: string): boolean {
  return p.src.startsWith(word, p.pos) && /^(?:[ \t\n;&|<>()]|$)/.test(p.src[p.pos + word.length] ?? '');
}

// `for ((a; b; c))` splits on semicolons outside parentheses.
function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ';' && depth === 0) {
      pieces.push(text.slice(last, i));
      last = i + 1;
    }
  }
  pieces.push(text.slice(last));
  return pieces;
}
