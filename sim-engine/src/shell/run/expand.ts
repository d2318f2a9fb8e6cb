/**
 * Word expansion in bash's order: tilde, parameters and command substitution, field
 * splitting of unquoted results, pathname expansion, quote removal. Quoting is carried
 * as a flag on each piece of text rather than as characters, so nothing is re-scanned.
 */
import type { Script, Word, WordPart } from '../syntax/ast.ts';
import { HOME } from '../paths.ts';
import type { VirtualFS } from '../vfs.ts';
import { ArithError, arithMessage, evaluateArith } from './arith.ts';
import { escapeGlob, expandGlob, hasGlobChars, unescapeGlob } from './glob.ts';
import type { Scope } from './scope.ts';

/** ExpansionError stops a command, e.g. `${x y}: bad substitution`; the message omits `bash: `. */
export class ExpansionError extends Error {}

/** FatalExpansionError also abandons the rest of the command line, as bash does after an error in `$(( ))`. */
export class FatalExpansionError extends ExpansionError {}

/** ExpandContext is what expansion needs from the shell. */
export interface ExpandContext {
  scope: Scope;
  fs: VirtualFS;
  /** substitute runs `$( ... )` and returns its standard output. */
  substitute(script: Script): Promise<string>;
}

interface Piece {
  text: string;
  /** literal pieces came from quotes, so they are neither split nor globbed. */
  literal: boolean;
  /** split pieces are unquoted expansion results, subject to field splitting. */
  split: boolean;
}

/** expandWords expands command words into fields: split on blanks and globbed. */
export async function expandWords(words: Word[], ctx: ExpandContext): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) out.push(...(await expandFields(word, ctx)));
  return out;
}

/** expandWord expands a word to one string without splitting or globbing, as assignments do. */
export async function expandWord(word: Word, ctx: ExpandContext, assignment = false): Promise<string> {
  const pieces = await expandParts(tilde(word.parts, ctx.scope, assignment), ctx);
  return pieces.map((p) => p.text).join('');
}

/** expandText expands parts to a plain string, as here-document bodies need. */
export async function expandText(parts: WordPart[], ctx: ExpandContext): Promise<string> {
  return (await expandParts(parts, ctx)).map((p) => p.text).join('');
}

/** expandRedirectTarget expands a redirection's file name, which must come out as exactly one field. */
export async function expandRedirectTarget(word: Word, ctx: ExpandContext): Promise<string> {
  const fields = await expandFields(word, ctx);
  if (fields.length !== 1) throw new ExpansionError(`${word.raw}: ambiguous redirect`);
  return fields[0]!;
}

async function expandFields(word: Word, ctx: ExpandContext): Promise<string[]> {
  const pieces = await expandParts(tilde(word.parts, ctx.scope, false), ctx);
  // Each field is kept as a glob pattern in which quoted characters are escaped.
  const fields: string[] = [];
  let current: string | undefined;
  for (const piece of pieces) {
    if (!piece.split) {
      current = (current ?? '') + (piece.literal ? escapeGlob(piece.text) : escapeBackslash(piece.text));
      continue;
    }
    const chunks = piece.text.split(/[ \t\n]+/);
    chunks.forEach((chunk, i) => {
      if (i > 0 && current !== undefined) {
        fields.push(current);
        current = undefined;
      }
      if (chunk !== '') current = (current ?? '') + escapeBackslash(chunk);
    });
  }
  if (current !== undefined) fields.push(current);
  const out: string[] = [];
  for (const field of fields) {
    const matches = hasGlobChars(field) ? expandGlob(field, ctx.fs, ctx.scope.cwd) : [];
    out.push(...(matches.length > 0 ? matches : [unescapeGlob(field)]));
  }
  return out;
}

// Unquoted text keeps its glob characters active, but a backslash in it is an ordinary character.
function escapeBackslash(text: string): string {
  return text.replace(/\\/g, '\\\\');
}

