import { describe, expect, it } from 'vitest';
import { SaveScheduler, type Timers } from './save-scheduler.ts';

function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clear: (h) => pending.delete(h as number),
    now: () => now,
  };
  const pass = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { timers, pass };
}

describe('SaveScheduler', () => {
  it('saves once after a burst goes quiet', () => {
    const { timers, pass } = fakeTimers();
    let saves = 0;
    const s = new SaveScheduler(() => saves++, { delayMs: 1000, maxWaitMs: 5000, timers });
    s.changed();
    pass(500);
    s.changed();
    pass(999);
    expect(saves).toBe(0);
    pass(1);
    expect(saves).toBe(1);
    expect(s.pending).toBe(false);
  });

  it('saves at least every maxWait while changes keep coming', () => {
    const { timers, pass } = fakeTimers();
    let saves = 0;
    const s = new SaveScheduler(() => saves++, { delayMs: 1000, maxWaitMs: 3000, timers });
    for (let i = 0; i < 10; i++) {
      s.changed();
      pass(500);
    }
    expect(saves).toBe(1);
  });

  it('flushes now, and cancels', () => {
    const { timers, pass } = fakeTimers();
    let saves = 0;
    const s = new SaveScheduler(() => saves++, { timers });
    s.flush();
    expect(saves).toBe(0);
    s.changed();
    s.flush();
    expect(saves).toBe(1);
    s.changed();
    s.cancel();
    pass(10_000);
    expect(saves).toBe(1);
  });
});
