import { describe, it, expect } from 'vitest';
import { compareGoStrings, formatLabelSelector, formatLabels, isQualifiedName, isValidLabelValue } from './labels.ts';

describe('formatLabels', () => {
  it('is <none> when there are no labels', () => {
    expect(formatLabels(undefined)).toBe('<none>');
    expect(formatLabels(null)).toBe('<none>');
    expect(formatLabels({})).toBe('<none>');
  });

  it('joins sorted k=v pairs with commas', () => {
    expect(formatLabels({ 'pod-template-hash': '7c5ddbdf54', app: 'web' })).toBe('app=web,pod-template-hash=7c5ddbdf54');
  });

  it('sorts the k=v strings, not the keys', () => {
    // '-' (0x2d) sorts before '=' (0x3d), so the longer key comes first.
    expect(formatLabels({ a: '1', 'a-b': '2' })).toBe('a-b=2,a=1');
  });

  it('keeps empty values', () => {
    expect(formatLabels({ 'node-role.kubernetes.io/control-plane': '' })).toBe('node-role.kubernetes.io/control-plane=');
  });
});

describe('formatLabelSelector', () => {
  it('is <none> for a missing or empty selector', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe('<none>');
  });

  it('prints matchLabels as key=value sorted by key', () => {
    expect(formatLabelSelector({ matchLabels: { tier: 'frontend', app: 'web' } })).toBe('app=web,tier=frontend');
  });

  it('prints each operator as apimachinery does', () => {
    expect(
      formatLabelSelector({
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'tier', operator: 'NotIn', values: ['cache'] },
          { key: 'app', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app,env in (dev,prod),!legacy,tier notin (cache)');
  });

  it('sorts requirements by key across matchLabels and matchExpressions, labels first on a tie', () => {
    expect(
      formatLabelSelector({
        matchLabels: { z: '1', app: 'web' },
        matchExpressions: [
          { key: 'app', operator: 'Exists' },
          { key: 'm', operator: 'NotIn', values: ['b', 'a', 'b'] },
        ],
      }),
    ).toBe('app=web,app,m notin (a,b,b),z=1');
  });

  it('is <error> for a requirement NewRequirement rejects', () => {
    expect(formatLabelSelector({ matchExpressions: [{ key: 'env', operator: 'In', values: [] }] })).toBe('<error>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'env', operator: 'Exists', values: ['x'] }] })).toBe('<error>');
    expect(formatLabelSelector({ matchLabels: { 'bad key': 'x' } })).toBe('<error>');
    expect(formatLabelSelector({ matchLabels: { app: 'not valid' } })).toBe('<error>');
    const bogus = { matchExpressions: [{ key: 'env', operator: 'Gt' }] } as unknown as Parameters<typeof formatLabelSelector>[0];
    expect(formatLabelSelector(bogus)).toBe('<error>');
  });
});

describe('label validation', () => {
  it('accepts qualified names with and without a prefix', () => {
    expect(isQualifiedName('app')).toBe(true);
    expect(isQualifiedName('app.kubernetes.io/name')).toBe(true);
    expect(isQualifiedName('a_b.c-d')).toBe(true);
  });

  it('rejects malformed names', () => {
    expect(isQualifiedName('')).toBe(false);
    expect(isQualifiedName('/app')).toBe(false);
    expect(isQualifiedName('a/b/c')).toBe(false);
    expect(isQualifiedName('Example.com/app')).toBe(false);
    expect(isQualifiedName('-app')).toBe(false);
    expect(isQualifiedName('a'.repeat(64))).toBe(false);
  });

  it('accepts empty label values and rejects long or odd ones', () => {
    expect(isValidLabelValue('')).toBe(true);
    expect(isValidLabelValue('v1.2_x')).toBe(true);
    expect(isValidLabelValue('a'.repeat(64))).toBe(false);
    expect(isValidLabelValue('x.')).toBe(false);
  });
});

describe('compareGoStrings', () => {
  it('orders by code point, unlike UTF-16 comparison', () => {
    // U+FF5E is one UTF-16 unit above the surrogates of U+1F600, but a smaller code point.
    expect(compareGoStrings('\uff5e', '😀')).toBe(-1);
    expect('\uff5e' < '😀').toBe(false);
    expect(compareGoStrings('a', 'ab')).toBe(-1);
    expect(compareGoStrings('ab', 'ab')).toBe(0);
  });
});
