import { describe, it, expect } from 'vitest';
import { tolerates } from './filters.ts';
import { parseCPU, parseMemory } from './quantity.ts';

describe('tolerates', () => {
  const cp = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
  it('matches key and effect with Exists', () => {
    expect(tolerates([{ key: cp.key, operator: 'Exists', effect: 'NoSchedule' }], cp)).toBe(true);
    expect(tolerates([{ key: cp.key, operator: 'Exists' }], cp)).toBe(true);
    expect(tolerates([{ key: cp.key, operator: 'Exists', effect: 'NoExecute' }], cp)).toBe(false);
    expect(tolerates([{ key: 'other', operator: 'Exists' }], cp)).toBe(false);
  });
  it('matches values with Equal (the default operator)', () => {
    const t = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' as const };
    expect(tolerates([{ key: 'dedicated', value: 'gpu' }], t)).toBe(true);
    expect(tolerates([{ key: 'dedicated', operator: 'Equal', value: 'cpu' }], t)).toBe(false);
  });
  it('tolerates everything with an empty key and Exists', () => {
    expect(tolerates([{ operator: 'Exists' }], cp)).toBe(true);
  });
  it('does not tolerate with no tolerations', () => {
    expect(tolerates(undefined, cp)).toBe(false);
    // The default NoExecute tolerations do not cover a NoSchedule taint.
    expect(tolerates([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], cp)).toBe(false);
  });
});

describe('quantities', () => {
  it('parses cpu to millicores', () => {
    expect(parseCPU('500m')).toBe(500);
    expect(parseCPU('2')).toBe(2000);
    expect(parseCPU('0.5')).toBe(500);
  });
  it('parses memory to bytes', () => {
    expect(parseMemory('128Mi')).toBe(128 * 1024 * 1024);
    expect(parseMemory('1G')).toBe(1e9);
    expect(parseMemory('8148204Ki')).toBe(8148204 * 1024);
    expect(parseMemory('100')).toBe(100);
  });
});
