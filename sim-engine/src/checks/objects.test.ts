import { describe, expect, it } from 'vitest';
import type { Deployment } from '../api/apps.ts';
import { checkIds, evaluateCheck, evaluateChecks } from './evaluate.ts';
import { bareCluster, check, checks, deployment, makeReady, pod } from './testing.ts';

describe('exists and absent', () => {
  it('exists passes while the object is there, Terminating included', () => {
    const c = bareCluster();
    const exists = check({ type: 'exists', kind: 'Pod', name: 'db' });
    expect(evaluateCheck(c, exists)).toEqual({ passed: false, message: 'pod db not found in namespace default' });
    c.api.create(pod('db'), 'kubectl');
    expect(evaluateCheck(c, exists)).toEqual({ passed: true, message: 'pod db exists in namespace default' });
    c.api.update({ ...c.api.get('Pod', 'default', 'db'), metadata: { ...c.api.get('Pod', 'default', 'db').metadata, finalizers: ['x'] } }, 'test');
    c.api.delete('Pod', 'default', 'db', 'kubectl');
    expect(evaluateCheck(c, exists)).toEqual({ passed: true, message: 'pod db exists in namespace default (Terminating)' });
  });

  it('absent fails while the object exists or is still Terminating', () => {
    const c = bareCluster();
    const absent = check({ type: 'absent', kind: 'pods', name: 'db' });
    c.api.create({ ...pod('db'), metadata: { ...pod('db').metadata, finalizers: ['x'] } }, 'kubectl');
    expect(evaluateCheck(c, absent)).toEqual({ passed: false, message: 'pod db still exists in namespace default' });
    c.api.delete('Pod', 'default', 'db', 'kubectl');
    expect(evaluateCheck(c, absent)).toEqual({ passed: false, message: 'pod db is still Terminating in namespace default' });
    c.api.removeFinalizer('Pod', 'default', 'db', 'x', 'test');
    expect(evaluateCheck(c, absent)).toEqual({ passed: true, message: 'pod db does not exist in namespace default' });
  });

  it('cluster-wide kinds have no namespace in the message', () => {
    const c = bareCluster();
    expect(evaluateCheck(c, check({ type: 'exists', kind: 'Node', name: 'node-9' })).message).toBe('node node-9 not found');
    expect(evaluateCheck(c, check({ type: 'exists', kind: 'Namespace', name: 'default', namespace: 'other' })).passed).toBe(true);
  });
});

describe('field', () => {
  const c = bareCluster();
  c.api.create(deployment('web', 'nginx:1.25', 3), 'kubectl');
  const d = c.api.get<Deployment>('Deployment', 'default', 'web');
  c.api.updateStatus<Deployment>({ ...d, status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 } }, 'deployment-controller');
  const field = (rest: object) => evaluateCheck(c, check({ type: 'field', kind: 'Deployment', name: 'web', path: 'status.readyReplicas', ...rest }));

  it('compares with equals, notEquals, matches, the numeric bounds and exists', () => {
    expect(field({ equals: 2 })).toEqual({ passed: true, message: 'deployment web: status.readyReplicas is 2' });
    expect(field({ equals: 3 })).toEqual({ passed: false, message: 'deployment web: status.readyReplicas is 2, expected 3' });
    expect(field({ equals: '2' }).passed).toBe(false);
    expect(field({ notEquals: 3 }).passed).toBe(true);
    expect(field({ gte: 3 })).toEqual({ passed: false, message: 'deployment web: status.readyReplicas is 2, expected at least 3' });
    expect(field({ lte: 2, gt: 1, lt: 3 }).passed).toBe(true);
    expect(field({ exists: true }).passed).toBe(true);
    expect(field({ exists: false })).toEqual({ passed: false, message: 'deployment web: status.readyReplicas is 2, expected it not to be set' });
  });

  it('follows filters into lists and explains a miss', () => {
    const img = (path: string, rest: object) => evaluateCheck(c, check({ type: 'field', kind: 'Deployment', name: 'web', path, ...rest }));
    expect(img('spec.template.spec.containers[name=app].image', { equals: 'nginx:1.25' }).passed).toBe(true);
    expect(img('spec.template.spec.containers[name=app].image', { matches: '^nginx:1\\.2[0-9]$' }).passed).toBe(true);
    expect(img('spec.template.spec.containers[name=app].image', { matches: '^httpd' })).toEqual({
      passed: false,
      message: 'deployment web: spec.template.spec.containers[name=app].image is "nginx:1.25", expected it to match /^httpd/',
    });
    expect(img('spec.template.spec.containers[name=nginx].image', { equals: 'nginx:1.25' })).toEqual({
      passed: false,
      message: 'deployment web: no entry of spec.template.spec.containers has name=nginx (name: app); expected "nginx:1.25"',
    });
    expect(img('metadata.labels.tier', { exists: false })).toEqual({ passed: true, message: 'deployment web: metadata.labels.tier is not set' });
    expect(img('status.unavailableReplicas', { gte: 1 })).toEqual({ passed: false, message: 'deployment web: status.unavailableReplicas is not set; expected a number at least 1' });
  });

  it('fails with "not found" for a missing object', () => {
    expect(evaluateCheck(c, check({ type: 'field', kind: 'Pod', name: 'db', path: 'status.phase', equals: 'Running' })).message).toBe('pod db not found in namespace default');
  });
});

