import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import { makeDeployment } from '../testing.ts';
import { computeHash, safeEncode, templateKey } from './hash.ts';
import {
  getProportion,
  maxSurge,
  maxUnavailable,
  MAX_REPLICAS,
  newRSNewReplicas,
  resolveFenceposts,
  REVISION,
  REVISION_HISTORY,
  newReplicaSetAnnotationsCurrent,
  setNewReplicaSetAnnotations,
} from './util.ts';

function withReplicas(replicas: number, strategy?: Deployment['spec']['strategy']): Deployment {
  const d = makeDeployment('web', { replicas });
  d.spec.strategy = strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  return d;
}

function rs(name: string, replicas: number, annotations: Record<string, string> = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, annotations },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
  };
}

describe('fenceposts', () => {
  it('round surge up and unavailability down, as the reference examples', () => {
    expect([3, 4, 10, 1].map((n) => [maxSurge(withReplicas(n)), maxUnavailable(withReplicas(n))])).toEqual([
      [1, 0],
      [1, 1],
      [3, 2],
      [1, 0],
    ]);
  });

  it('force one unavailable when both round to zero, and accept plain integers', () => {
    expect(resolveFenceposts(0, '25%', 3)).toEqual([0, 1]);
    expect(resolveFenceposts(2, 1, 10)).toEqual([2, 1]);
    expect(maxUnavailable(withReplicas(0))).toBe(0);
    expect(maxUnavailable(withReplicas(2, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '100%' } }))).toBe(2);
    expect(maxSurge(withReplicas(5, { type: 'Recreate' }))).toBe(0);
  });

  it('size a new ReplicaSet within replicas + maxSurge', () => {
    const d = withReplicas(3);
    const old = rs('old', 3);
    const fresh = rs('new', 0);
    expect(newRSNewReplicas(d, [old, fresh], fresh)).toBe(1);
    expect(newRSNewReplicas(d, [rs('old', 2), rs('new', 1)], rs('new', 1))).toBe(2);
    expect(newRSNewReplicas(d, [rs('old', 3), rs('new', 1)], rs('new', 1))).toBe(1);
    expect(newRSNewReplicas(withReplicas(3, { type: 'Recreate' }), [old, fresh], fresh)).toBe(3);
  });
});

describe('proportional shares', () => {
  it('scale each ReplicaSet by its share of the old max-replicas, rounding half away from zero', () => {
    const d = withReplicas(20);
    // 10 replicas had max 13; now 20 + 5 = 25.
    const big = rs('old', 8, { [MAX_REPLICAS]: '13' });
    expect(getProportion(big, d, 12, 0)).toBe(7);
    expect(getProportion(rs('new', 5, { [MAX_REPLICAS]: '13' }), d, 12, 7)).toBe(5);
    expect(getProportion(big, d, 2, 0)).toBe(2);
    const down = withReplicas(5);
    expect(getProportion(rs('old', 8, { [MAX_REPLICAS]: '13' }), down, -6, 0)).toBe(-4);
    expect(getProportion(rs('zero', 0), d, 5, 0)).toBe(0);
  });
});

describe('revisions', () => {
  it('number a new ReplicaSet, copy user annotations and set the replica annotations', () => {
    const d = withReplicas(3);
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'first', 'kubectl.kubernetes.io/last-applied-configuration': '{}', [REVISION]: '7' };
    const r = rs('new', 1);
    expect(setNewReplicaSetAnnotations(d, r, 1, false)).toBe(true);
    expect(r.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': 'first',
      [REVISION]: '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      [MAX_REPLICAS]: '4',
    });
    expect(setNewReplicaSetAnnotations(d, r, 1, true)).toBe(false);
  });

  it('remember earlier numbers when an old ReplicaSet becomes new again', () => {
    const d = withReplicas(3);
    const r = rs('back', 0, { [REVISION]: '1' });
    setNewReplicaSetAnnotations(d, r, 3, true);
    expect(r.metadata.annotations?.[REVISION]).toBe('3');
    expect(r.metadata.annotations?.[REVISION_HISTORY]).toBe('1');
    setNewReplicaSetAnnotations(d, r, 5, true);
    expect(r.metadata.annotations?.[REVISION_HISTORY]).toBe('1,3');
    // Never lowered.
    setNewReplicaSetAnnotations(d, r, 2, true);
    expect(r.metadata.annotations?.[REVISION]).toBe('5');
  });
});

describe('pod-template-hash', () => {
  it('maps decimal digits to 4-9, b, c, d, f', () => {
    expect(safeEncode('0123456789')).toBe('456789bcdf');
  });

  it('is stable for equal templates, differs otherwise, and moves with collisionCount', () => {
    const t = makeDeployment('web').spec.template;
    const h = computeHash(t);
    expect(h).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(computeHash(JSON.parse(JSON.stringify(t)))).toBe(h);
    const other = makeDeployment('web', { image: 'nginx:1.26' }).spec.template;
    expect(computeHash(other)).not.toBe(h);
    expect(computeHash(t, 1)).not.toBe(h);
    expect(computeHash(t, 1)).not.toBe(computeHash(t, 2));
  });

  it('compares templates ignoring pod-template-hash and empty maps', () => {
    const t = makeDeployment('web').spec.template;
    const withHash = { ...t, metadata: { labels: { ...t.metadata!.labels, 'pod-template-hash': 'abc' }, annotations: {} } };
    expect(templateKey(withHash)).toBe(templateKey(t));
  });

  it('newReplicaSetAnnotationsCurrent is only true when setNewReplicaSetAnnotations would change nothing', () => {
    const d = withReplicas(3);
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'first', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    const cases: [Record<string, string>, number][] = [
      [{ [REVISION]: '2', 'kubernetes.io/change-cause': 'first' }, 2],
      [{ [REVISION]: '2', 'kubernetes.io/change-cause': 'first' }, 1],
      [{ [REVISION]: '2', 'kubernetes.io/change-cause': 'first' }, 3],
      [{ [REVISION]: '2', 'kubernetes.io/change-cause': 'other' }, 2],
      [{ [REVISION]: '2' }, 2],
      [{ [REVISION]: 'x', 'kubernetes.io/change-cause': 'first' }, 2],
      [{ 'kubernetes.io/change-cause': 'first' }, 1],
    ];
    for (const [annotations, revision] of cases) {
      const current = newReplicaSetAnnotationsCurrent(d, rs('new', 3, annotations), revision);
      const copy = rs('new', 3, { ...annotations });
      if (current) expect(setNewReplicaSetAnnotations(d, copy, revision, true)).toBe(false);
      expect(current).toBe(annotations[REVISION] === '2' && annotations['kubernetes.io/change-cause'] === 'first' && revision <= 2);
    }
  });
});
