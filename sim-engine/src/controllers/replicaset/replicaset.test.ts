import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import { forbidden } from '../../apiserver/errors.ts';
import type { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { clone } from '../../util/clone.ts';
import { activePods, eventMessages, settle } from '../testing.ts';

function frontend(replicas: number, minReadySeconds?: number): ReplicaSet {
  const labels = { tier: 'frontend' };
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'frontend', labels },
    spec: {
      replicas,
      ...(minReadySeconds ? { minReadySeconds } : {}),
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
    },
  };
}

function bare(c: Cluster, name: string, labels: Record<string, string>): Pod {
  return c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } }, 'kubectl');
}

function rsNamed(c: Cluster, name = 'frontend'): ReplicaSet {
  return c.api.get<ReplicaSet>('ReplicaSet', 'default', name);
}

function owned(c: Cluster, rs: ReplicaSet): Pod[] {
  return activePods(c).filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === rs.metadata.uid && r.controller));
}

describe('ReplicaSet controller', () => {
  it('creates owned pods named <rs>-<5 chars> with events, and reports status', () => {
    const c = defaultCluster({ seed: 1 });
    c.api.create(frontend(3), 'kubectl');
    settle(c);
    const rs = rsNamed(c);
    const pods = owned(c, rs);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('frontend-');
      expect(p.metadata.labels).toEqual({ tier: 'frontend' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.status?.phase).toBe('Running');
    }
    expect(eventMessages(c, 'ReplicaSet', 'frontend', 'SuccessfulCreate').sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('replaces deleted pods at once and converges', () => {
    const c = defaultCluster({ seed: 2 });
    c.api.create(frontend(3), 'kubectl');
    settle(c);
    const victims = owned(c, rsNamed(c)).slice(0, 2);
    for (const v of victims) c.api.delete('Pod', 'default', v.metadata.name!, 'kubectl');
    c.drain();
    // The terminating pods no longer count, so replacements exist while they shut down.
    expect(owned(c, rsNamed(c))).toHaveLength(3);
    settle(c);
    const after = owned(c, rsNamed(c));
    expect(after).toHaveLength(3);
    expect(after.map((p) => p.metadata.name)).not.toContain(victims[0]!.metadata.name);
    expect(c.api.list<Pod>('Pod', 'default')).toHaveLength(3);
    expect(rsNamed(c).status?.readyReplicas).toBe(3);
  });

  it('adopts orphans whose labels match and releases pods whose labels stop matching', () => {
    const c = defaultCluster({ seed: 3 });
    bare(c, 'stray', { tier: 'frontend' });
    bare(c, 'other', { tier: 'backend' });
    settle(c);
    c.api.create(frontend(2), 'kubectl');
    settle(c);
    const rs = rsNamed(c);
    const stray = c.api.get<Pod>('Pod', 'default', 'stray');
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', uid: rs.metadata.uid, controller: true });
    expect(owned(c, rs)).toHaveLength(2);
    expect(c.api.get<Pod>('Pod', 'default', 'other').metadata.ownerReferences).toBeUndefined();
    expect(eventMessages(c, 'ReplicaSet', 'frontend', 'SuccessfulCreate')).toHaveLength(1);

    // `kubectl label pod stray tier=debug --overwrite`: released, kept running, and replaced.
    const relabelled = clone(c.api.get<Pod>('Pod', 'default', 'stray'));
    relabelled.metadata.labels = { tier: 'debug' };
    c.api.update(relabelled, 'kubectl');
    settle(c);
    const released = c.api.get<Pod>('Pod', 'default', 'stray');
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.status?.phase).toBe('Running');
    expect(owned(c, rsNamed(c))).toHaveLength(2);
    expect(eventMessages(c, 'ReplicaSet', 'frontend', 'SuccessfulCreate')).toHaveLength(2);
  });

  it('scales down with SuccessfulDelete events, newest not-ready pods first', () => {
    const c = defaultCluster({ seed: 4 });
    c.api.create(frontend(4), 'kubectl');
    settle(c);
    const rs = clone(rsNamed(c));
    rs.spec.replicas = 1;
    c.api.update(rs, 'kubectl');
    c.drain();
    const deleted = eventMessages(c, 'ReplicaSet', 'frontend', 'SuccessfulDelete');
    expect(deleted).toHaveLength(3);
    settle(c);
    expect(owned(c, rsNamed(c))).toHaveLength(1);
    expect(rsNamed(c).status).toEqual({ replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 });
    // Every node ran at most two of them; the one left is not one of the deleted.
    const left = owned(c, rsNamed(c))[0]!.metadata.name!;
    expect(deleted).not.toContain(`Deleted pod: ${left}`);
  });

  it('omits zero counters and honours minReadySeconds with a timed re-check', () => {
    const c = defaultCluster({ seed: 5 });
    c.api.create(frontend(2, 30), 'kubectl');
    expect(rsNamed(c).status).toEqual({ replicas: 0 });
    c.drain();
    expect(rsNamed(c).status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
    c.advance(10_000);
    expect(rsNamed(c).status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
    const readyAt = owned(c, rsNamed(c)).map((p) => Date.parse(p.status!.conditions!.find((x) => x.type === 'Ready')!.lastTransitionTime));
    c.advanceTo(Math.min(...readyAt) + 30_000);
    expect(rsNamed(c).status?.availableReplicas).toBeUndefined();
    c.advanceTo(Math.max(...readyAt) + 31_000);
    expect(rsNamed(c).status?.availableReplicas).toBe(2);
  });

  it('counts fully labelled replicas against the template', () => {
    const c = defaultCluster({ seed: 6 });
    bare(c, 'partial', { tier: 'frontend' });
    const rs = frontend(1);
    rs.spec.template.metadata!.labels = { tier: 'frontend', track: 'stable' };
    c.api.create(rs, 'kubectl');
    settle(c);
    expect(rsNamed(c).status).toMatchObject({ replicas: 1, readyReplicas: 1 });
    expect(rsNamed(c).status?.fullyLabeledReplicas).toBeUndefined();
  });

  it('creates in slow-start batches and stops at the first failed batch', () => {
    const c = defaultCluster({ seed: 7 });
    const create = c.api.create.bind(c.api);
    let attempts = 0;
    c.api.create = ((obj: Parameters<typeof create>[0], actor: string) => {
      if (obj.kind === 'Pod' && ++attempts === 4) throw forbidden('pods "frontend-x" is forbidden: exceeded quota: compute');
      return create(obj, actor);
    }) as typeof c.api.create;
    c.api.create(frontend(10), 'kubectl');
    c.drain();
    // Batches of 1 and 2 succeed; the batch of 4 runs fully (one failure), the rest waits.
    expect(attempts).toBeGreaterThanOrEqual(7);
    expect(eventMessages(c, 'ReplicaSet', 'frontend', 'FailedCreate')).toEqual(['Error creating: pods "frontend-x" is forbidden: exceeded quota: compute']);
    expect(eventMessages(c, 'ReplicaSet', 'frontend', 'SuccessfulCreate').length).toBeGreaterThanOrEqual(6);
    settle(c);
    expect(owned(c, rsNamed(c))).toHaveLength(10);
    expect(rsNamed(c).status?.conditions).toBeUndefined();
  });

  it('records the failure as a ReplicaFailure condition while it lasts', () => {
    const c = defaultCluster({ seed: 8 });
    const create = c.api.create.bind(c.api);
    c.api.create = ((obj: Parameters<typeof create>[0], actor: string) => {
      if (obj.kind === 'Pod') throw forbidden('exceeded quota: compute');
      return create(obj, actor);
    }) as typeof c.api.create;
    c.api.create(frontend(2), 'kubectl');
    c.drain();
    expect(rsNamed(c).status?.conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-01-12T09:00:00Z', reason: 'FailedCreate', message: 'exceeded quota: compute' },
    ]);
  });
});
