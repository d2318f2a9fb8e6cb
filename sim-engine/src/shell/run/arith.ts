/**
 * Bash's arithmetic evaluation: C's operators and precedence on 64-bit integers, names read
 * as variables (whose values are themselves expressions, `0` when unset or empty), and
 * assignments that write back to the shell. `&&`, `||` and `?:` skip the side effects of the
 * branch not taken, as bash does.
 */
import { ArithError, type ArithToken, parseNumber, tokenize, wrap } from './arith-lex.ts';

export { ArithError } from './arith-lex.ts';

/** ArithVars is how arithmetic reads and writes shell variables. */
export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

// Bash allows 1024 levels of a variable naming a variable; each level costs a few dozen stack frames here.
const MAX_DEPTH = 100;

const ASSIGN = new Set(['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|=']);

// Binary operators from loosest to tightest, above the unary ones; `**` is handled apart (right-associative).
const LEVELS = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

/** arithMessage formats an error as bash prints it (without `bash: `): the expression, the problem and the error token. */
export function arithMessage(expr: string, e: ArithError): string {
  if (e instanceof NestedArithError) return e.detail;
  const shown = expr.replace(/^\s+/, '');
  const token = e.at < 0 ? '' : ` (error token is "${expr.slice(e.at)}")`;
  return `${shown}: ${e.detail}${token}`;
}

/** evaluateArith evaluates `expr`; it throws ArithError, whose position refers to `expr`. */
export function evaluateArith(expr: string, vars: ArithVars, depth = 0): bigint {
  if (depth > MAX_DEPTH) throw new ArithError('expression recursion level exceeded', 0);
  const e = new Evaluation(expr, vars, depth);
  if (e.peek().kind === 'end') return 0n;
  const value = e.comma();
  const rest = e.peek();
  if (rest.kind === 'bad') throw new ArithError('syntax error: invalid arithmetic operator', rest.start);
  if (rest.kind !== 'end') throw new ArithError('syntax error in expression', rest.start);
  return value;
}

class Evaluation {
  private readonly tokens: ArithToken[];
  private i = 0;
  // Above zero while reading a branch that is not taken: parse it, change nothing.
  private skip = 0;
  private readonly vars: ArithVars;
  private readonly depth: number;

  constructor(src: string, vars: ArithVars, depth: number) {
    this.tokens = tokenize(src);
    this.vars = vars;
    this.depth = depth;
  }

  peek(): ArithToken {
    return this.tokens[this.i]!;
  }

  comma(): bigint {
    let value = this.assignment();
    while (this.isOp(',')) {
      this.i++;
      value = this.assignment();
    }
    return value;
  }

  private assignment(): bigint {
    const name = this.peek();
    const op = this.tokens[this.i + 1];
    if (op?.kind !== 'op' || !ASSIGN.has(op.text)) return this.conditional();
    if (name.kind !== 'name') throw new ArithError('attempted assignment to non-variable', op.start);
    this.i += 2;
    const right = this.assignment();
    const value = op.text === '=' ? right : this.binary(op.text.slice(0, -1), this.variable(name), right);
    return this.store(name.text, value);
  }

  private conditional(): bigint {
    const test = this.binaryLevel(0);
    if (!this.isOp('?')) return test;
    this.i++;
    const yes = this.branch(test !== 0n, () => this.comma());
    if (!this.isOp(':')) throw new ArithError("`:' expected for conditional expression", this.errorAt());
    this.i++;
    const no = this.branch(test === 0n, () => this.conditional());
    return test !== 0n ? yes : no;
  }

