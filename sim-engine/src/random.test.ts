import { describe, it, expect } from 'vitest';
import { Random, RANDOM_NAME_ALPHABET } from './random.ts';

describe('Random', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const seqA = Array.from({ length: 50 }, () => a.next());
    const seqB = Array.from({ length: 50 }, () => b.next());
    expect(seqA).toEqual(seqB);
    expect(new Random(42).string(20)).toBe(new Random(42).string(20));
    expect(new Random(42).uid()).toBe(new Random(42).uid());
  });

  it('gives different sequences for nearby seeds', () => {
    const a = Array.from({ length: 8 }, ((r) => () => r.next())(new Random(1)));
    const b = Array.from({ length: 8 }, ((r) => () => r.next())(new Random(2)));
    expect(a).not.toEqual(b);
  });

  it('returns unsigned 32-bit integers and ints in range', () => {
    const r = new Random(7);
    for (let i = 0; i < 1000; i++) {
      const n = r.next();
      expect(Number.isInteger(n) && n >= 0 && n < 2 ** 32).toBe(true);
      const k = r.int(27);
      expect(k >= 0 && k < 27).toBe(true);
    }
  });

  it('builds generated names only from the API server alphabet', () => {
    expect(RANDOM_NAME_ALPHABET).toBe('bcdfghjklmnpqrstvwxz2456789');
    const r = new Random(3);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const s = r.string(5);
      expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      for (const ch of s) seen.add(ch);
    }
    // Every letter of the alphabet shows up, and no vowel or 0, 1, 3 ever does.
    expect([...seen].sort().join('')).toBe([...RANDOM_NAME_ALPHABET].sort().join(''));
  });

  it('makes version 4 UUIDs', () => {
    const r = new Random(11);
    const uids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const u = r.uid();
      expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      uids.add(u);
    }
    expect(uids.size).toBe(200);
  });

  it('makes lowercase hex', () => {
    expect(new Random(5).hex(64)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('resumes exactly from a snapshot', () => {
    const r = new Random(99);
    for (let i = 0; i < 10; i++) r.next();
    const snap = JSON.parse(JSON.stringify(r.snapshot())) as number[];
    const other = new Random(1);
    other.restore(snap);
    expect(Array.from({ length: 20 }, () => other.next())).toEqual(Array.from({ length: 20 }, () => r.next()));
  });
});