describe('count', () => {
  it('counts by kind, selector and field condition, leaving out Terminating objects', () => {
    const c = bareCluster();
    for (const n of ['a', 'b', 'c']) c.api.create(pod(`web-${n}`, { app: 'web' }), 'kubectl');
    c.api.create(pod('db', { app: 'db' }), 'kubectl');
    makeReady(c, 'web-a');
    makeReady(c, 'web-b');
    const count = (rest: object) => evaluateCheck(c, check({ type: 'count', kind: 'Pod', ...rest } as never));
    expect(count({ selector: 'app=web', equals: 3 })).toEqual({ passed: true, message: 'found 3 pods with app=web in namespace default (web-a, web-b and web-c)' });
    expect(count({ selector: { app: 'web' }, where: { path: 'status.phase', equals: 'Running' }, gte: 3 })).toEqual({
      passed: false,
      message: 'found 2 pods with app=web whose status.phase equals "Running" in namespace default, expected at least 3 (web-a and web-b)',
    });
    expect(count({ gte: 4 }).passed).toBe(true);
    expect(count({ selector: 'app!=web', equals: 1 }).message).toBe('found 1 pod with app!=web in namespace default (db)');
    expect(count({ namespace: 'kube-system', equals: 0 }).passed).toBe(true);
    c.api.update({ ...c.api.get('Pod', 'default', 'web-c'), metadata: { ...c.api.get('Pod', 'default', 'web-c').metadata, finalizers: ['x'] } }, 'test');
    c.api.delete('Pod', 'default', 'web-c', 'kubectl');
    expect(count({ selector: 'app=web', equals: 2 }).passed).toBe(true);
    expect(count({ selector: 'app=web', includeTerminating: true, equals: 3 }).passed).toBe(true);
    expect(count({ selector: 'app=web', lt: 2 }).message).toBe('found 2 pods with app=web in namespace default, expected fewer than 2 (web-a and web-b)');
  });
});

describe('evaluateChecks', () => {
  it('gives every check an id and passes only when all pass', () => {
    const c = bareCluster();
    c.api.create(pod('web'), 'kubectl');
    const list = checks({ type: 'exists', kind: 'Pod', name: 'web' }, { type: 'exists', kind: 'Pod', name: 'db' }, { type: 'absent', id: 'no-db', kind: 'Pod', name: 'db' });
    expect(evaluateChecks(c, list)).toEqual({
      passed: false,
      results: [
        { id: 'exists', passed: true, message: 'pod web exists in namespace default' },
        { id: 'exists-2', passed: false, message: 'pod db not found in namespace default' },
        { id: 'no-db', passed: true, message: 'pod db does not exist in namespace default' },
      ],
    });
    expect(evaluateChecks(c, [list[0]!, list[2]!]).passed).toBe(true);
  });

  it('never gives a generated id that an explicit one already uses', () => {
    expect(checkIds([{ type: 'exists' }, { type: 'exists', id: 'exists-2' }, { type: 'exists' }])).toEqual(['exists', 'exists-2', 'exists-3']);
  });
});
