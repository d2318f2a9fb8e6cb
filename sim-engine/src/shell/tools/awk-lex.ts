/** The awk tokenizer: numbers, strings, regex literals, names and operators. */

/** AwkSyntaxError points at the offending column of the program. */
export class AwkSyntaxError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}

/** Token is one lexical element of an awk program; `at` is its column. */
export interface Token {
  t: 'num' | 'str' | 'regex' | 'name' | 'op' | 'nl' | 'eof';
  v: string;
  at: number;
}

/** tokenize splits an awk program into tokens, telling a regex from a division by what precedes the slash. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const ops = ['&&', '||', '==', '!=', '<=', '>=', '>>', '!~', '++', '--', '+=', '-=', '*=', '/=', '%=', '^=', '{', '}', '(', ')', ';', ',', '+', '-', '*', '/', '%', '^', '!', '<', '>', '~', '?', ':', '=', '$', '|'];
  let i = 0;
  const divisionOk = (): boolean => {
    const prev = out[out.length - 1];
    return prev !== undefined && (prev.t === 'num' || prev.t === 'str' || prev.t === 'name' || (prev.t === 'op' && [')', '++', '--', '$'].includes(prev.v)));
  };
  while (i < src.length) {
    const c = src[i]!;
    const at = i;
    if (c === ' ' || c === '\t' || (c === '\\' && src[i + 1] === '\n')) {
      i += c === '\\' ? 2 : 1;
    } else if (c === '\n') {
      out.push({ t: 'nl', v: '\n', at });
      i++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(src.slice(i))![0];
      out.push({ t: 'num', v: m, at });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_]\w*/.exec(src.slice(i))![0];
      out.push({ t: 'name', v: m, at });
      i += m.length;
    } else if (c === '"') {
      let text = '';
      for (i++; i < src.length && src[i] !== '"'; i++) {
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[++i]!;
          text += { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' }[n] ?? `\\${n}`;
        } else {
          text += src[i];
        }
      }
      if (i >= src.length) throw new AwkSyntaxError('unterminated string', at);
      i++;
      out.push({ t: 'str', v: text, at });
    } else if (c === '/' && !divisionOk()) {
      let text = '';
      for (i++; i < src.length && src[i] !== '/'; i++) {
        if (src[i] === '\n') break;
        if (src[i] === '\\' && src[i + 1] === '/') text += src[++i];
        else if (src[i] === '\\' && i + 1 < src.length) text += src[i]! + src[++i]!;
        else text += src[i];
      }
      if (src[i] !== '/') throw new AwkSyntaxError('unterminated regexp', at);
      i++;
      out.push({ t: 'regex', v: text, at });
    } else if (c === '[') {
      throw new AwkSyntaxError('arrays are not supported in this sandbox', at);
    } else {
      const op = ops.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError('invalid char', at);
      out.push({ t: 'op', v: op, at });
      i += op.length;
    }
  }
  out.push({ t: 'eof', v: '', at: src.length });
  return out;
}

