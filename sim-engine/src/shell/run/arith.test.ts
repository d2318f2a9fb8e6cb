import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ArithError, arithMessage, evaluateArith } from './arith.ts';

function vars(init: Record<string, string> = {}) {
  const values: Record<string, string> = { ...init };
  return { values, get: (n: string) => values[n], set: (n: string, v: string) => void (values[n] = v) };
}

function message(expr: string, init: Record<string, string> = {}): string {
  try {
    evaluateArith(expr, vars(init));
  } catch (e) {
    if (e instanceof ArithError) return arithMessage(expr, e);
    throw e;
  }
  return 'no error';
}

describe('evaluateArith', () => {
  it('follows C precedence on 64-bit integers', () => {
    const cases: [string, bigint][] = [
      ['2**10', 1024n], ['7%3', 1n], ['-7/2', -3n], ['1<2', 1n], ['1+2*3', 7n], ['(1+2)*3', 9n], ['2**3**2', 512n],
      ['~5 ^ 3 | 8 & 12 << 1 >> 1', -7n], ['!0 && 0 || 1', 1n], ['3 > 2 ? 10 : 20', 10n], ['1, 2', 2n], ['', 0n],
      ['0x10 + 010 + 2#101', 29n], ['64#@ + 16#ff', 317n], ['9223372036854775807+1', -9223372036854775808n], ['2 ** 63', -9223372036854775808n],
      ['1++2', 3n], ['-(-5)', 5n], ['0x', 0n],
    ];
    for (const [expr, want] of cases) expect(evaluateArith(expr, vars()), expr).toBe(want);
  });

  it('reads names as variables whose values are expressions, and assigns', () => {
    const v = vars({ i: '3', b: 'a', a: '5', s: '2+3', e: '', t: 'abc' });
    expect(evaluateArith('i * 2 + b + s*2 + e + nope + t', v)).toBe(6n + 5n + 10n);
    expect([evaluateArith('i++', v), evaluateArith('i', v), evaluateArith('++i', v), evaluateArith('i += 2', v), evaluateArith('i--', v)]).toEqual([3n, 4n, 5n, 7n, 7n]);
    expect(v.values.i).toBe('6');
    expect(evaluateArith('x = y = 4', v)).toBe(4n);
    expect([v.values.x, v.values.y]).toEqual(['4', '4']);
  });

  it('skips the side effects of branches not taken', () => {
    const v = vars();
    expect(evaluateArith('0 && (x = 1)', v)).toBe(0n);
    expect(evaluateArith('1 || (x = 1)', v)).toBe(1n);
    expect(evaluateArith('1 ? (y = 2) : (x = 3)', v)).toBe(2n);
    expect(v.values).toEqual({ y: '2' });
  });

  it('words errors as bash does, with the error token', () => {
    expect(message('1/0')).toBe('1/0: division by 0 (error token is "0")');
    expect(message('1 / 0 ')).toBe('1 / 0 : division by 0 (error token is "0 ")');
    expect(message('5 % 0')).toBe('5 % 0: division by 0 (error token is "0")');
    expect(message('1+')).toBe('1+: syntax error: operand expected (error token is "+")');
    expect(message(' 1 + ')).toBe('1 + : syntax error: operand expected (error token is "+ ")');
    expect(message('a b')).toBe('a b: syntax error in expression (error token is "b")');
    expect(message('3 = 4')).toBe('3 = 4: attempted assignment to non-variable (error token is "= 4")');
    expect(message("'1' + 2 ")).toBe(`'1' + 2 : syntax error: operand expected (error token is "'1' + 2 ")`);
    expect(message('08')).toBe('08: value too great for base (error token is "08")');
    expect(message('1.5')).toBe('1.5: syntax error: invalid arithmetic operator (error token is ".5")');
    expect(message(' 1 ? 2 ')).toBe("1 ? 2 : `:' expected for conditional expression (error token is \"2 \")");
    expect(message('2**-1')).toBe('2**-1: exponent less than 0 (error token is "1")');
    expect(message('v', { v: '1 +' })).toBe('1 +: syntax error: operand expected (error token is "+")');
    expect(message('v', { v: 'v' })).toBe('v: expression recursion level exceeded (error token is "v")');
  });

  it('never throws anything but ArithError on random input', () => {
    const token = fc.constantFrom('1', '0', '08', '0x1f', '2#1', 'x', 'y', '+', '-', '*', '/', '%', '**', '(', ')', '?', ':', '=', '+=', '++', '--', '<<', '&&', '||', '!', '~', ',', ' ', '.', "'");
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (tokens) => {
        try {
          const value = evaluateArith(tokens.join(''), vars({ x: '3' }));
          expect(value).toBe(BigInt.asIntN(64, value));
        } catch (e) {
          expect(e).toBeInstanceOf(ArithError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
