import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Clock } from './clock.ts';

const T0 = Date.UTC(2026, 0, 12, 9, 0, 0);

/** fire takes every timer due by `until`, in order, and returns their action ids. */
function fire(clock: Clock, until: number): string[] {
  const out: string[] = [];
  for (let t = clock.takeDue(until); t; t = clock.takeDue(until)) out.push(String(t.action.id));
  return out;
}

describe('Clock', () => {
  it('starts at the given time and only moves forward', () => {
    const clock = new Clock(T0);
    expect(clock.now()).toBe(T0);
    clock.setNow(T0 + 5);
    expect(clock.now()).toBe(T0 + 5);
    clock.setNow(T0);
    expect(clock.now()).toBe(T0 + 5);
  });

  it('fires timers in time order, ties in insertion order', () => {
    const clock = new Clock(T0);
    clock.schedule(300, 'a', { type: 'x', id: 'late' });
    clock.schedule(100, 'a', { type: 'x', id: 'first-at-100' });
    clock.schedule(200, 'b', { type: 'x', id: 'at-200' });
    clock.schedule(100, 'b', { type: 'x', id: 'second-at-100' });
    clock.schedule(0, 'a', { type: 'x', id: 'now' });
    clock.schedule(100, 'a', { type: 'x', id: 'third-at-100' });
    expect(clock.nextAt()).toBe(T0);
    expect(fire(clock, T0 + 1000)).toEqual(['now', 'first-at-100', 'second-at-100', 'third-at-100', 'at-200', 'late']);
    expect(clock.nextAt()).toBeUndefined();
  });

  it('moves now to each timer as it is taken, and leaves timers not yet due', () => {
    const clock = new Clock(T0);
    clock.schedule(100, 'a', { type: 'x', id: '1' });
    clock.schedule(500, 'a', { type: 'x', id: '2' });
    const t = clock.takeDue(T0 + 200);
    expect(t?.action.id).toBe('1');
    expect(clock.now()).toBe(T0 + 100);
    expect(clock.takeDue(T0 + 200)).toBeUndefined();
    expect(clock.nextAt()).toBe(T0 + 500);
  });

  it('treats a negative delay as now', () => {
    const clock = new Clock(T0);
    clock.schedule(-50, 'a', { type: 'x', id: 'neg' });
    expect(clock.nextAt()).toBe(T0);
  });

  it('returns increasing sequence numbers', () => {
    const clock = new Clock(T0);
    const a = clock.schedule(10, 'a', { type: 'x' });
    const b = clock.schedule(5, 'a', { type: 'x' });
    expect(b).toBeGreaterThan(a);
  });

  it('cancels only the matching timers of the given owner', () => {
    const clock = new Clock(T0);
    clock.schedule(100, 'a', { type: 'retry', id: 'a1', key: 'k1' });
    clock.schedule(100, 'a', { type: 'retry', id: 'a2', key: 'k2' });
    clock.schedule(100, 'b', { type: 'retry', id: 'b1', key: 'k1' });
    clock.cancel('a', (action) => action.key === 'k1');
    expect(fire(clock, T0 + 100)).toEqual(['a2', 'b1']);
  });

  it('snapshots and restores time, sequence and pending timers', () => {
    const clock = new Clock(T0);
    clock.schedule(100, 'a', { type: 'x', id: '1' });
    clock.schedule(50, 'b', { type: 'x', id: '2' });
    fire(clock, T0 + 60);
    clock.schedule(10, 'a', { type: 'x', id: '3' });
    const snap = JSON.parse(JSON.stringify(clock.snapshot()));

    const restored = new Clock(0);
    restored.restore(snap);
    expect(restored.now()).toBe(clock.now());
    expect(restored.snapshot()).toEqual(clock.snapshot());
    // Both continue identically, including the sequence numbers of new timers.
    expect(restored.schedule(10, 'a', { type: 'x', id: '4' })).toBe(clock.schedule(10, 'a', { type: 'x', id: '4' }));
    expect(fire(restored, T0 + 1000)).toEqual(fire(clock, T0 + 1000));
  });

  it('keeps snapshots independent of later changes', () => {
    const clock = new Clock(T0);
    clock.schedule(100, 'a', { type: 'x', id: '1' });
    const snap = clock.snapshot();
    clock.cancel('a', () => true);
    snap.timers[0]!.action.id = 'mutated';
    expect(snap.timers).toHaveLength(1);
    const restored = new Clock(0);
    restored.restore(snap);
    snap.timers[0]!.action.id = 'mutated again';
    expect(fire(restored, T0 + 100)).toEqual(['mutated']);
  });

  it('fires, cancels and snapshots exactly like a list kept sorted by (at, seq)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('schedule' as const), delay: fc.integer({ min: -5, max: 50 }), owner: fc.constantFrom('a', 'b', 'c'), id: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('cancel' as const), owner: fc.constantFrom('a', 'b', 'c'), id: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ kind: fc.constant('take' as const), until: fc.integer({ min: 0, max: 60 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const clock = new Clock(T0);
        let model: { at: number; seq: number; owner: string; action: { type: string; id: number } }[] = [];
        let now = T0;
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'schedule') {
            clock.schedule(o.delay, o.owner, { type: 'x', id: o.id });
            model.push({ at: now + Math.max(0, o.delay), seq: ++seq, owner: o.owner, action: { type: 'x', id: o.id } });
            model.sort((x, y) => x.at - y.at || x.seq - y.seq);
          } else if (o.kind === 'cancel') {
            clock.cancel(o.owner, (a) => a.id === o.id);
            model = model.filter((t) => t.owner !== o.owner || t.action.id !== o.id);
          } else {
            const got = clock.takeDue(now + o.until);
            const want = model[0] && model[0].at <= now + o.until ? model.shift() : undefined;
            expect(got).toEqual(want);
            if (want && want.at > now) now = want.at;
          }
          expect(clock.nextAt()).toBe(model[0]?.at);
          expect(clock.snapshot().timers).toEqual(model);
        }
      }),
    );
  });
});
