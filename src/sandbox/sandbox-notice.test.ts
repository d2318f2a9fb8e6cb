import { describe, expect, it } from 'vitest';
import { describeAge } from './sandbox-notice.ts';

describe('describeAge', () => {
  it('rounds to the unit a person would use', () => {
    expect(describeAge(10_000)).toBe('a moment ago');
    expect(describeAge(60_000)).toBe('1 minute ago');
    expect(describeAge(45 * 60_000)).toBe('45 minutes ago');
    expect(describeAge(3 * 3_600_000)).toBe('3 hours ago');
    expect(describeAge(49 * 3_600_000)).toBe('2 days ago');
  });
});
