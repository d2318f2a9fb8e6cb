import { describe, it, expect } from 'vitest';
import { VirtualFS } from '../vfs.ts';
import { escapeGlob, expandGlob, globToRegExp, hasGlobChars, unescapeGlob } from './glob.ts';

const fs = VirtualFS.fromFiles({
  'web.yaml': '',
  'db.yaml': '',
  'notes.txt': '',
  '.hidden.yaml': '',
  'k8s/svc.yaml': '',
  'k8s/deploy.yaml': '',
  'k8s/sub/x.yaml': '',
});
const HOME = '/home/learner';

describe('glob patterns', () => {
  it('detects unescaped glob characters only', () => {
    expect(hasGlobChars('*.yaml')).toBe(true);
    expect(hasGlobChars('\\*.yaml')).toBe(false);
    expect(hasGlobChars(escapeGlob('a[1]?'))).toBe(false);
    expect(unescapeGlob(escapeGlob('a[1]*?\\'))).toBe('a[1]*?\\');
  });

  it('compiles *, ?, classes and negated classes', () => {
    expect(globToRegExp('*.y?ml').test('web.yaml')).toBe(true);
    expect(globToRegExp('[a-c]*').test('b.yaml')).toBe(true);
    expect(globToRegExp('[a-c]*').test('db.yaml')).toBe(false);
    expect(globToRegExp('[!a-c]*').test('db.yaml')).toBe(true);
    expect(globToRegExp('[[:digit:]]x').test('7x')).toBe(true);
    expect(globToRegExp('a[').test('a[')).toBe(true);
  });
});

describe('expandGlob', () => {
  it('matches names in the working directory, sorted, skipping hidden ones', () => {
    expect(expandGlob('*.yaml', fs, HOME)).toEqual(['db.yaml', 'web.yaml']);
    expect(expandGlob('.*.yaml', fs, HOME)).toEqual(['.hidden.yaml']);
  });

  it('walks directories component by component and keeps the typed prefix', () => {
    expect(expandGlob('k8s/*.yaml', fs, HOME)).toEqual(['k8s/deploy.yaml', 'k8s/svc.yaml']);
    expect(expandGlob('*/*/x.yaml', fs, HOME)).toEqual(['k8s/sub/x.yaml']);
    expect(expandGlob('/home/learner/*.txt', fs, '/tmp')).toEqual(['/home/learner/notes.txt']);
    expect(expandGlob('./n*', fs, HOME)).toEqual(['./notes.txt']);
    expect(expandGlob('*/', fs, HOME)).toEqual(['k8s/']);
  });

  it('returns nothing when nothing matches, so the word stays as typed', () => {
    expect(expandGlob('*.json', fs, HOME)).toEqual([]);
  });
});
