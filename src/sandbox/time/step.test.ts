import { describe, expect, it } from 'vitest';
import { stepToNextEvent } from './step.ts';

describe('stepToNextEvent', () => {
  it('jumps to the next timer', () => {
    let now = 1000;
    const timers = [2800, 5000];
    const cluster = { now: () => now, nextTimerAt: () => timers[0] };
    const clock = {
      step(ms: number) {
        now += ms;
        while (timers[0] !== undefined && timers[0] <= now) timers.shift();
      },
    };
    expect(stepToNextEvent(cluster, clock)).toEqual({ stepped: true, from: 1000, to: 2800 });
    expect(stepToNextEvent(cluster, clock)).toEqual({ stepped: true, from: 2800, to: 5000 });
    expect(stepToNextEvent(cluster, clock)).toEqual({ stepped: false, at: 5000 });
  });
});
