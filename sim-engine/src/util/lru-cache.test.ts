import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LruCache } from './lru-cache.ts';

/** The plain implementation: a Map in recency order, the least recently used first. */
function plain(capacity: number) {
  const m = new Map<string, number>();
  const touch = (k: string, v: number) => {
    m.delete(k);
    m.set(k, v);
  };
  return {
    get: (k: string) => {
      const v = m.get(k);
      if (v !== undefined) touch(k, v);
      return v;
    },
    set: (k: string, v: number) => {
      touch(k, v);
      if (m.size > capacity) m.delete(m.keys().next().value!);
    },
    delete: (k: string) => void m.delete(k),
    entries: () => [...m],
  };
}

describe('LruCache', () => {
  it('forgets the least recently used entry first', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1);
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect([...c]).toEqual([['a', 1], ['c', 3]]);
  });

  it('behaves like a recency-ordered Map', () => {
    const op = fc.oneof(
      fc.record({ op: fc.constant('set' as const), key: fc.integer({ min: 0, max: 12 }), value: fc.integer() }),
      fc.record({ op: fc.constant('get' as const), key: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ op: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 12 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(op, { maxLength: 3000 }), (capacity, ops) => {
        const c = new LruCache<number>(capacity);
        const p = plain(capacity);
        for (const o of ops) {
          const k = `k${o.key}`;
          if (o.op === 'set') {
            c.set(k, o.value);
            p.set(k, o.value);
          } else if (o.op === 'get') expect(c.get(k)).toBe(p.get(k));
          else {
            c.delete(k);
            p.delete(k);
          }
          expect(c.size).toBe(p.entries().length);
        }
        expect([...c]).toEqual(p.entries());
      }),
      { numRuns: 200 },
    );
  });
});
