import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { KubeObject, OwnerReference } from '../../api/meta.ts';
import type { Pod } from '../../api/pod.ts';
import type { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { makeService, pod } from '../endpoints/testing.ts';

function ref(owner: KubeObject, block = true): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: block };
}

/** dependent creates a running pod owned by `owners`; busybox sleep ignores SIGTERM, so it takes its 30 s grace period to go. */
function dependent(c: Cluster, name: string, owners: OwnerReference[], slow = false): Pod {
  const container = slow ? { name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] } : { name: 'app', image: 'nginx:1.25' };
  return c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ownerReferences: owners }, spec: { containers: [container] } }, 'test');
}

function setup(seed: number, slow = false) {
  const c = defaultCluster({ seed });
  const owner = makeService(c, 'owner', undefined, [{ port: 80 }]);
  dependent(c, 'd1', [ref(owner)], slow);
  dependent(c, 'd2', [ref(owner)], slow);
  c.advance(10_000);
  return { c, owner };
}

const hasRSController = (c: Cluster) => c.controllers.some((x) => x.name === 'replicaset-controller') && c.controllers.some((x) => x.name === 'deployment-controller');

describe('garbage collector', () => {
  it('background: the owner goes at once, then its dependents are deleted', () => {
    const { c } = setup(1);
    c.api.delete('Service', 'default', 'owner', 'test', { propagationPolicy: 'Background' });
    expect(c.api.tryGet('Service', 'default', 'owner')).toBeUndefined();
    c.drain();
    expect(pod(c, 'd1')?.metadata.deletionTimestamp).toBeDefined();
    expect(pod(c, 'd2')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.api.audit.filter((a) => a.kind === 'Pod' && a.name === 'd1' && a.verb === 'update').at(-1)?.actor).toBe('generic-garbage-collector');
    c.advance(5_000);
    expect(pod(c, 'd1')).toBeUndefined();
    expect(pod(c, 'd2')).toBeUndefined();
  });

  it('keeps a dependent that has another live owner, dropping only the dangling reference', () => {
    const { c, owner } = setup(2);
    const other = makeService(c, 'other', undefined, [{ port: 81 }]);
    dependent(c, 'shared', [ref(owner), { ...ref(other), controller: false }]);
    c.advance(5_000);
    c.api.delete('Service', 'default', 'owner', 'test');
    c.drain();
    const shared = pod(c, 'shared')!;
    expect(shared.metadata.deletionTimestamp).toBeUndefined();
    expect(shared.metadata.ownerReferences?.map((r) => r.name)).toEqual(['other']);
  });

  it('foreground: the owner stays with its finalizer until the blocking dependents are gone', () => {
    const { c } = setup(3, true);
    dependent(c, 'loose', [ref(c.api.get('Service', 'default', 'owner'), false)], true);
    c.advance(5_000);
    c.api.delete('Service', 'default', 'owner', 'test', { propagationPolicy: 'Foreground' });
    c.drain();
    const owner = c.api.get('Service', 'default', 'owner');
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(pod(c, 'd1')?.metadata.deletionTimestamp).toBeDefined();
    // The non-blocking dependent is neither waited for nor deleted yet.
    expect(pod(c, 'loose')?.metadata.deletionTimestamp).toBeUndefined();
    c.advance(20_000);
    expect(c.api.tryGet('Service', 'default', 'owner')).toBeDefined();
    c.advance(15_000);
    expect(pod(c, 'd1')).toBeUndefined();
    expect(pod(c, 'd2')).toBeUndefined();
    expect(c.api.tryGet('Service', 'default', 'owner')).toBeUndefined();
    // Once the owner is gone, the loose dependent is garbage too.
    expect(pod(c, 'loose')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('orphan: the dependents lose their ownerReferences and keep running', () => {
    const { c } = setup(4);
    c.api.delete('Service', 'default', 'owner', 'test', { propagationPolicy: 'Orphan' });
    expect(c.api.get('Service', 'default', 'owner').metadata.finalizers).toEqual(['orphan']);
    c.drain();
    expect(c.api.tryGet('Service', 'default', 'owner')).toBeUndefined();
    for (const name of ['d1', 'd2']) {
      const p = pod(c, name)!;
      expect(p.metadata.ownerReferences).toBeUndefined();
      expect(p.metadata.deletionTimestamp).toBeUndefined();
    }
    c.advance(60_000);
    expect(pod(c, 'd1')?.status?.phase).toBe('Running');
  });

  it('leaves alone references to kinds this API server does not serve', () => {
    const c = defaultCluster({ seed: 5 });
    const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: '6f2c1d9e-3b7a-4c55-9a1e-2d4f8b0c7e31', controller: true, blockOwnerDeletion: true };
    c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db-0', namespace: 'default', ownerReferences: [owner] }, spec: { containers: [{ name: 'db', image: 'redis:7' }] } }, 'test');
    c.advance(60_000);
    expect(c.api.tryGet<Pod>('Pod', 'default', 'db-0')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('keeps the pods of a DaemonSet that exists (kube-proxy)', () => {
    const c = defaultCluster({ seed: 5 });
    const proxies = () => c.api.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.name!.startsWith('kube-proxy-')).length;
    expect(proxies()).toBe(4);
    c.advance(60_000);
    expect(proxies()).toBe(4);
  });

  it.skipIf(!hasRSController(defaultCluster({ seed: 1 })))('cascades a Deployment to its ReplicaSets and their pods, as kubectl delete does', () => {
    const run = (policy: 'Background' | 'Foreground' | 'Orphan') => {
      const c = defaultCluster({ seed: 6 });
      const labels = { app: 'web' };
      c.api.create<Deployment>(
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } } },
        'test',
      );
      c.advance(20_000);
      expect(c.api.list<Pod>('Pod', 'default').filter((p) => p.status?.phase === 'Running')).toHaveLength(2);
      c.api.delete('Deployment', 'default', 'web', 'kubectl', { propagationPolicy: policy });
      c.drain();
      return c;
    };
    const bg = run('Background');
    expect(bg.api.tryGet('Deployment', 'default', 'web')).toBeUndefined();
    expect(bg.api.list<ReplicaSet>('ReplicaSet', 'default')).toEqual([]);
    expect(bg.api.list<Pod>('Pod', 'default').every((p) => p.metadata.deletionTimestamp)).toBe(true);

    const fg = run('Foreground');
    expect(fg.api.get('Deployment', 'default', 'web').metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(fg.api.list<ReplicaSet>('ReplicaSet', 'default')[0]?.metadata.finalizers).toEqual(['foregroundDeletion']);
    fg.advance(10_000);
    expect(fg.api.tryGet('Deployment', 'default', 'web')).toBeUndefined();
    expect(fg.api.list('ReplicaSet', 'default')).toEqual([]);
    expect(fg.api.list('Pod', 'default')).toEqual([]);

    const orphan = run('Orphan');
    expect(orphan.api.tryGet('Deployment', 'default', 'web')).toBeUndefined();
    const [rs] = orphan.api.list<ReplicaSet>('ReplicaSet', 'default');
    expect(rs?.metadata.ownerReferences).toBeUndefined();
    orphan.advance(30_000);
    expect(orphan.api.list<Pod>('Pod', 'default').filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)).toHaveLength(2);
  });
});
