/**
 * Reading words: quotes, backslashes, `$NAME`, `${...}`, `$(...)` and backticks. The
 * command parser extends this reader and supplies the nested-script parsing that
 * command substitution needs.
 */
import type { ArithExpr, ParamOp, Script, Word, WordPart } from './ast.ts';
import { own } from '../record.ts';

/** ParseError is a syntax error; `incomplete` means more input could still complete the line. */
export class ParseError extends Error {
  readonly incomplete: boolean;
  /** lines are bash's messages without the `bash: ` prefix. */
  readonly lines: string[];
  constructor(lines: string[], incomplete: boolean) {
    super(lines.join('\n'));
    this.lines = lines;
    this.incomplete = incomplete;
  }
}

/** unexpectedEof is bash's error for input that ends inside a quote or substitution. */
export function unexpectedEof(closer: string): ParseError {
  return new ParseError([`unexpected EOF while looking for matching \`${closer}'`, 'syntax error: unexpected end of file'], true);
}

/** META are the characters that end an unquoted word. */
export const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL_PARAMS = new Set(['?', '$', '#', '@', '*', '!', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
const PARAM_OPS: ParamOp[] = [':-', ':=', ':+', '-', '=', '+'];

/** WordReader reads words from `src` starting at `pos`. */
export abstract class WordReader {
  src: string;
  pos = 0;
  /** needsMore is set when input ended where an interactive shell would read another line. */
  needsMore = false;

  constructor(src: string) {
    this.src = src;
  }

  /** parseNested parses a list up to (not including) the `)` that closes `$(` or `(`. */
  protected abstract parseNested(): Script;

  /** parseSource parses a whole script from other text, as backticks need. */
  protected abstract parseSource(text: string): Script;

  /** arithParts reads the text inside `$(( ))` or `(( ))` into parts to expand before evaluation. */
  abstract arithParts(text: string): WordPart[];

  /** readWord reads one word at `pos`; the caller has checked that a word starts here. */
  readWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      if (META.has(c)) break;
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next === undefined) {
          // A trailing backslash asks for another line; at the true end it vanishes.
          this.needsMore = true;
          this.pos++;
        } else if (next === '\n') {
          this.pos += 2;
        } else {
          pushText(parts, next, true);
          this.pos += 2;
        }
      } else if (c === "'") {
        parts.push(this.readSingle());
      } else if (c === '"') {
        this.pos++;
        this.readDouble(parts);
      } else if (c === '`') {
        parts.push(this.readBacktick(false));
      } else if (c === '$') {
        parts.push(...this.readDollar(false));
      } else {
        pushText(parts, c, false);
        this.pos++;
      }
    }
    return { parts: mergeText(parts), raw: src.slice(start, this.pos) };
  }

  /** readHeredocParts reads all of `src` as an unquoted here-document body. */
  readHeredocParts(): WordPart[] {
    return this.readExpandable(false);
  }

  // Text where only `$`, backticks and backslashes are special (here-documents), and in arithmetic also `"`, which is dropped.
  private readExpandable(arith: boolean): WordPart[] {
    const parts: WordPart[] = [];
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos]!;
      const next = src[this.pos + 1];
      if (arith && c === '"') {
        this.pos++;
      } else if (c === '\\' && next !== undefined && '$`\\\n'.includes(next)) {
        if (next !== '\n') pushText(parts, next, true);
        this.pos += 2;
      } else if (c === '$') {
        parts.push(...this.readDollar(true));
      } else if (c === '`') {
        parts.push(this.readBacktick(true));
      } else {
        pushText(parts, c, true);
        this.pos++;
      }
    }
    return mergeText(parts);
  }

  private readSingle(): WordPart {
    const end = this.src.indexOf("'", this.pos + 1);
    if (end < 0) throw unexpectedEof("'");
    const text = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return { type: 'text', text, quoted: true };
  }

  // Reads after an opening `"` through the closing one, appending to `parts`.
  private readDouble(parts: WordPart[]): void {
    const src = this.src;
    parts.push({ type: 'text', text: '', quoted: true });
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) throw unexpectedEof('"');
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const next = src[this.pos + 1];
        if (next !== undefined && '$`"\\\n'.includes(next)) {
          if (next !== '\n') pushText(parts, next, true);
          this.pos += 2;
        } else {
          pushText(parts, '\\', true);
          this.pos++;
        }
      } else if (c === '$') {
        parts.push(...this.readDollar(true));
      } else if (c === '`') {
        parts.push(this.readBacktick(true));
      } else {
        pushText(parts, c, true);
        this.pos++;
      }
    }
  }

  private readBacktick(quoted: boolean): WordPart {
    const src = this.src;
    let text = '';
    let i = this.pos + 1;
    for (;;) {
      const c = src[i];
      if (c === undefined) throw unexpectedEof('`');
      if (c === '`') break;
      const next = src[i + 1];
      if (c === '\\' && next !== undefined && ('$`\\'.includes(next) || (quoted && next === '"'))) {
        text += next;
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    this.pos = i + 1;
    return { type: 'command', script: this.parseSource(text), quoted };
  }

  /** readDollar reads what follows a `$`: a parameter, a substitution, or a literal dollar. */
  protected readDollar(quoted: boolean): WordPart[] {
    const src = this.src;
    const next = src[this.pos + 1];
    if (next === '(') {
      if (src[this.pos + 2] === '(') return [this.readArithmetic(quoted)];
      this.pos += 2;
      const script = this.parseNested();
      if (src[this.pos] !== ')') throw unexpectedEof(')');
      this.pos++;
      return [{ type: 'command', script, quoted }];
    }
    if (next === '{') return [this.readBrace(quoted)];
    if (next !== undefined && NAME_START.test(next)) {
      let end = this.pos + 1;
      while (end < src.length && NAME_CHAR.test(src[end]!)) end++;
      const name = src.slice(this.pos + 1, end);
      this.pos = end;
      return [{ type: 'param', name, quoted }];
    }
    if (next !== undefined && SPECIAL_PARAMS.has(next)) {
      this.pos += 2;
      return [{ type: 'param', name: next, quoted }];
    }
    if (!quoted && next === "'") return [this.readAnsiC()];
    if (!quoted && next === '"') {
      // $"..." is a translatable string; with no translations it is just "...".
      this.pos += 2;
      const parts: WordPart[] = [];
      this.readDouble(parts);
      return parts;
    }
    this.pos++;
    return [{ type: 'text', text: '$', quoted }];
  }

  private readBrace(quoted: boolean): WordPart {
    const src = this.src;
    const open = this.pos;
    this.pos += 2;
    let length = false;
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}') {
      length = true;
      this.pos++;
    }
    let name = '';
    if (NAME_START.test(src[this.pos] ?? '')) {
      while (this.pos < src.length && NAME_CHAR.test(src[this.pos]!)) name += src[this.pos++];
    } else if (SPECIAL_PARAMS.has(src[this.pos] ?? '')) {
      name = src[this.pos++]!;
    }
    if (name !== '' && src[this.pos] === '}') {
      this.pos++;
      return length ? { type: 'param', name, op: '#', quoted } : { type: 'param', name, quoted };
    }
    const op = length ? undefined : PARAM_OPS.find((o) => src.startsWith(o, this.pos));
    if (name === '' || op === undefined) return this.badSubstitution(open);
    this.pos += op.length;
    const arg = this.readBraceArg(quoted);
    return { type: 'param', name, op, arg, quoted };
  }

  // The word after `${NAME:-`, through the closing brace.
  private readBraceArg(quoted: boolean): WordPart[] {
    const src = this.src;
    const parts: WordPart[] = [];
    for (;;) {
      const c = src[this.pos];
      if (c === undefined) throw unexpectedEof('}');
      if (c === '}') {
        this.pos++;
        return mergeText(parts);
      }
      if (c === '\\' && src[this.pos + 1] !== undefined) {
        pushText(parts, src[this.pos + 1]!, true);
        this.pos += 2;
      } else if (c === "'" && !quoted) {
        parts.push(this.readSingle());
      } else if (c === '"') {
        this.pos++;
        this.readDouble(parts);
      } else if (c === '$') {
        parts.push(...this.readDollar(quoted));
      } else if (c === '`') {
        parts.push(this.readBacktick(quoted));
      } else {
        pushText(parts, c, quoted);
        this.pos++;
      }
    }
  }

  private badSubstitution(open: number): WordPart {
    const close = this.src.indexOf('}', this.pos);
    if (close < 0) throw unexpectedEof('}');
    this.pos = close + 1;
    return { type: 'unsupported', message: `${this.src.slice(open, close + 1)}: bad substitution` };
  }

  /** readArithBody reads an arithmetic expression from `at` through its closing `))`; undefined when the parentheses do not close that way. */
  readArithBody(at: number): ArithExpr | undefined {
    const src = this.src;
    let depth = 0;
    for (let i = at; i < src.length; i++) {
      const c = src[i];
      if (c === '(') depth++;
      else if (c === ')' && depth > 0) depth--;
      else if (c === ')') {
        if (src[i + 1] !== ')') return undefined;
        const raw = src.slice(at, i);
        this.pos = i + 2;
        return { parts: this.arithParts(raw), raw };
      }
    }
    throw unexpectedEof(')');
  }

  /** readArithParts reads all of `src` as an arithmetic expression: expansions are found, double quotes removed. */
  readArithParts(): WordPart[] {
    return this.readExpandable(true);
  }

  // `$((` is arithmetic; like bash, fall back to a command substitution of a subshell when it does not close with `))`.
  private readArithmetic(quoted: boolean): WordPart {
    const open = this.pos;
    const expr = this.readArithBody(open + 3);
    if (expr) return { type: 'arith', parts: expr.parts, raw: expr.raw, quoted };
    this.pos = open + 2;
    const script = this.parseNested();
    if (this.src[this.pos] !== ')') throw unexpectedEof(')');
    this.pos++;
    return { type: 'command', script, quoted };
  }

  private readAnsiC(): WordPart {
    const src = this.src;
    let text = '';
    let i = this.pos + 2;
    for (;;) {
      const c = src[i];
      if (c === undefined) throw unexpectedEof("'");
      if (c === "'") break;
      if (c !== '\\' || i + 1 >= src.length) {
        text += c;
        i++;
        continue;
      }
      const [decoded, used] = decodeEscape(src, i + 1);
      text += decoded;
      i += 1 + used;
    }
    this.pos = i + 1;
    return { type: 'text', text, quoted: true };
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** decodeEscape decodes the escape after a backslash at `at` (as in `$'...'` and `echo -e`): its text and the characters used. */
export function decodeEscape(src: string, at: number): [string, number] {
  const c = src[at] ?? '';
  const simple = own(SIMPLE_ESCAPES, c);
  if (simple !== undefined) return [simple, 1];
  const hex = /^x([0-9A-Fa-f]{1,2})/.exec(src.slice(at, at + 3));
  if (hex) return [String.fromCharCode(parseInt(hex[1]!, 16)), hex[0].length];
  const uni = /^u([0-9A-Fa-f]{1,4})/.exec(src.slice(at, at + 5));
  if (uni) return [String.fromCharCode(parseInt(uni[1]!, 16)), uni[0].length];
  const oct = /^[0-7]{1,3}/.exec(src.slice(at, at + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8) & 0xff), oct[0].length];
  return [`\\${c}`, 1];
}

function pushText(parts: WordPart[], text: string, quoted: boolean): void {
  parts.push({ type: 'text', text, quoted });
}

/** mergeText joins neighbouring text parts of equal quoting, keeping empty quoted ones (they make `""` a word). */
export function mergeText(parts: WordPart[]): WordPart[] {
  const out: WordPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.type === 'text' && last?.type === 'text' && last.quoted === part.quoted) {
      out[out.length - 1] = { ...last, text: last.text + part.text };
    } else {
      out.push(part);
    }
  }
  return out;
}
