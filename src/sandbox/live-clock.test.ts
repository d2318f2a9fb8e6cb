import { describe, expect, it } from 'vitest';
import { LiveClock, type Advancer, type Ticker } from './live-clock.ts';

function setup() {
  let wall = 0;
  let tick: (() => void) | undefined;
  const advances: number[] = [];
  const cluster: Advancer & { t: number } = {
    t: 1000,
    now() {
      return this.t;
    },
    advanceTo(t: number) {
      if (t > this.t) this.t = t;
      advances.push(this.t);
    },
  };
  const ticker: Ticker = {
    wallNow: () => wall,
    start(fn) {
      tick = fn;
      return () => (tick = undefined);
    },
  };
  const clock = new LiveClock(cluster, ticker);
  clock.start();
  const pass = (ms: number) => {
    wall += ms;
    tick?.();
  };
  return { clock, cluster, pass, advances };
}

describe('LiveClock', () => {
  it('moves cluster time with wall time at the chosen speed', () => {
    const { clock, cluster, pass } = setup();
    pass(500);
    expect(cluster.t).toBe(1500);
    clock.setSpeed(10);
    pass(100);
    expect(cluster.t).toBe(2500);
  });

  it('stands still while paused, so a sleeping command waits', async () => {
    const { clock, cluster, pass } = setup();
    clock.setSpeed(0);
    let woke = false;
    void clock.sleep(1000).then(() => (woke = true));
    pass(5000);
    await Promise.resolve();
    expect(cluster.t).toBe(1000);
    expect(woke).toBe(false);
    clock.setSpeed(1);
    pass(1000);
    await Promise.resolve();
    expect(woke).toBe(true);
  });

  it('wakes a sleeper at exactly its instant even when a tick jumps past it', async () => {
    const { clock, pass, advances } = setup();
    const woke: number[] = [];
    void clock.sleep(300).then(() => woke.push(1));
    pass(1000);
    await Promise.resolve();
    expect(woke).toEqual([1]);
    expect(advances).toContain(1300);
  });

  it('steps time forward on demand', () => {
    const { clock, cluster } = setup();
    clock.step(60_000);
    expect(cluster.t).toBe(61_000);
  });
});

describe('LiveClock time steps', () => {
  it('moves cluster time in whole milliseconds without losing the fractions', () => {
    let wall = 0;
    let tick: (() => void) | undefined;
    const seen: number[] = [];
    const cluster = {
      t: 0,
      now() {
        return this.t;
      },
      advanceTo(t: number) {
        seen.push(t);
        this.t = t;
      },
    };
    const clock = new LiveClock(cluster, { wallNow: () => wall, start: (fn) => ((tick = fn), () => {}) });
    clock.start();
    for (let i = 0; i < 60; i++) {
      wall += 1000 / 60;
      tick?.();
    }
    expect(seen.every(Number.isInteger)).toBe(true);
    expect(cluster.t).toBeGreaterThanOrEqual(999);
    expect(cluster.t).toBeLessThanOrEqual(1000);
  });
});
