import { describe, expect, it } from 'vitest';
import { catchUpMs, MAX_CATCH_UP_MS } from './catch-up.ts';

describe('catchUpMs', () => {
  it('is the wall time since the save while the clock runs', () => {
    expect(catchUpMs(1000, 61_000, 1)).toBe(60_000);
    expect(catchUpMs(1000, 61_000, 10)).toBe(60_000);
  });

  it('is capped at an hour', () => {
    expect(catchUpMs(0, 7 * 86_400_000, 1)).toBe(MAX_CATCH_UP_MS);
  });

  it('is nothing when paused, or when the wall clock went backwards', () => {
    expect(catchUpMs(1000, 61_000, 0)).toBe(0);
    expect(catchUpMs(61_000, 1000, 1)).toBe(0);
    expect(catchUpMs(Number.NaN, 1000, 1)).toBe(0);
  });
});
