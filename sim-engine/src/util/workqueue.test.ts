import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WorkQueue } from './workqueue.ts';

describe('WorkQueue', () => {
  it('behaves like a Set taken from the front: first in, first out, each key queued once', () => {
    const op = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e').map((k) => ({ add: k })), fc.constant({ take: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const q = new WorkQueue();
        const model = new Set<string>();
        for (const o of ops) {
          if ('add' in o) {
            q.add(o.add);
            model.add(o.add);
          } else {
            const first = model.values().next();
            if (!first.done) model.delete(first.value);
            expect(q.take()).toBe(first.done ? undefined : first.value);
          }
          expect(q.size).toBe(model.size);
        }
        expect(q.snapshot()).toEqual([...model]);
        const r = new WorkQueue();
        r.restore(q.snapshot());
        expect(r.snapshot()).toEqual(q.snapshot());
      }),
    );
  });

  it('keeps order across many keys taken and added', () => {
    const q = new WorkQueue();
    for (let i = 0; i < 5000; i++) q.add(`k${i}`);
    for (let i = 0; i < 3000; i++) expect(q.take()).toBe(`k${i}`);
    q.add('k0');
    q.add('k4999');
    expect(q.snapshot()).toEqual([...Array.from({ length: 2000 }, (_, i) => `k${3000 + i}`), 'k0']);
  });

  it('tells its owner of every add', () => {
    let n = 0;
    const q = new WorkQueue(() => n++);
    q.add('a');
    q.add('a');
    expect(n).toBe(2);
  });
});
