import { describe, it, expect } from 'vitest';
import { age, goDuration, humanDuration } from './duration.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [1999, '1s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [150 * S, '2m30s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [150 * M, '150m'],
    [179 * M + 59 * S, '179m'],
    [180 * M, '3h'],
    [3 * H + 30 * M, '3h30m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 59 * M, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [74 * H, '3d2h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 23 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [731 * D, '2y1d'],
    [8 * 365 * D - D, '7y364d'],
    [8 * 365 * D, '8y'],
    [100 * 365 * D, '100y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('tolerates up to a second of clock skew, then gives up', () => {
    expect(humanDuration(-500)).toBe('0s');
    expect(humanDuration(-1 * S)).toBe('0s');
    // int(d.Seconds()) truncates toward zero, so -1.9s still counts as -1.
    expect(humanDuration(-1900)).toBe('0s');
    expect(humanDuration(-2 * S)).toBe('<invalid>');
  });
});

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [300_000, '5m0s'],
    [80_000, '1m20s'],
    [40_000, '40s'],
    [1805, '1.805s'],
    [797, '797ms'],
    [1.5, '1.5ms'],
    [0.0015, '1.5µs'],
    [0.000001, '1ns'],
    [2 * H, '2h0m0s'],
    [H + 2 * M + 3004, '1h2m3.004s'],
    [100 * D, '2400h0m0s'],
    [-1500, '-1.5s'],
  ])('%d ms → %s', (ms, want) => {
    expect(goDuration(ms)).toBe(want);
  });
});

describe('age', () => {
  it('is <unknown> without a timestamp', () => {
    expect(age(undefined, 1_000_000)).toBe('<unknown>');
  });

  it('is the human duration since the timestamp', () => {
    const now = Date.UTC(2025, 0, 6, 10, 2, 30);
    expect(age(Date.UTC(2025, 0, 6, 10, 0, 0), now)).toBe('2m30s');
    expect(age(now + 5 * S, now)).toBe('<invalid>');
  });
});
