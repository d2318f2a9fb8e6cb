/** Shell arithmetic, `$(( … ))`: integers, variables, + - * / %, comparisons and parentheses. */

/** arithmetic evaluates an expression the way sh's `$((…))` does (unset variables are 0); a malformed one yields "0". */
export function arithmetic(expr: string, vars: Record<string, string>): string {
  const tokens = expr.match(/\d+|[A-Za-z_]\w*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const atom = (): number => {
    const t = tokens[i++];
    if (t === '(') {
      const v = binary(0);
      i++;
      return v;
    }
    if (t === '-') return -atom();
    if (t === '+') return atom();
    if (t === '!') return atom() ? 0 : 1;
    if (t === undefined) return 0;
    if (/^\d/.test(t)) return Number.parseInt(t, 10);
    return Number.parseInt(vars[t] ?? '0', 10) || 0;
  };
  const PREC: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };
  const binary = (min: number): number => {
    let left = atom();
    for (let op = peek(); op !== undefined && (PREC[op] ?? 0) > min; op = peek()) {
      i++;
      const right = binary(PREC[op]!);
      left = apply(op, left, right);
    }
    return left;
  };
  return String(binary(0));
}

function apply(op: string, a: number, b: number): number {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? 0 : Math.trunc(a / b);
    case '%': return b === 0 ? 0 : a % b;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    default: return a || b ? 1 : 0;
  }
}
