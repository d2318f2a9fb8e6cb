import { describe, it, expect } from 'vitest';
import { Scope } from './scope.ts';

function scope(): Scope {
  return new Scope({ cwd: '/home/learner', env: { HOME: '/home/learner' }, aliases: { k: 'kubectl' }, history: [] });
}

describe('Scope variables', () => {
  it('keeps shell variables apart from exported ones until exported', () => {
    const s = scope();
    s.set('X', '1');
    expect(s.get('X')).toBe('1');
    expect(s.programEnv()).not.toHaveProperty('X');
    s.exportVar('X');
    expect(s.programEnv()).toMatchObject({ X: '1' });
    s.set('X', '2');
    expect(s.env.X).toBe('2');
    s.unset('X');
    expect(s.get('X')).toBeUndefined();
  });

  it('answers special parameters', () => {
    const s = scope();
    s.status = 3;
    expect([s.get('?'), s.get('$'), s.get('#'), s.get('0'), s.get('1')]).toEqual(['3', '4242', '0', 'bash', undefined]);
  });

  it('gives programs PWD and the prefix assignments', () => {
    const s = scope();
    s.cwd = '/tmp';
    expect(s.programEnv({ A: 'b' })).toEqual({ HOME: '/home/learner', A: 'b', PWD: '/tmp' });
  });
});

describe('Scope.subshell', () => {
  it('copies variables, directory and aliases but shares history', () => {
    const s = scope();
    const child = s.subshell();
    child.cwd = '/tmp';
    child.set('Y', 'y');
    child.aliases.x = 'y';
    child.history.push('cmd');
    expect(s.cwd).toBe('/home/learner');
    expect(s.get('Y')).toBeUndefined();
    expect(s.aliases).toEqual({ k: 'kubectl' });
    expect(s.history).toEqual(['cmd']);
  });
});
