/**
 * `test` and `[`: string, integer and file conditions, read as bash reads them — by the
 * number of arguments first (POSIX's rules, so `[ -n ]` is true and `[ ! ]` too), then as
 * a full expression with `!`, `( )`, `-a` and `-o`. Errors exit 2 with bash's wording.
 */
import type { Builtin, Runtime } from '../commands/runtime.ts';

class TestError extends Error {}

const UNARY = new Set(['-z', '-n', '-e', '-a', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-v']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** test evaluates its arguments as a condition: 0 true, 1 false, 2 for a malformed one. */
export const test: Builtin = (ctx, rt) => condition('test', ctx.args, rt, ctx.stderr);

/** bracket is `[`, which is `test` with a closing `]`. */
export const bracket: Builtin = (ctx, rt) => {
  if (ctx.args[ctx.args.length - 1] !== ']') {
    ctx.stderr("bash: [: missing `]'\n");
    return 2;
  }
  return condition('[', ctx.args.slice(0, -1), rt, ctx.stderr);
};

function condition(name: string, args: string[], rt: Runtime, stderr: (text: string) => void): number {
  try {
    return new Condition(args, rt).byCount(args.length) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    stderr(`bash: ${name}: ${e.message}\n`);
    return 2;
  }
}

class Condition {
  private i = 0;
  private readonly args: string[];
  private readonly rt: Runtime;

  constructor(args: string[], rt: Runtime) {
    this.args = args;
    this.rt = rt;
  }

  // POSIX decides up to four arguments by their count; bash follows it.
  byCount(n: number): boolean {
    const a = this.args.slice(this.i);
    switch (n) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        if (a[0] === '!') return a[1] === '';
        if (UNARY.has(a[0]!)) return this.unary(a[0]!, a[1]!);
        throw new TestError(`${a[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(a[1]!)) return this.binary(a[0]!, a[1]!, a[2]!);
        if (a[1] === '-a' || a[1] === '-o') return this.expression();
        if (a[0] === '!') return this.skip(1) && !this.byCount(2);
        if (a[0] === '(' && a[2] === ')') return a[1] !== '';
        throw new TestError(`${a[1]}: binary operator expected`);
      case 4:
        if (a[0] === '!') return this.skip(1) && !this.byCount(3);
        if (a[0] === '(' && a[3] === ')') {
          this.args.pop();
          return this.skip(1) && this.byCount(2);
        }
        return this.expression();
      default:
        return this.expression();
    }
  }

  private skip(n: number): true {
    this.i += n;
    return true;
  }

  private expression(): boolean {
    const value = this.or();
    if (this.i < this.args.length) throw new TestError('too many arguments');
    return value;
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      value = this.and() || value;
    }
    return value;
  }

  private and(): boolean {
    let value = this.term();
    while (this.args[this.i] === '-a') {
      this.i++;
      value = this.term() && value;
    }
    return value;
  }

  private term(): boolean {
    const a = this.args;
    const t = a[this.i];
    if (t === undefined) throw new TestError('argument expected');
    if (t === '!') {
      this.i++;
      return !this.term();
    }
    if (t === '(' && this.i + 1 < a.length) {
      this.i++;
      const value = this.or();
      if (a[this.i] !== ')') throw new TestError("`)' expected");
      this.i++;
      return value;
    }
    if (this.i + 2 < a.length && BINARY.has(a[this.i + 1]!)) {
      this.i += 3;
      return this.binary(t, a[this.i - 2]!, a[this.i - 1]!);
    }
    if (UNARY.has(t) && this.i + 1 < a.length) {
      this.i += 2;
      return this.unary(t, a[this.i - 1]!);
    }
    this.i++;
    return t !== '';
  }

  private unary(op: string, arg: string): boolean {
    const fs = this.rt.fs;
    const path = this.rt.resolve(arg);
    const kind = arg === '' ? undefined : fs.kind(path);
    switch (op) {
      case '-z': return arg === '';
      case '-n': return arg !== '';
      case '-e': case '-a': case '-r': case '-w': return kind !== undefined;
      case '-f': return kind === 'file';
      case '-d': return kind === 'dir';
      case '-s': return kind === 'dir' || (kind === 'file' && fs.size(path) > 0);
      // Files in the sandbox are never executable; directories can be entered.
      case '-x': return kind === 'dir';
      case '-v': return this.rt.scope.get(arg) !== undefined;
      case '-O': case '-G': return kind !== undefined;
      // No symlinks, devices, pipes, sockets, terminals or special permission bits exist here.
      default: return false;
    }
  }

  private binary(left: string, op: string, right: string): boolean {
    switch (op) {
      case '=': case '==': return left === right;
      case '!=': return left !== right;
      case '<': return left < right;
      case '>': return left > right;
      case '-nt': case '-ot': case '-ef': return this.files(left, op, right);
      default: {
        const [a, b] = [integer(left), integer(right)];
        return { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[op] ?? false;
      }
    }
  }

  private files(left: string, op: string, right: string): boolean {
    const fs = this.rt.fs;
    const [a, b] = [this.rt.resolve(left), this.rt.resolve(right)];
    const [ka, kb] = [fs.kind(a), fs.kind(b)];
    if (op === '-ef') return ka !== undefined && a === b;
    if (op === '-nt') return ka !== undefined && (kb === undefined || fs.mtime(a) > fs.mtime(b));
    return kb !== undefined && (ka === undefined || fs.mtime(a) < fs.mtime(b));
  }
}

function integer(text: string): bigint {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(text.trim());
}
