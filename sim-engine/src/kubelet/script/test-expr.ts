/** The `test` / `[` builtin for container scripts: string and integer comparisons, -z, -n and `!`. */

const INT_OPS: Record<string, (a: number, b: number) => boolean> = {
  '-eq': (a, b) => a === b,
  '-ne': (a, b) => a !== b,
  '-lt': (a, b) => a < b,
  '-le': (a, b) => a <= b,
  '-gt': (a, b) => a > b,
  '-ge': (a, b) => a >= b,
};

/** testExpr evaluates test's arguments; a string is the error message (status 2). */
export function testExpr(args: string[]): boolean | string {
  if (args[0] === '!') {
    const r = testExpr(args.slice(1));
    return typeof r === 'string' ? r : !r;
  }
  if (args.length === 0) return false;
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, s] = args as [string, string];
    if (op === '-z') return s === '';
    if (op === '-n') return s !== '';
    if (/^-[efdrwxsL]$/.test(op)) return `test: ${op}: file tests are not supported in this sandbox's container scripts`;
    return `test: ${op}: unary operator expected`;
  }
  if (args.length === 3) {
    const [a, op, b] = args as [string, string, string];
    if (op === '=' || op === '==') return a === b;
    if (op === '!=') return a !== b;
    const f = INT_OPS[op];
    if (!f) return `test: ${op}: unknown operand`;
    for (const v of [a, b]) if (!/^-?\d+$/.test(v.trim())) return `test: ${v}: bad number`;
    return f(Number.parseInt(a, 10), Number.parseInt(b, 10));
  }
  return 'test: too many arguments';
}
