import { describe, it, expect } from 'vitest';
import { matchesSelector, parseSelector, selectorFromMap } from './selectors.ts';

const web = { app: 'web', tier: 'frontend', env: 'prod' };
const db = { app: 'db', tier: 'backend' };
const bare = {};

function matching(text: string): string[] {
  const sel = parseSelector(text);
  return Object.entries({ web, db, bare })
    .filter(([, labels]) => matchesSelector(sel, labels))
    .map(([name]) => name);
}

describe('parseSelector', () => {
  it('parses equality, inequality, set and existence terms', () => {
    expect(parseSelector('app=web')).toEqual([{ key: 'app', op: 'in', values: ['web'] }]);
    expect(parseSelector('app==web')).toEqual([{ key: 'app', op: 'in', values: ['web'] }]);
    expect(parseSelector('tier!=db')).toEqual([{ key: 'tier', op: 'notin', values: ['db'] }]);
    expect(parseSelector('env in (prod, staging)')).toEqual([{ key: 'env', op: 'in', values: ['prod', 'staging'] }]);
    expect(parseSelector('env notin (dev)')).toEqual([{ key: 'env', op: 'notin', values: ['dev'] }]);
    expect(parseSelector('app')).toEqual([{ key: 'app', op: 'exists', values: [] }]);
    expect(parseSelector('!legacy')).toEqual([{ key: 'legacy', op: '!', values: [] }]);
    expect(parseSelector('')).toEqual([]);
  });

  it('joins terms with commas and allows spaces around operators', () => {
    expect(parseSelector('app = web , tier != db,!legacy, env')).toEqual([
      { key: 'app', op: 'in', values: ['web'] },
      { key: 'tier', op: 'notin', values: ['db'] },
      { key: 'legacy', op: '!', values: [] },
      { key: 'env', op: 'exists', values: [] },
    ]);
  });

  it('accepts prefixed keys', () => {
    expect(parseSelector('app.kubernetes.io/name=web')).toEqual([{ key: 'app.kubernetes.io/name', op: 'in', values: ['web'] }]);
  });

  it("reports bad syntax with apimachinery's wording", () => {
    expect(() => parseSelector('=web')).toThrow("found '=', expected: identifier");
    expect(() => parseSelector('env in (a,b')).toThrow("found '', expected: ',', ')' or identifier");
    expect(() => parseSelector('app)')).toThrow("found ')', expected: in, notin, =, ==, !=, gt, lt");
  });
});

describe('matchesSelector', () => {
  it('matches equality and set terms', () => {
    expect(matching('app=web')).toEqual(['web']);
    expect(matching('app in (web,db)')).toEqual(['web', 'db']);
    expect(matching('app,tier=backend')).toEqual(['db']);
  });

  it('lets != and notin match objects without the key', () => {
    expect(matching('tier!=frontend')).toEqual(['db', 'bare']);
    expect(matching('env notin (prod)')).toEqual(['db', 'bare']);
    expect(matching('env!=prod,app')).toEqual(['db']);
  });

  it('matches existence and absence', () => {
    expect(matching('env')).toEqual(['web']);
    expect(matching('!env')).toEqual(['db', 'bare']);
  });

  it('matches everything with the empty selector, also objects without labels', () => {
    expect(matching('')).toEqual(['web', 'db', 'bare']);
    expect(matchesSelector([], undefined)).toBe(true);
    expect(matchesSelector(parseSelector('app'), undefined)).toBe(false);
    expect(matchesSelector(parseSelector('app!=web'), undefined)).toBe(true);
  });

  it('treats an empty label value as a value', () => {
    expect(matchesSelector(parseSelector('role='), { role: '' })).toBe(true);
    expect(matchesSelector(parseSelector('role'), { role: '' })).toBe(true);
    expect(matchesSelector(parseSelector('role='), {})).toBe(false);
  });

  it('does not match keys inherited from Object.prototype', () => {
    expect(matchesSelector(parseSelector('constructor'), {})).toBe(false);
    expect(matchesSelector(parseSelector('toString=x'), {})).toBe(false);
  });
});

describe('selectorFromMap', () => {
  it('turns matchLabels into equality terms', () => {
    const sel = selectorFromMap({ app: 'web', tier: 'frontend' });
    expect(matchesSelector(sel, web)).toBe(true);
    expect(matchesSelector(sel, { app: 'web' })).toBe(false);
    expect(selectorFromMap(undefined)).toEqual([]);
  });
});