async function expandParts(parts: WordPart[], ctx: ExpandContext): Promise<Piece[]> {
  const out: Piece[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        out.push({ text: part.text, literal: part.quoted, split: false });
        break;
      case 'param':
        out.push(...(await expandParam(part, ctx)));
        break;
      case 'command': {
        const text = (await ctx.substitute(part.script)).replace(/\n+$/, '');
        out.push({ text, literal: part.quoted, split: !part.quoted });
        break;
      }
      case 'arith': {
        const expr = await expandText(part.parts, ctx);
        out.push({ text: String(arithmetic(expr, ctx)), literal: part.quoted, split: !part.quoted });
        break;
      }
      case 'procsub':
        throw new ExpansionError(`<(${part.source}): process substitution is only supported as \`source <(kubectl completion bash)' in this sandbox`);
      case 'unsupported':
        throw new ExpansionError(part.message);
    }
  }
  return out;
}

function arithmetic(expr: string, ctx: ExpandContext): bigint {
  try {
    return evaluateArith(expr, ctx.scope);
  } catch (e) {
    if (e instanceof ArithError) throw new FatalExpansionError(arithMessage(expr, e));
    throw e;
  }
}

async function expandParam(part: Extract<WordPart, { type: 'param' }>, ctx: ExpandContext): Promise<Piece[]> {
  const value = ctx.scope.get(part.name);
  const piece = (text: string): Piece[] => [{ text, literal: part.quoted, split: !part.quoted }];
  // In an unquoted ${X:-a b} the word's own unquoted text is split too: it gives two fields.
  const arg = async (): Promise<Piece[]> => (await expandParts(part.arg ?? [], ctx)).map((p) => (part.quoted || p.literal ? p : { ...p, split: true }));
  switch (part.op) {
    case undefined:
      return piece(value ?? '');
    case '#':
      return piece(String([...(value ?? '')].length));
    case ':-':
      return value === undefined || value === '' ? arg() : piece(value);
    case '-':
      return value === undefined ? arg() : piece(value);
    case ':=':
    case '=': {
      if (value !== undefined && (part.op === '=' || value !== '')) return piece(value);
      if (!/^[A-Za-z_]\w*$/.test(part.name)) throw new ExpansionError(`$${part.name}: cannot assign in this way`);
      const text = (await arg()).map((p) => p.text).join('');
      ctx.scope.set(part.name, text);
      return piece(text);
    }
    case ':+':
      return value === undefined || value === '' ? [] : arg();
    case '+':
      return value === undefined ? [] : arg();
  }
}

// Tilde expansion rewrites a leading `~` (and in assignments, one after each `:`) into a quoted piece of text.
function tilde(parts: WordPart[], scope: Scope, assignment: boolean): WordPart[] {
  const first = parts[0];
  if (first?.type !== 'text' || first.quoted) return parts;
  const re = assignment ? /(^|:)(~[^/:]*)(?=\/|:|$)/g : /^(~[^/]*)(?=\/|$)/;
  const pieces: WordPart[] = [];
  let last = 0;
  const text = first.text;
  // A `~` at the very end of the first part is only a tilde prefix if nothing quoted or expanded follows it.
  const endsWord = parts.length === 1;
  for (const m of text.matchAll(assignment ? re : new RegExp(re.source, 'g'))) {
    const prefix = assignment ? m[2]! : m[1]!;
    const start = m.index + (assignment ? m[1]!.length : 0);
    if (start + prefix.length === text.length && !endsWord) continue;
    const home = tildeDir(prefix, scope);
    if (home === undefined) continue;
    pieces.push({ type: 'text', text: text.slice(last, start), quoted: false }, { type: 'text', text: home, quoted: true });
    last = start + prefix.length;
  }
  if (pieces.length === 0) return parts;
  pieces.push({ type: 'text', text: text.slice(last), quoted: false });
  return [...pieces, ...parts.slice(1)];
}

function tildeDir(prefix: string, scope: Scope): string | undefined {
  const user = prefix.slice(1);
  if (user === '') return scope.get('HOME') ?? HOME;
  if (user === '+') return scope.cwd;
  if (user === '-') return scope.get('OLDPWD');
  if (user === 'learner') return HOME;
  if (user === 'root') return '/root';
  return undefined;
}
