import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.ts';

describe('applyMergePatch', () => {
  it('merges maps, deletes on null and replaces lists whole', () => {
    const doc = { a: { b: 1, c: 2 }, list: [1, 2], keep: true };
    expect(applyMergePatch(doc, { a: { b: null, d: { e: null, f: 3 } }, list: [3] })).toEqual({ a: { c: 2, d: { f: 3 } }, list: [3], keep: true });
    expect(doc.a).toEqual({ b: 1, c: 2 });
  });
});
