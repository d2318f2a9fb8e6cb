import { describe, it, expect } from 'vitest';
import { rfc1123z, rfc3339 } from './time.ts';

describe('rfc1123z', () => {
  it('formats in UTC with a numeric zone', () => {
    expect(rfc1123z(Date.UTC(2025, 0, 6, 10, 0, 0))).toBe('Mon, 06 Jan 2025 10:00:00 +0000');
    expect(rfc1123z(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('Thu, 29 Feb 2024 23:59:59 +0000');
  });
});

describe('rfc3339', () => {
  it('formats whole seconds in UTC', () => {
    expect(rfc3339(Date.UTC(2025, 0, 6, 10, 0, 0))).toBe('2025-01-06T10:00:00Z');
  });

  it('drops (does not round) fractional seconds', () => {
    expect(rfc3339(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).toBe('2025-12-31T23:59:59Z');
  });
});
