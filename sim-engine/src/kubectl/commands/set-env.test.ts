import { describe, expect, it } from 'vitest';
import { parseEnv, updateEnv } from './set-env.ts';

describe('parseEnv', () => {
  it('splits sets from removals and checks names as kubectl does', () => {
    expect(parseEnv(['A=1', 'B=x=y', 'C-'])).toEqual({ set: [{ name: 'A', value: '1' }, { name: 'B', value: 'x=y' }], remove: ['C'] });
    expect(() => parseEnv(['1A=x'])).toThrow('"1A" is not a valid key name');
  });
});

describe('updateEnv', () => {
  it('replaces in place, appends new names and drops the env when emptied', () => {
    const env = [{ name: 'A', value: '1' }, { name: 'B', value: '2' }];
    expect(updateEnv(env, [{ name: 'A', value: '9' }, { name: 'C', value: '3' }], [])).toEqual([{ name: 'A', value: '9' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }]);
    expect(updateEnv(env, [], ['A', 'B'])).toBeUndefined();
    expect(env).toHaveLength(2);
  });
});
