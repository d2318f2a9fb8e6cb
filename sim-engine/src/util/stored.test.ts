import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyUnowned, definedKeysAre, freezeOwned, sameKeyOrder, shareUnchanged } from './stored.ts';

describe('copyUnowned', () => {
  it('deep-copies plain data and drops undefined fields', () => {
    const input = { a: { b: [1, { c: 2 }] }, gone: undefined };
    const out = copyUnowned(input);
    expect(out).toEqual({ a: { b: [1, { c: 2 }] } });
    expect(Object.keys(out)).toEqual(['a']);
    expect(out.a).not.toBe(input.a);
    expect(out.a.b[1]).not.toBe(input.a.b[1]);
  });

  it('shares frozen (store-owned) parts', () => {
    const owned = freezeOwned({ spec: { replicas: 1 } });
    const out = copyUnowned({ metadata: { name: 'x' }, owned });
    expect(out.owned).toBe(owned);
  });
});

describe('freezeOwned', () => {
  it('freezes an object and everything in it, so stored objects cannot be changed in place', () => {
    const obj = freezeOwned({ a: { b: [{ c: 1 }] } });
    expect(Object.isFrozen(obj.a.b[0])).toBe(true);
    expect(() => {
      (obj.a.b[0] as { c: number }).c = 2;
    }).toThrow(TypeError);
  });
});

describe('shareUnchanged', () => {
  it('keeps the previous parts that serialise the same, and the previous value when nothing changed', () => {
    const prev = freezeOwned({ conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }], phase: 'Pending' });
    const next = shareUnchanged({ conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }], phase: 'Pending' }, prev);
    expect(next).not.toBe(prev);
    expect(next.conditions[1]).toBe(prev.conditions[1]);
    expect(next.conditions[0]).toEqual({ type: 'Ready', status: 'True' });
    expect(shareUnchanged({ conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }], phase: 'Pending', gone: undefined }, prev)).toBe(prev);
  });

  it('treats a change of key order or of a key as a change', () => {
    const prev = freezeOwned({ a: 1, b: 2 });
    expect(shareUnchanged({ b: 2, a: 1 }, prev)).not.toBe(prev);
    expect(shareUnchanged({ a: 1 }, prev)).not.toBe(prev);
    expect(shareUnchanged({ a: 1, b: 2, c: 3 }, prev)).not.toBe(prev);
    expect(shareUnchanged([1, 2], freezeOwned([1, 2, 3]))).toEqual([1, 2]);
  });
});

describe('shareUnchanged on random data', () => {
  it('never changes what the value serialises to', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(JSON.stringify(shareUnchanged(structuredClone(a), freezeOwned(structuredClone(b))))).toBe(JSON.stringify(a));
        expect(shareUnchanged(structuredClone(a), freezeOwned(structuredClone(a)))).toEqual(a);
      }),
    );
  });
});

describe('definedKeysAre', () => {
  it('tells whether the defined keys are exactly the ones listed, in that order', () => {
    expect(definedKeysAre({ a: 1, b: undefined, c: null }, ['a', 'c'])).toBe(true);
    expect(definedKeysAre({ c: 1, a: 1 }, ['a', 'c'])).toBe(false);
    expect(definedKeysAre({ a: 1 }, ['a', 'c'])).toBe(false);
    expect(definedKeysAre({ a: 1, c: 1, d: 1 }, ['a', 'c'])).toBe(false);
    expect(definedKeysAre({}, [])).toBe(true);
  });
});

describe('sameKeyOrder', () => {
  it('agrees with comparing the lists of defined keys, for small and large objects', () => {
    const keys = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), { maxLength: 26 });
    const object = keys.chain((ks) => fc.tuple(...ks.map((k) => fc.tuple(fc.constant(k), fc.oneof(fc.integer(), fc.constant(undefined))))).map((e) => Object.fromEntries(e)));
    const defined = (o: object) => Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined);
    fc.assert(
      fc.property(object, object, (a, b) => {
        expect(sameKeyOrder(a, b)).toBe(JSON.stringify(defined(a)) === JSON.stringify(defined(b)));
        expect(sameKeyOrder(a, { ...a })).toBe(true);
      }),
    );
  });
});
