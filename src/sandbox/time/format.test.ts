import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDuration, speedLabel } from './format.ts';

describe('formatClockTime', () => {
  it('shows UTC hours, minutes and seconds', () => {
    expect(formatClockTime(Date.UTC(2026, 0, 12, 9, 5, 7, 900))).toBe('09:05:07');
    expect(formatClockTime(Number.NaN)).toBe('--:--:--');
  });
});

describe('speedLabel', () => {
  it('names pause and multiples', () => {
    expect(speedLabel(0)).toBe('paused');
    expect(speedLabel(1)).toBe('1×');
    expect(speedLabel(10)).toBe('10×');
    expect(speedLabel(2.5)).toBe('2.5×');
  });
});

describe('formatDuration', () => {
  it('reads naturally at every scale', () => {
    expect(formatDuration(150)).toBe('150 ms');
    expect(formatDuration(1816)).toBe('1.8 s');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(3_600_000)).toBe('1 h');
  });
});
