import { describe, expect, it } from 'vitest';
import { linkLocal } from './ip.ts';
import { rttMicros } from './ping.ts';

describe('ip', () => {
  it('derives the EUI-64 link-local address from the MAC', () => {
    expect(linkLocal([0x82, 0xda, 0x6d, 0xec, 0xf8, 0x02])).toBe('fe80::80da:6dff:feec:f802');
  });
});

describe('ping', () => {
  it('times echoes deterministically, faster on the same node', () => {
    expect(rttMicros('10.244.1.2', 0, true)).toBe(rttMicros('10.244.1.2', 0, true));
    for (let seq = 0; seq < 20; seq++) {
      expect(rttMicros('10.244.1.2', seq, true)).toBeLessThan(100);
      expect(rttMicros('10.244.2.2', seq, false)).toBeGreaterThanOrEqual(250);
    }
  });
});
