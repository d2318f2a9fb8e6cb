import { describe, expect, it } from 'vitest';
import { analyzeScalar, yamlNeedsQuotes } from './yaml-resolve.ts';

describe('yamlNeedsQuotes', () => {
  // Captured from kubectl v1.32: `kubectl create configmap x --from-literal=k=<value> -o yaml`
  // double-quotes exactly the values marked true.
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2025-1-6', true], ['2025-01-06t10:00:00Z', true],
    ['2025-01-06T10:00:00+01:00', true], ['2025-01-06T10:00:00+25:00', false], ['2025-01-06T10:00:00+1:00', false],
    ['2025-01-06T24:00:00Z', false], ['2025-01-06T1:2:3Z', true], ['2025-01-06T10:00:00.123456789Z', true],
    ['2025-01-06T10:00:00.Z', false], ['2025-01-06 10:00:00', true], ['2025-01-06 10:00:00Z', false],
    ['2025-01-06   10:00:00', true], ['2025-01-06T10:00:00,5Z', true], ['2025-13-01', false], ['20250-01-01', false],
    ['2025-01-06x', false], ['0b', false], ['0b2', false], ['-0b11', true], ['0b+1', true], ['0b-101', true], ['0x', false],
    ['-0x1f', true], ['+0o7', true], ['1e', false], ['1e+', false], ['+.5', true], ['-.5e3', true], ['._1', false],
    ['.1_', false], ['.5_5', true], ['1__0', true], ['9223372036854775808', true], ['18446744073709551615', true],
    ['18446744073709551616', true], ['-9223372036854775809', true], ['0x1FFFFFFFFFFFFFFFFF', false], ['1e400', false],
    ['1:2', true], ['1:60', false], ['1:59.5', true], ['-1:30', true], ['+1:2:3', true], ['yES', false], ['NULL', true],
    ['nULL', false], ['oN', false], ['On', true], ['<<', false], ['=', false], ['.Inf', true], ['-.inf', true],
    ['+.INF', true], ['.nan', true], ['.iNf', false], ['0o', false], ['0o8', false], ['00', true], ['0_0', true],
    ['12e3', true], ['1.', true], ['.e1', false], ['1.2.3', false], ['', true], ['~', true], ['n', true], ['Y', true],
  ])('%j: %s', (s, quoted) => {
    expect(yamlNeedsQuotes(s)).toBe(quoted);
  });
});

describe('analyzeScalar', () => {
  const styles = (s: string) => {
    const a = analyzeScalar(Array.from(s));
    return [a.blockPlain, a.singleQuoted, a.block, a.multiline];
  };

  it('allows plain style only without indicators, edge spaces and breaks', () => {
    expect(styles('a b')).toEqual([true, true, true, false]);
    expect(styles('a: b')).toEqual([false, true, true, false]);
    expect(styles('a:b')).toEqual([true, true, true, false]);
    expect(styles(' a')).toEqual([false, true, true, false]);
    expect(styles('a ')).toEqual([false, true, false, false]);
  });

  it('rules out single quotes for spaces around breaks and for unprintable characters', () => {
    expect(styles('a\nb')).toEqual([false, true, true, true]);
    expect(styles('a \nb')).toEqual([false, false, false, true]);
    expect(styles('a\n b')).toEqual([false, false, true, true]);
    expect(styles('a\tb')).toEqual([false, false, false, false]);
    expect(styles('😀')).toEqual([false, false, false, false]);
  });
});
