/**
 * The lexer of container scripts (`sh -c "<script>"`): words with their quoting kept as parts
 * (so `$VAR` expands at run time, and splits only when unquoted) and the shell's operators.
 */

/** WordPart is literal text, a `$NAME`/`${NAME}`/`$?` expansion, a `$(command)` substitution or `$((arithmetic))`. */
export type WordPart =
  | { lit: string; quoted: boolean }
  | { param: string; quoted: boolean }
  | { subst: string; quoted: boolean }
  | { arith: string };

/** Word is one shell word: its parts and its raw text (for keywords and messages). */
export interface Word {
  parts: WordPart[];
  raw: string;
  /** True when any of it was quoted, so it is never a keyword. */
  quoted: boolean;
}

/** Token is a word, an operator (`;` `&&` `||` `|` `&` `(` `)` newline) or a redirection (`>` `>>` `2>` `2>&1` `>&2` `<` …). */
export type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string } | { kind: 'redir'; fd: number; op: string; dup?: number };

/** ScriptSyntaxError is a script the shell would refuse to run. */
export class ScriptSyntaxError extends Error {}

const PARAM = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*|[?#$0-9])\}|([A-Za-z_][A-Za-z0-9_]*|[?#$0-9]))/;

/** lex splits a script into tokens. */
export function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '\\' && src[i + 1] === '\n') {
      i += 2;
    } else if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '\n') {
      out.push({ kind: 'op', op: '\n' });
      i++;
    } else if (src.startsWith('&&', i) || src.startsWith('||', i) || src.startsWith(';;', i)) {
      out.push({ kind: 'op', op: src.slice(i, i + 2) });
      i += 2;
    } else if (';&|()'.includes(ch)) {
      out.push({ kind: 'op', op: ch });
      i++;
    } else {
      const redir = /^(\d?)(>>|>&|<&|>|<)(\d|-)?/.exec(src.slice(i));
      if (redir) {
        const op = redir[2]!;
        const dup = op.endsWith('&') && redir[3] !== undefined && redir[3] !== '-' ? Number(redir[3]) : undefined;
        out.push({ kind: 'redir', fd: redir[1] ? Number(redir[1]) : op.startsWith('<') ? 0 : 1, op, ...(dup !== undefined ? { dup } : {}) });
        i += redir[0].length - (op.endsWith('&') || redir[3] === undefined ? 0 : redir[3].length);
        if (op.endsWith('&') && redir[3] === undefined) throw new ScriptSyntaxError(`syntax error: bad fd number`);
        continue;
      }
      const [word, end] = readWord(src, i);
      out.push({ kind: 'word', word });
      i = end;
    }
  }
  return out;
}

function readWord(src: string, start: number): [Word, number] {
  const parts: WordPart[] = [];
  let quoted = false;
  let i = start;
  const lit = (text: string, q: boolean) => {
    const last = parts.at(-1);
    if (last && 'lit' in last && last.quoted === q) last.lit += text;
    else parts.push({ lit: text, quoted: q });
  };
  const dollar = (q: boolean): boolean => {
    const rest = src.slice(i);
    if (rest.startsWith('$((')) {
      const end = src.indexOf('))', i + 3);
      if (end < 0) throw new ScriptSyntaxError('syntax error: unterminated arithmetic expression');
      parts.push({ arith: src.slice(i + 3, end) });
      i = end + 2;
      return true;
    }
    if (rest.startsWith('$(')) {
      const end = matchParen(src, i + 2);
      parts.push({ subst: src.slice(i + 2, end), quoted: q });
      i = end + 1;
      return true;
    }
    const m = PARAM.exec(rest);
    if (!m) return false;
    parts.push({ param: m[1] ?? m[2]!, quoted: q });
    i += m[0].length;
    return true;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (' \t\n;&|()<>'.includes(ch)) break;
    if (ch === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) throw new ScriptSyntaxError("syntax error: unterminated quoted string");
      lit(src.slice(i + 1, end), true);
      quoted = true;
      i = end + 1;
    } else if (ch === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= src.length) throw new ScriptSyntaxError('syntax error: unterminated quoted string');
        const c = src[i]!;
        if (c === '"') break;
        if (c === '\\' && '$`"\\\n'.includes(src[i + 1] ?? '')) {
          if (src[i + 1] !== '\n') lit(src[i + 1]!, true);
          i += 2;
        } else if (c === '$' && dollar(true)) {
          continue;
        } else if (c === '`') {
          const end = src.indexOf('`', i + 1);
          if (end < 0) throw new ScriptSyntaxError('syntax error: unterminated quoted string');
          parts.push({ subst: src.slice(i + 1, end), quoted: true });
          i = end + 1;
        } else {
          lit(c, true);
          i++;
        }
      }
      lit('', true);
      i++;
    } else if (ch === '\\') {
      lit(src[i + 1] ?? '', true);
      quoted = true;
      i += 2;
    } else if (ch === '$' && dollar(false)) {
      continue;
    } else if (ch === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw new ScriptSyntaxError('syntax error: unterminated quoted string');
      parts.push({ subst: src.slice(i + 1, end), quoted: false });
      i = end + 1;
    } else {
      lit(ch, false);
      i++;
    }
  }
  return [{ parts, raw: src.slice(start, i), quoted }, i];
}

function matchParen(src: string, from: number): number {
  let depth = 1;
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (c === "'") i = Math.max(i, src.indexOf("'", i + 1));
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new ScriptSyntaxError("syntax error: unterminated command substitution");
}
