import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonEqual } from './json-equal.ts';

describe('jsonEqual', () => {
  it('agrees with comparing JSON.stringify output', () => {
    const value = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(jsonEqual(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(jsonEqual(a, structuredClone(a))).toBe(true);
      }),
    );
  });

  it('counts key order, skips undefined fields and reads undefined in arrays as null', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1, x: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ x: undefined, a: 1 }, { a: 1, y: undefined })).toBe(true);
    expect(jsonEqual([undefined, 1], [null, 1])).toBe(true);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual(Number.NaN, null)).toBe(true);
    expect(jsonEqual(undefined, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });
});