  private binaryLevel(level: number): bigint {
    if (level === LEVELS.length) return this.power();
    const ops = LEVELS[level]!;
    let left = this.binaryLevel(level + 1);
    for (;;) {
      this.splitIncrement();
      const op = this.peek();
      if (op.kind !== 'op' || !ops.includes(op.text)) return left;
      this.i++;
      if (op.text === '&&' || op.text === '||') {
        const decided = op.text === '&&' ? left === 0n : left !== 0n;
        const right = this.branch(!decided, () => this.binaryLevel(level + 1));
        left = decided ? (op.text === '||' ? 1n : 0n) : right !== 0n ? 1n : 0n;
      } else {
        left = this.binary(op.text, left, this.binaryLevel(level + 1));
      }
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.i++;
    return this.binary('**', base, this.power());
  }

  private unary(): bigint {
    const t = this.peek();
    if (t.kind === 'op' && ['-', '+', '!', '~'].includes(t.text)) {
      this.i++;
      const v = this.unary();
      return t.text === '-' ? wrap(-v) : t.text === '+' ? v : t.text === '!' ? (v === 0n ? 1n : 0n) : wrap(~v);
    }
    if (t.kind === 'op' && (t.text === '++' || t.text === '--')) {
      const name = this.tokens[this.i + 1]!;
      // `++5` or `--(x)` is two signs, as in bash.
      if (name.kind !== 'name') {
        this.i++;
        const v = this.unary();
        return v;
      }
      this.i += 2;
      return this.store(name.text, wrap(this.variable(name) + (t.text === '++' ? 1n : -1n)));
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.peek();
    if (t.kind === 'number') {
      this.i++;
      return parseNumber(t);
    }
    if (t.kind === 'name') {
      this.i++;
      const value = this.variable(t);
      const op = this.peek();
      if (op.kind === 'op' && (op.text === '++' || op.text === '--')) {
        this.i++;
        this.store(t.text, wrap(value + (op.text === '++' ? 1n : -1n)));
      }
      return value;
    }
    if (this.isOp('(')) {
      this.i++;
      const v = this.comma();
      if (!this.isOp(')')) throw new ArithError("missing `)'", this.errorAt());
      this.i++;
      return v;
    }
    throw new ArithError('syntax error: operand expected', this.errorAt());
  }

  // Errors point at the last token read, the end of the right operand, as bash's do.
  private binary(op: string, a: bigint, b: bigint): bigint {
    if (this.skip > 0) return 0n;
    const at = this.tokens[this.i - 1]!.start;
    switch (op) {
      case '+': return wrap(a + b);
      case '-': return wrap(a - b);
      case '*': return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) throw new ArithError('division by 0', at);
        return wrap(op === '/' ? a / b : a % b);
      case '**':
        if (b < 0n) throw new ArithError('exponent less than 0', at);
        return power(a, b);
      case '<<': return wrap(a << (b & 63n));
      case '>>': return wrap(a >> (b & 63n));
      case '<': return a < b ? 1n : 0n;
      case '>': return a > b ? 1n : 0n;
      case '<=': return a <= b ? 1n : 0n;
      case '>=': return a >= b ? 1n : 0n;
      case '==': return a === b ? 1n : 0n;
      case '!=': return a !== b ? 1n : 0n;
      case '&': return a & b;
      case '^': return a ^ b;
      default: return a | b;
    }
  }

  private variable(name: ArithToken): bigint {
    if (this.skip > 0) return 0n;
    const text = this.vars.get(name.text);
    if (text === undefined || text.trim() === '') return 0n;
    try {
      return evaluateArith(text, this.vars, this.depth + 1);
    } catch (e) {
      // An error inside a variable's value is reported against that value, as bash does.
      if (e instanceof ArithError && !(e instanceof NestedArithError)) throw new NestedArithError(arithMessage(text, e));
      throw e;
    }
  }

  private store(name: string, value: bigint): bigint {
    if (this.skip === 0) this.vars.set(name, String(value));
    return value;
  }

  private branch(taken: boolean, read: () => bigint): bigint {
    if (!taken) this.skip++;
    try {
      return read();
    } finally {
      if (!taken) this.skip--;
    }
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  // `1++2` is `1 + +2`: after an operand, `++` and `--` are two signs.
  private splitIncrement(): void {
    const t = this.peek();
    if (t.kind !== 'op' || (t.text !== '++' && t.text !== '--')) return;
    const sign = t.text[0]!;
    this.tokens.splice(this.i, 1, { kind: 'op', text: sign, start: t.start }, { kind: 'op', text: sign, start: t.start + 1 });
  }

  // Bash points at the token where it stopped, or at the last one when the expression ended early.
  private errorAt(): number {
    const t = this.peek();
    return t.kind === 'end' && this.i > 0 ? this.tokens[this.i - 1]!.start : t.start;
  }
}

/** NestedArithError carries a finished message from evaluating a variable's value. */
export class NestedArithError extends ArithError {
  constructor(message: string) {
    super(message, -1);
  }
}

function power(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = wrap(result * b);
    b = wrap(b * b);
    e >>= 1n;
  }
  return result;
}
