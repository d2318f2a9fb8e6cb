/**
 * POSIX regular expressions translated to JavaScript ones. In basic syntax (grep, sed)
 * `\(`, `\)`, `\{`, `\}`, `\|`, `\+` and `\?` are the operators and the bare characters
 * are literal; extended syntax (-E) is the other way round. Bracket expressions take
 * `[:alpha:]` classes and treat backslash literally, as POSIX says.
 */
import { escapeRegExp } from '../run/glob.ts';
import { own } from '../record.ts';

/** RegexError carries GNU's message for a bad pattern, e.g. `Unmatched [, [^, [:, [., or [=`. */
export class RegexError extends Error {}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
  cntrl: '\\x00-\\x1f\\x7f',
};

/** translateRegex turns a POSIX pattern into JavaScript regex source. */
export function translateRegex(pattern: string, extended: boolean): string {
  let out = '';
  // Positions where `*` is literal and `^` is an anchor in basic syntax: the start, after `\(` or `\|`.
  let atStart = true;
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    const wasStart: boolean = atStart;
    atStart = false;
    if (c === '\\') {
      const n = pattern[i + 1];
      if (n === undefined) throw new RegexError('Trailing backslash');
      i += 2;
      if (!extended && '(){}|+?'.includes(n)) {
        out += n;
        atStart = n === '(' || n === '|';
      } else if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n) || /[1-9]/.test(n)) out += `\\${n}`;
      else if (n === 'n' || n === 't') out += `\\${n}`;
      else if (n === '`') out += '^';
      else if (n === "'") out += '$';
      else out += escapeRegExp(n);
      continue;
    }
    if (c === '[') {
      const [cls, end] = bracket(pattern, i);
      out += cls;
      i = end;
      continue;
    }
    i++;
    if ('(){}|+?'.includes(c)) {
      out += extended ? c : `\\${c}`;
      atStart = extended && (c === '(' || c === '|');
    } else if (c === '*') {
      out += wasStart ? '\\*' : '*';
    } else if (c === '^') {
      out += extended || wasStart ? '^' : '\\^';
      atStart = wasStart;
    } else if (c === '$') {
      const atEnd = i === pattern.length || pattern.startsWith(extended ? ')' : '\\)', i) || pattern.startsWith(extended ? '|' : '\\|', i);
      out += extended || atEnd ? '$' : '\\$';
    } else if (c === '.') {
      out += '.';
    } else {
      out += escapeRegExp(c);
    }
  }
  return out;
}

// Translates the bracket expression opening at `open`; returns its JS class and the index after it.
function bracket(pattern: string, open: number): [string, number] {
  let i = open + 1;
  let out = '[';
  if (pattern[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  for (; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === ']' && !first) return [`${out}]`, i + 1];
    first = false;
    if (c === '[' && (pattern[i + 1] === ':' || pattern[i + 1] === '=' || pattern[i + 1] === '.')) {
      const kind = pattern[i + 1]!;
      const end = pattern.indexOf(`${kind}]`, i + 2);
      if (end < 0) break;
      const name = pattern.slice(i + 2, end);
      if (kind === ':') {
        const cls = own(CLASSES, name);
        if (cls === undefined) throw new RegexError('Invalid character class name');
        out += cls;
      } else {
        out += escapeRegExp(name);
      }
      i = end + 1;
      continue;
    }
    out += c === '\\' || c === ']' || c === '[' || c === '^' ? `\\${c}` : c;
  }
  // GNU reports a `[` that ends the pattern differently from one left open before other text.
  throw new RegexError(open === pattern.length - 1 ? 'Invalid regular expression' : 'Unmatched [, [^, [:, [., or [=');
}

/** compileRegex builds a RegExp from a POSIX pattern, mapping JavaScript's complaints to GNU's wording. */
export function compileRegex(pattern: string, opts: { extended: boolean; ignoreCase?: boolean; global?: boolean }): RegExp {
  const source = translateRegex(pattern, opts.extended);
  const flags = `${opts.global ? 'g' : ''}${opts.ignoreCase ? 'i' : ''}`;
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new RegexError(gnuRegexMessage(e));
  }
}

/** gnuRegexMessage words a pattern error as GNU does: our own RegexError text, or a JavaScript SyntaxError mapped. */
export function gnuRegexMessage(e: unknown): string {
  if (e instanceof RegexError) return e.message;
  const message = e instanceof Error ? e.message : '';
  if (/unterminated group/i.test(message)) return 'Unmatched ( or \\(';
  if (/unmatched '\)'/i.test(message)) return 'Unmatched ) or \\)';
  if (/nothing to repeat|lone quantifier/i.test(message)) return 'Invalid preceding regular expression';
  return 'Invalid regular expression';
}
