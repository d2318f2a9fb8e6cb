import { describe, it, expect } from 'vitest';
import { UNINIT, arith, isNumeric, num, str, truthy } from './awk-values.ts';

describe('awk values', () => {
  it('treat input that looks numeric as numbers', () => {
    expect(isNumeric({ sn: ' 10 ' })).toBe(true);
    expect(isNumeric({ sn: '10x' })).toBe(false);
    expect(isNumeric('10')).toBe(false);
    expect(isNumeric(UNINIT)).toBe(true);
  });

  it('convert like awk', () => {
    expect(num({ sn: '12abc' })).toBe(12);
    expect(num('x')).toBe(0);
    expect(str(0.1 + 0.2)).toBe('0.3');
    expect(str(1e6)).toBe('1000000');
    expect(str({ sn: 'a' })).toBe('a');
  });

  it('decide truth by type', () => {
    expect([truthy(0), truthy('0'), truthy({ sn: '0' }), truthy({ sn: 'x' }), truthy(UNINIT)]).toEqual([false, true, false, true, false]);
  });

  it('do arithmetic', () => {
    expect([arith('+', 1, 2), arith('%', 7, 3), arith('^', 2, 3)]).toEqual([3, 1, 8]);
  });
});
