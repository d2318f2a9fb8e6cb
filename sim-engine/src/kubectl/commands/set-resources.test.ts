import { describe, expect, it } from 'vitest';
import { parseResourceList } from './set-resources.ts';

describe('parseResourceList', () => {
  it('reads name=quantity pairs', () => {
    expect(parseResourceList('cpu=100m,memory=64Mi')).toEqual({ cpu: '100m', memory: '64Mi' });
    expect(parseResourceList('')).toEqual({});
  });

  it('fails with kubectl messages', () => {
    expect(() => parseResourceList('cpu')).toThrow('Invalid argument syntax cpu, expected <resource>=<value>');
    expect(() => parseResourceList('cpu=lots')).toThrow('quantities must match the regular expression');
    expect(() => parseResourceList('memory=1Xi')).toThrow('quantities must match the regular expression');
  });
});
