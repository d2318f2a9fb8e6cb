import { describe, it, expect } from 'vitest';
import type { Event } from '../api/event.ts';
import type { Node } from '../api/node.ts';
import type { Pod, PodSpec } from '../api/pod.ts';
import type { Cluster } from '../cluster.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';

const CP_TAINT = '1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }';

function createPod(cluster: Cluster, name: string, spec: Partial<PodSpec> = {}, owner?: string): Pod {
  return cluster.api.create<Pod>(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: `uid-${owner}`, controller: true, blockOwnerDeletion: true }] } : {}),
      },
      spec: { containers: [{ name: 'web', image: 'nginx:1.25' }], ...spec },
    },
    'test',
  );
}

function pod(cluster: Cluster, name: string): Pod {
  return cluster.api.get<Pod>('Pod', 'default', name);
}

function eventsOf(cluster: Cluster, name: string, reason?: string): Event[] {
  return cluster.api.list<Event>('Event', 'default').filter((e) => e.involvedObject.name === name && (!reason || e.reason === reason));
}

function setNode(cluster: Cluster, name: string, change: (n: Node) => Node): void {
  cluster.api.update(change(cluster.api.get<Node>('Node', '', name)), 'test');
}

function cordon(cluster: Cluster, name: string, unschedulable = true): void {
  setNode(cluster, name, (n) => ({ ...n, spec: { ...n.spec, unschedulable } }));
}

function label(cluster: Cluster, name: string, key: string, value: string): void {
  setNode(cluster, name, (n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, [key]: value } } }));
}

