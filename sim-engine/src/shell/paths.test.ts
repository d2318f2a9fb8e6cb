import { describe, it, expect } from 'vitest';
import { basename, dirname, isInside, resolvePath, tildePath } from './paths.ts';

describe('resolvePath', () => {
  it.each([
    ['web.yaml', '/home/learner', '/home/learner/web.yaml'],
    ['./a/../b//c/', '/tmp', '/tmp/b/c'],
    ['/etc/../../..', '/tmp', '/'],
    ['..', '/', '/'],
    ['', '/tmp', '/tmp'],
  ])('%s from %s is %s', (path, cwd, want) => {
    expect(resolvePath(path, cwd)).toBe(want);
  });
});

describe('dirname and basename', () => {
  it('split absolute paths', () => {
    expect(dirname('/home/learner/x')).toBe('/home/learner');
    expect(dirname('/x')).toBe('/');
    expect(dirname('/')).toBe('/');
    expect(basename('/home/learner/x.yaml')).toBe('x.yaml');
    expect(basename('dir/')).toBe('dir');
    expect(basename('/')).toBe('/');
  });
});

describe('tildePath', () => {
  it('abbreviates home and what is below it only', () => {
    expect(tildePath('/home/learner', '/home/learner')).toBe('~');
    expect(tildePath('/home/learner/k8s', '/home/learner')).toBe('~/k8s');
    expect(tildePath('/home/learnerx', '/home/learner')).toBe('/home/learnerx');
    expect(tildePath('/tmp', '/home/learner')).toBe('/tmp');
  });
});

describe('isInside', () => {
  it('includes the directory itself and excludes name prefixes', () => {
    expect(isInside('/a/b', '/a')).toBe(true);
    expect(isInside('/a', '/a')).toBe(true);
    expect(isInside('/ab', '/a')).toBe(false);
    expect(isInside('/x', '/')).toBe(true);
  });
});
