import { describe, expect, it } from 'vitest';
import { formatSteps, parsePath, resolvePath } from './path.ts';

describe('parsePath', () => {
  it('reads keys, indexes, filters and quoted keys', () => {
    expect(parsePath('spec.template.spec.containers[name=nginx].image')).toEqual([
      { kind: 'key', key: 'spec' },
      { kind: 'key', key: 'template' },
      { kind: 'key', key: 'spec' },
      { kind: 'key', key: 'containers' },
      { kind: 'match', key: 'name', value: 'nginx' },
      { kind: 'key', key: 'image' },
    ]);
    expect(parsePath('spec.containers[0].ports[1].containerPort').map((s) => s.kind)).toEqual(['key', 'key', 'index', 'key', 'index', 'key']);
    expect(parsePath('metadata.labels["app.kubernetes.io/name"]')).toEqual([
      { kind: 'key', key: 'metadata' },
      { kind: 'key', key: 'labels' },
      { kind: 'key', key: 'app.kubernetes.io/name' },
    ]);
    expect(parsePath("spec.containers[name='web'].image")[2]).toEqual({ kind: 'match', key: 'name', value: 'web' });
  });

  it('says where a bad path goes wrong', () => {
    expect(() => parsePath('')).toThrow('expected a field name');
    expect(() => parsePath('spec..replicas')).toThrow('at character 6: expected a field name');
    expect(() => parsePath('spec.containers[0')).toThrow('expected "]"');
    expect(() => parsePath('spec.containers[x]')).toThrow('an index such as [0]');
    expect(() => parsePath('spec.containers[0]image')).toThrow('expected "." or "["');
  });

  it('formats steps back to the same text', () => {
    for (const p of ['status.readyReplicas', 'spec.containers[name=web].image', 'metadata.labels["app.kubernetes.io/name"]', 'a[0][1].b']) {
      expect(formatSteps(parsePath(p))).toBe(p);
    }
  });
});

describe('resolvePath', () => {
  const pod = { spec: { replicas: 3, containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] }, metadata: { labels: { 'app.kubernetes.io/name': 'x' } } };

  it('finds values', () => {
    expect(resolvePath(pod, parsePath('spec.containers[name=log].image'))).toEqual({ found: true, value: 'busybox' });
    expect(resolvePath(pod, parsePath('spec.containers[0].name'))).toEqual({ found: true, value: 'web' });
    expect(resolvePath(pod, parsePath('metadata.labels["app.kubernetes.io/name"]'))).toEqual({ found: true, value: 'x' });
  });

  it('explains what is missing', () => {
    expect(resolvePath(pod, parsePath('spec.containers[name=nginx].image'))).toEqual({ found: false, reason: 'no entry of spec.containers has name=nginx (name: web, log)' });
    expect(resolvePath(pod, parsePath('spec.containers[5]'))).toEqual({ found: false, reason: 'spec.containers has 2 entries, so there is no [5]' });
    expect(resolvePath(pod, parsePath('status.phase'))).toEqual({ found: false, reason: 'status is not set' });
    expect(resolvePath(pod, parsePath('spec.replicas.x'))).toEqual({ found: false, reason: 'spec.replicas is a number, so it has no field "x"' });
    expect(resolvePath(pod, parsePath('spec[0]'))).toEqual({ found: false, reason: 'spec is an object, not a list' });
  });
});