describe('scheduler', () => {
  it('binds a pod to a worker with a Scheduled event and PodScheduled=True', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'web');
    cluster.drain();
    const p = pod(cluster, 'web');
    expect(p.spec.nodeName).toMatch(/^node-[123]$/);
    const scheduled = eventsOf(cluster, 'web', 'Scheduled');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({
      type: 'Normal',
      message: `Successfully assigned default/web to ${p.spec.nodeName}`,
      source: { component: 'default-scheduler' },
    });
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'True', lastTransitionTime: '2026-01-12T09:00:00Z' });
  });

  it('never puts user pods on the tainted control plane', () => {
    const cluster = defaultCluster({ seed: 2 });
    for (let i = 0; i < 30; i++) createPod(cluster, `p${i}`);
    cluster.drain();
    const nodes = cluster.api.list<Pod>('Pod', 'default').map((p) => p.spec.nodeName);
    expect(nodes.every((n) => n === 'node-1' || n === 'node-2' || n === 'node-3')).toBe(true);
    // Without an owner the scheduler still balances load (counting what already ran there).
    const load = ['node-1', 'node-2', 'node-3'].map((n) => cluster.store.podsOnNode(n).length);
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
  });

  it('schedules a pod that tolerates the control-plane taint there if it asks to', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'cp', {
      nodeSelector: { 'node-role.kubernetes.io/control-plane': '' },
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
    });
    cluster.drain();
    expect(pod(cluster, 'cp').spec.nodeName).toBe('control-plane');
  });

  it('spreads the replicas of one owner across the workers', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const cluster = defaultCluster({ seed });
      // Load the cluster unevenly first, so spreading has to beat least-loaded.
      for (let i = 0; i < 4; i++) createPod(cluster, `other-${i}`, { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
      cluster.drain();
      for (let i = 0; i < 6; i++) createPod(cluster, `web-${i}`, {}, 'web-7c5ddbdf54');
      cluster.drain();
      const placed = Array.from({ length: 6 }, (_, i) => pod(cluster, `web-${i}`).spec.nodeName);
      for (const n of ['node-1', 'node-2', 'node-3']) expect(placed.filter((x) => x === n), `seed ${seed}`).toHaveLength(2);
    }
  });

  it('leaves a pod with an impossible nodeSelector Pending with the exact FailedScheduling message', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'ssd', { nodeSelector: { disk: 'ssd' } });
    cluster.drain();
    const message =
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.";
    const p = pod(cluster, 'ssd');
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.conditions).toEqual([
      { lastProbeTime: null, lastTransitionTime: '2026-01-12T09:00:00Z', message, reason: 'Unschedulable', status: 'False', type: 'PodScheduled' },
    ]);
    const failed = eventsOf(cluster, 'ssd', 'FailedScheduling');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: 'Warning', message, count: 1, source: { component: 'default-scheduler' } });

    // Retries keep it Pending and aggregate into the same event.
    cluster.advance(20_000);
    expect(pod(cluster, 'ssd').spec.nodeName).toBeUndefined();
    expect(pod(cluster, 'ssd').status?.phase).toBe('Pending');
    const again = eventsOf(cluster, 'ssd', 'FailedScheduling');
    expect(again).toHaveLength(1);
    expect(again[0]!.count).toBeGreaterThan(1);
  });

  it('schedules the waiting pod once a node gets the label it selects', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'ssd', { nodeSelector: { disk: 'ssd' } });
    cluster.advance(3000);
    label(cluster, 'node-2', 'disk', 'ssd');
    cluster.drain();
    const p = pod(cluster, 'ssd');
    expect(p.spec.nodeName).toBe('node-2');
    expect(p.status?.conditions?.filter((c) => c.type === 'PodScheduled')).toEqual([
      { lastProbeTime: null, lastTransitionTime: '2026-01-12T09:00:03Z', status: 'True', type: 'PodScheduled' },
    ]);
    expect(eventsOf(cluster, 'ssd', 'Scheduled')[0]!.message).toBe('Successfully assigned default/ssd to node-2');
    cluster.advance(5000);
    expect(pod(cluster, 'ssd').status?.phase).toBe('Running');
  });

  it('skips cordoned nodes and says so when nothing is left', () => {
    const cluster = defaultCluster({ seed: 1 });
    cordon(cluster, 'node-1');
    cordon(cluster, 'node-2');
    for (let i = 0; i < 5; i++) createPod(cluster, `p${i}`);
    cluster.drain();
    for (let i = 0; i < 5; i++) expect(pod(cluster, `p${i}`).spec.nodeName).toBe('node-3');

    cordon(cluster, 'node-3');
    createPod(cluster, 'stuck');
    cluster.drain();
    expect(pod(cluster, 'stuck').spec.nodeName).toBeUndefined();
    expect(eventsOf(cluster, 'stuck', 'FailedScheduling')[0]!.message).toBe(
      `0/4 nodes are available: ${CP_TAINT}, 3 node(s) were unschedulable. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.`,
    );
    // Pods already on a node are not moved by a cordon.
    expect(pod(cluster, 'p0').spec.nodeName).toBe('node-3');

    cordon(cluster, 'node-1', false);
    cluster.drain();
    expect(pod(cluster, 'stuck').spec.nodeName).toBe('node-1');
  });

  it('lets a pod that tolerates node.kubernetes.io/unschedulable onto a cordoned node', () => {
    const cluster = defaultCluster({ seed: 1 });
    for (const n of ['node-1', 'node-2', 'node-3']) cordon(cluster, n);
    createPod(cluster, 'ds', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    cluster.drain();
    expect(pod(cluster, 'ds').spec.nodeName).toMatch(/^node-[123]$/);
  });

  it('fits requests against allocatable and reports Insufficient cpu', () => {
    const cluster = defaultCluster({ seed: 1 });
    const big = { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '3' } } }] };
    for (let i = 0; i < 3; i++) createPod(cluster, `big${i}`, big);
    cluster.drain();
    expect(new Set([0, 1, 2].map((i) => pod(cluster, `big${i}`).spec.nodeName))).toEqual(new Set(['node-1', 'node-2', 'node-3']));

    createPod(cluster, 'one-more', { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '1500m' } } }] });
    cluster.drain();
    expect(pod(cluster, 'one-more').spec.nodeName).toBeUndefined();
    expect(eventsOf(cluster, 'one-more', 'FailedScheduling')[0]!.message).toBe(
      `0/4 nodes are available: ${CP_TAINT}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );

    // Deleting a pod frees its requests (once it is gone), and the waiting pod gets in.
    cluster.api.delete('Pod', 'default', 'big1', 'test', { gracePeriodSeconds: 0 });
    cluster.drain();
    expect(pod(cluster, 'one-more').spec.nodeName).toBeDefined();
  });

  it('ignores limits when requests are set, and uses limits when only limits are set', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'limits-only', { containers: [{ name: 'web', image: 'nginx:1.25', resources: { limits: { cpu: '5' } } }] });
    createPod(cluster, 'small-request', { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '100m' }, limits: { cpu: '8' } } }] });
    cluster.drain();
    expect(pod(cluster, 'limits-only').spec.nodeName).toBeUndefined();
    expect(pod(cluster, 'small-request').spec.nodeName).toBeDefined();
  });

  it('reports Insufficient memory', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'hog', { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { memory: '16Gi' } } }] });
    cluster.drain();
    expect(eventsOf(cluster, 'hog', 'FailedScheduling')[0]!.message).toBe(
      `0/4 nodes are available: ${CP_TAINT}, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });

  it('counts a node short of both cpu and memory under both reasons, and once for preemption', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'hog', { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '64', memory: '16Gi' } } }] });
    cluster.drain();
    expect(eventsOf(cluster, 'hog', 'FailedScheduling')[0]!.message).toBe(
      `0/4 nodes are available: ${CP_TAINT}, 3 Insufficient cpu, 3 Insufficient memory. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });

  it('does not count finished pods against a node', () => {
    const cluster = defaultCluster({ seed: 1 });
    const done = { containers: [{ name: 'job', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'], resources: { requests: { cpu: '3' } } }], restartPolicy: 'Never' as const };
    for (let i = 0; i < 3; i++) createPod(cluster, `done${i}`, done);
    cluster.advance(10_000);
    for (let i = 0; i < 3; i++) expect(pod(cluster, `done${i}`).status?.phase).toBe('Succeeded');
    createPod(cluster, 'next', { containers: [{ name: 'web', image: 'nginx:1.25', resources: { requests: { cpu: '3' } } }] });
    cluster.drain();
    expect(pod(cluster, 'next').spec.nodeName).toBeDefined();
  });

  it('reports hostPort clashes', () => {
    const cluster = defaultCluster({ seed: 1 });
    const hp = { containers: [{ name: 'web', image: 'nginx:1.25', ports: [{ containerPort: 80, hostPort: 8080 }] }] };
    for (let i = 0; i < 3; i++) createPod(cluster, `hp${i}`, hp);
    createPod(cluster, 'hp3', hp);
    cluster.drain();
    expect(pod(cluster, 'hp3').spec.nodeName).toBeUndefined();
    expect(eventsOf(cluster, 'hp3', 'FailedScheduling')[0]!.message).toBe(
      `0/4 nodes are available: ${CP_TAINT}, 3 node(s) didn't have free ports for the requested pod ports. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.`,
    );
  });

  it('leaves pods with spec.nodeName or another schedulerName alone', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'pinned', { nodeName: 'node-3' });
    createPod(cluster, 'other', { schedulerName: 'my-scheduler' });
    cluster.drain();
    expect(pod(cluster, 'pinned').spec.nodeName).toBe('node-3');
    expect(eventsOf(cluster, 'pinned', 'Scheduled')).toEqual([]);
    expect(pod(cluster, 'other').spec.nodeName).toBeUndefined();
    expect(eventsOf(cluster, 'other')).toEqual([]);
  });

  it('drops a waiting pod that is deleted', () => {
    const cluster = defaultCluster({ seed: 1 });
    createPod(cluster, 'ssd', { nodeSelector: { disk: 'ssd' } });
    cluster.drain();
    cluster.api.delete('Pod', 'default', 'ssd', 'test');
    cluster.advance(30_000);
    expect((cluster.scheduler.snapshot() as { state: { unschedulable: object } }).state.unschedulable).toEqual({});
  });
});
