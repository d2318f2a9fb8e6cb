/**
 * A parser for the awk people type on one line: `pattern { action }` items with BEGIN and
 * END, print/printf, if/else, next, exit, assignments, fields, comparisons, regex
 * matches and a handful of built-in functions. Loops and arrays are not part of it.
 */
import { AwkSyntaxError, type Token, tokenize } from './awk-lex.ts';
import { RegexError, compileRegex } from './regex.ts';

/** Expr is an awk expression. */
export type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'regex'; re: RegExp }
  | { k: 'field'; e: Expr }
  | { k: 'var'; name: string }
  | { k: 'assign'; op: string; target: Expr; value: Expr }
  | { k: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { k: 'unary'; op: string; e: Expr }
  | { k: 'binary'; op: string; l: Expr; r: Expr }
  | { k: 'cond'; c: Expr; t: Expr; f: Expr }
  | { k: 'call'; name: string; args: Expr[] };

/** Stmt is an awk statement. */
export type Stmt =
  | { k: 'print' | 'printf'; args: Expr[]; dest?: { file: Expr; append: boolean } }
  | { k: 'expr'; e: Expr }
  | { k: 'next' }
  | { k: 'exit'; e?: Expr }
  | { k: 'if'; c: Expr; t: Stmt[]; f: Stmt[] };

/** Item is `pattern { action }`; a missing action prints the record. `until` makes the pattern a range start. */
export interface Item {
  pattern?: Expr | 'BEGIN' | 'END';
  until?: Expr;
  /** active is a range's state while running: between its start and end records. */
  active?: boolean;
  action?: Stmt[];
}

/** FUNCTIONS are the built-in functions and how many arguments they accept. */
export const FUNCTIONS: Record<string, [number, number]> = {
  length: [0, 1], substr: [2, 3], index: [2, 2], tolower: [1, 1], toupper: [1, 1],
  sprintf: [1, 99], int: [1, 1], sub: [2, 3], gsub: [2, 3], match: [2, 2],
};

const UNSUPPORTED = new Set(['for', 'while', 'do', 'function', 'getline', 'delete', 'in', 'break', 'continue', 'split']);

/** parseAwk parses a program; it throws AwkSyntaxError with the column of the problem. */
export function parseAwk(src: string): Item[] {
  const toks = tokenize(src);
  let p = 0;
  const peek = (o = 0): Token => toks[Math.min(p + o, toks.length - 1)]!;
  const is = (v: string): boolean => peek().t === 'op' && peek().v === v;
  const fail = (tok = peek()): never => {
    if (tok.t === 'name' && UNSUPPORTED.has(tok.v)) throw new AwkSyntaxError(`\`${tok.v}' is not supported in this sandbox`, tok.at);
    throw new AwkSyntaxError(tok.t === 'eof' || tok.t === 'nl' ? 'unexpected newline or end of string' : 'syntax error', tok.at);
  };
  const expect = (v: string): void => {
    if (!is(v)) fail();
    p++;
  };
  const skipNl = (): void => {
    while (peek().t === 'nl' || is(';')) p++;
  };
  const regex = (tok: Token): Expr => {
    try {
      return { k: 'regex', re: compileRegex(tok.v, { extended: true }) };
    } catch (e) {
      if (e instanceof RegexError) throw new AwkSyntaxError(e.message, tok.at);
      throw e;
    }
  };

  // Expression grammar, loosest first. `noGt` keeps `>` out of print arguments, where it would mean a redirection.
  const expr = (noGt = false): Expr => ternary(noGt);
  const ternary = (noGt: boolean): Expr => {
    const c = binaryLevel(0, noGt);
    if (is('?')) {
      p++;
      const t = ternary(noGt);
      expect(':');
      return { k: 'cond', c, t, f: ternary(noGt) };
    }
    if (peek().t === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^='].includes(peek().v)) {
      if (c.k !== 'var' && c.k !== 'field') fail();
      const op = toks[p++]!.v;
      return { k: 'assign', op, target: c, value: ternary(noGt) };
    }
    return c;
  };
  const LEVELS = [['||'], ['&&'], ['~', '!~'], ['<', '<=', '!=', '==', '>', '>=']];
  const binaryLevel = (level: number, noGt: boolean): Expr => {
    if (level === LEVELS.length) return concat();
    let l = binaryLevel(level + 1, noGt);
    while (peek().t === 'op' && LEVELS[level]!.includes(peek().v) && !(noGt && peek().v === '>')) {
      const op = toks[p++]!.v;
      if (op === '&&' || op === '||') skipNewlinesOnly();
      l = { k: 'binary', op, l, r: binaryLevel(level + 1, noGt) };
    }
    return l;
  };
  const skipNewlinesOnly = (): void => {
    while (peek().t === 'nl') p++;
  };
  const startsOperand = (): boolean => {
    const t = peek();
    if (t.t === 'num' || t.t === 'str' || t.t === 'regex') return true;
    if (t.t === 'name') return !UNSUPPORTED.has(t.v) && !['if', 'else', 'print', 'printf', 'next', 'exit'].includes(t.v);
    // A leading + or - would be read as subtraction, as awk itself does.
    return t.t === 'op' && ['$', '(', '++', '--'].includes(t.v);
  };
  const concat = (): Expr => {
    let l = additive();
    while (startsOperand()) l = { k: 'binary', op: 'concat', l, r: additive() };
    return l;
  };
  const additive = (): Expr => {
    let l = multiplicative();
    while (is('+') || is('-')) {
      const op = toks[p++]!.v;
      l = { k: 'binary', op, l, r: multiplicative() };
    }
    return l;
  };
  const multiplicative = (): Expr => {
    let l = unary();
    while (is('*') || is('/') || is('%')) {
      const op = toks[p++]!.v;
      l = { k: 'binary', op, l, r: unary() };
    }
    return l;
  };
  const unary = (): Expr => {
    if (is('!') || is('-') || is('+')) {
      const op = toks[p++]!.v;
      return { k: 'unary', op, e: unary() };
    }
    return power();
  };
  const power = (): Expr => {
    const base = postfix();
    if (!is('^')) return base;
    p++;
    return { k: 'binary', op: '^', l: base, r: unary() };
  };
  const postfix = (): Expr => {
    if (is('++') || is('--')) {
      const op = toks[p++]!.v as '++' | '--';
      return { k: 'incdec', op, prefix: true, target: primary() };
    }
    const e = primary();
    if ((e.k === 'var' || e.k === 'field') && (is('++') || is('--'))) return { k: 'incdec', op: toks[p++]!.v as '++' | '--', prefix: false, target: e };
    return e;
  };
  const primary = (): Expr => {
    const t = peek();
    p++;
    if (t.t === 'num') return { k: 'num', v: Number(t.v) };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'regex') return regex(t);
    if (t.t === 'op' && t.v === '$') return { k: 'field', e: postfixOperand() };
    if (t.t === 'op' && t.v === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    if (t.t === 'name' && !UNSUPPORTED.has(t.v)) {
      if (Object.hasOwn(FUNCTIONS, t.v)) return call(t);
      return { k: 'var', name: t.v };
    }
    p--;
    return fail();
  };
  // `$` binds tighter than anything but grouping: `$NF-1` is `($NF)-1`, `$i++` increments the field.
  const postfixOperand = (): Expr => {
    if (is('++') || is('--') || is('-') || is('!')) {
      const op = toks[p++]!.v;
      return op === '-' || op === '!' ? { k: 'unary', op, e: primary() } : { k: 'incdec', op: op as '++' | '--', prefix: true, target: primary() };
    }
    return primary();
  };
  const call = (t: Token): Expr => {
    const [min, max] = FUNCTIONS[t.v]!;
    const args: Expr[] = [];
    if (is('(')) {
      p++;
      if (!is(')')) {
        args.push(expr());
        while (is(',')) {
          p++;
          args.push(expr());
        }
      }
      expect(')');
    } else if (t.v !== 'length') {
      fail();
    }
    if (args.length < min || args.length > max) throw new AwkSyntaxError(`${t.v}: called with ${args.length} arguments`, t.at);
    return { k: 'call', name: t.v, args };
  };

  const statements = (): Stmt[] => {
    const out: Stmt[] = [];
    expect('{');
    for (skipNl(); !is('}'); skipNl()) out.push(statement());
    p++;
    return out;
  };
  const simpleOrBlock = (): Stmt[] => {
    skipNewlinesOnly();
    return is('{') ? statements() : [statement()];
  };
  const statement = (): Stmt => {
    const t = peek();
    if (t.t === 'name' && (t.v === 'print' || t.v === 'printf')) {
      p++;
      const args: Expr[] = [];
      const ends = is(';') || is('}') || is('|') || is('>') || is('>>') || peek().t === 'nl' || peek().t === 'eof';
      if (!ends) {
        args.push(expr(true));
        while (is(',')) {
          p++;
          args.push(expr(true));
        }
      }
      if (is('|')) throw new AwkSyntaxError('pipes to commands are not supported in this sandbox', peek().at);
      if (is('>') || is('>>')) {
        const append = toks[p++]!.v === '>>';
        return { k: t.v, args, dest: { file: concat(), append } };
      }
      return { k: t.v, args };
    }
    if (t.t === 'name' && t.v === 'next') {
      p++;
      return { k: 'next' };
    }
    if (t.t === 'name' && t.v === 'exit') {
      p++;
      const e = is(';') || is('}') || peek().t === 'nl' || peek().t === 'eof' ? undefined : expr();
      return e ? { k: 'exit', e } : { k: 'exit' };
    }
    if (t.t === 'name' && t.v === 'if') {
      p++;
      expect('(');
      const c = expr();
      expect(')');
      const then = simpleOrBlock();
      const save = p;
      skipNl();
      if (peek().t === 'name' && peek().v === 'else') {
        p++;
        return { k: 'if', c, t: then, f: simpleOrBlock() };
      }
      p = save;
      return { k: 'if', c, t: then, f: [] };
    }
    if (is('{')) return { k: 'if', c: { k: 'num', v: 1 }, t: statements(), f: [] };
    return { k: 'expr', e: expr() };
  };

  const items: Item[] = [];
  for (skipNl(); peek().t !== 'eof'; skipNl()) {
    const t = peek();
    let pattern: Item['pattern'];
    if (t.t === 'name' && (t.v === 'BEGIN' || t.v === 'END')) {
      p++;
      pattern = t.v;
      if (!is('{')) fail();
    } else if (!is('{')) {
      pattern = expr();
    }
    let until: Expr | undefined;
    if (pattern !== undefined && typeof pattern !== 'string' && is(',')) {
      p++;
      until = expr();
    }
    const item: Item = is('{') ? { pattern, action: statements() } : { pattern };
    items.push(until ? { ...item, until } : item);
  }
  return items;
}
