import { describe, it, expect } from 'vitest';
import type { Node } from './api/node.ts';
import type { Pod, PodSpec } from './api/pod.ts';
import type { Service } from './api/service.ts';
import { Cluster, DEFAULT_START, SNAPSHOT_VERSION, type ClusterSnapshot } from './cluster.ts';
import { defaultCluster } from './scenario/default-cluster.ts';

function createPod(cluster: Cluster, name: string, image: string, spec: Partial<PodSpec> = {}, command?: string[]): void {
  cluster.api.create<Pod>(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'app', image, ...(command ? { command } : {}) }], ...spec } },
    'learner',
  );
}

function cordon(cluster: Cluster, node: string, unschedulable: boolean): void {
  const n = cluster.api.get<Node>('Node', '', node);
  cluster.api.update({ ...n, spec: { ...n.spec, unschedulable } }, 'learner');
}

/** SCRIPT is a learner's session: each step acts on the cluster; time passes between steps. */
const SCRIPT: ((c: Cluster) => void)[] = [
  (c) => createPod(c, 'web', 'nginx'),
  (c) => createPod(c, 'pinned', 'nginx:1.25', { nodeSelector: { 'kubernetes.io/hostname': 'node-2' } }),
  (c) => createPod(c, 'bad', 'nginx:doesnotexist'),
  (c) => createPod(c, 'crasher', 'busybox:1.36', {}, ['sh', '-c', 'exit 1']),
  (c) => createPod(c, 'ssd', 'redis:7', { nodeSelector: { disk: 'ssd' } }),
  (c) => c.api.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80 }] } }, 'learner'),
  (c) => c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }, 'learner'),
  (c) => cordon(c, 'node-1', true),
  (c) => createPod(c, 'job', 'busybox:1.36', { restartPolicy: 'Never' }, ['sleep', '5']),
  (c) => c.api.delete('Pod', 'default', 'web', 'learner'),
  (c) => createPod(c, 'sleepy', 'busybox:1.36', {}, ['sleep', '3600']),
  (c) => {
    const n = c.api.get<Node>('Node', '', 'node-3');
    c.api.update({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata.labels, disk: 'ssd' } } }, 'learner');
  },
  (c) => c.api.delete('Pod', 'default', 'sleepy', 'learner'),
  (c) => cordon(c, 'node-1', false),
  (c) => createPod(c, 'web', 'nginx'),
  (c) => c.api.delete('Pod', 'default', 'bad', 'learner', { gracePeriodSeconds: 0 }),
];
const GAPS = [0, 400, 1_000, 2_500, 7_000, 13, 30_000, 999, 61_000, 250];

function play(cluster: Cluster, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    SCRIPT[i]!(cluster);
    cluster.advance(GAPS[i % GAPS.length]!);
  }
}

function json(cluster: Cluster): string {
  return JSON.stringify(cluster.snapshot());
}

describe('Cluster determinism', () => {
  it('produces byte-identical snapshots for the same seed and operations', () => {
    const a = defaultCluster({ seed: 42 });
    const b = defaultCluster({ seed: 42 });
    expect(json(a)).toBe(json(b));
    play(a, 0, SCRIPT.length);
    play(b, 0, SCRIPT.length);
    a.advance(10 * 60_000);
    b.advance(10 * 60_000);
    expect(json(a)).toBe(json(b));
  });

  it('differs for another seed', () => {
    const a = defaultCluster({ seed: 42 });
    const b = defaultCluster({ seed: 43 });
    play(a, 0, 5);
    play(b, 0, 5);
    expect(json(a)).not.toBe(json(b));
  });

  it('is not changed by taking a snapshot', () => {
    const a = defaultCluster({ seed: 5 });
    const b = defaultCluster({ seed: 5 });
    for (let i = 0; i < SCRIPT.length; i++) {
      SCRIPT[i]!(a);
      SCRIPT[i]!(b);
      a.snapshot();
      a.advance(GAPS[i % GAPS.length]!);
      b.advance(GAPS[i % GAPS.length]!);
    }
    expect(json(a)).toBe(json(b));
  });

  it('is independent of how time is advanced (one jump or many small steps)', () => {
    const a = defaultCluster({ seed: 9 });
    const b = defaultCluster({ seed: 9 });
    play(a, 0, 5);
    play(b, 0, 5);
    a.advance(120_000);
    for (let i = 0; i < 1200; i++) b.advance(100);
    expect(json(a)).toBe(json(b));
    const c = defaultCluster({ seed: 9 });
    play(c, 0, 5);
    c.advanceTo(c.now() + 120_000);
    expect(json(c)).toBe(json(a));
  });
});

describe('Cluster snapshot and restore', () => {
  it('continues after restore exactly as it would have without interruption', () => {
    for (let cut = 0; cut <= SCRIPT.length; cut += 3) {
      const straight = defaultCluster({ seed: 11 });
      play(straight, 0, SCRIPT.length);
      straight.advance(15 * 60_000);

      const first = defaultCluster({ seed: 11 });
      play(first, 0, cut);
      const snap = JSON.parse(JSON.stringify(first.snapshot())) as ClusterSnapshot;
      const resumed = Cluster.restore(snap);
      expect(json(resumed), `restored at step ${cut}`).toBe(JSON.stringify(snap));
      play(resumed, cut, SCRIPT.length);
      resumed.advance(15 * 60_000);
      expect(json(resumed), `restored at step ${cut}`).toBe(json(straight));
    }
  });

  it('restores mid-grace-period and mid-back-off', () => {
    const straight = defaultCluster({ seed: 3 });
    const first = defaultCluster({ seed: 3 });
    for (const c of [straight, first]) {
      play(c, 0, 13);
      c.advance(12_345);
    }
    const resumed = Cluster.restore(first.snapshot());
    expect(resumed.nextTimerAt()).toBe(straight.nextTimerAt());
    straight.advance(700_000);
    resumed.advance(700_000);
    expect(json(resumed)).toBe(json(straight));
  });

  it('keeps kubelet state: images already pulled stay present after restore', () => {
    const c = defaultCluster({ seed: 1 });
    createPod(c, 'a', 'nginx:1.25', { nodeSelector: { 'kubernetes.io/hostname': 'node-1' } });
    c.advance(5000);
    const r = Cluster.restore(c.snapshot());
    expect(r.kubeletFor('node-1')!.hasImage('docker.io/library/nginx:1.25')).toBe(true);
    expect(r.nodes().map((n) => n.metadata.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    expect(r.now()).toBe(c.now());
  });

  it('gives a plain-JSON snapshot that does not alias the live cluster', () => {
    const c = defaultCluster({ seed: 1 });
    const snap = c.snapshot();
    expect(snap.version).toBe(SNAPSHOT_VERSION);
    const before = JSON.stringify(snap);
    createPod(c, 'a', 'nginx');
    c.advance(5000);
    expect(JSON.stringify(snap)).toBe(before);
    // Restoring twice from one snapshot gives two independent clusters.
    const r1 = Cluster.restore(snap);
    const r2 = Cluster.restore(snap);
    createPod(r1, 'only-in-r1', 'nginx');
    expect(r2.api.tryGet('Pod', 'default', 'only-in-r1')).toBeUndefined();
    expect(JSON.stringify(snap)).toBe(before);
  });

  it('refuses snapshots of another version', () => {
    const snap = defaultCluster({ seed: 1 }).snapshot();
    expect(() => Cluster.restore({ ...snap, version: SNAPSHOT_VERSION + 1 })).toThrow(`unsupported snapshot version ${SNAPSHOT_VERSION + 1} (expected ${SNAPSHOT_VERSION})`);
  });
});

describe('Cluster time', () => {
  it('starts at the default start time and only moves when advanced', () => {
    const c = defaultCluster({ seed: 1 });
    expect(c.now()).toBe(DEFAULT_START);
    createPod(c, 'a', 'nginx');
    c.drain();
    expect(c.now()).toBe(DEFAULT_START);
    c.advance(1500);
    expect(c.now()).toBe(DEFAULT_START + 1500);
    c.advanceTo(DEFAULT_START);
    expect(c.now()).toBe(DEFAULT_START + 1500);
  });

  it('runUntilIdle stops when nothing more is scheduled', () => {
    const c = defaultCluster({ seed: 1 });
    expect(c.nextTimerAt()).toBeUndefined();
    createPod(c, 'a', 'nginx');
    c.drain();
    expect(c.nextTimerAt()).toBeDefined();
    const t = c.runUntilIdle();
    expect(c.nextTimerAt()).toBeUndefined();
    expect(t - DEFAULT_START).toBeLessThan(5000);
    expect(c.api.get<Pod>('Pod', 'default', 'a').status?.phase).toBe('Running');
  });

  it('runUntilIdle gives up at its limit on a cluster that never settles', () => {
    const c = defaultCluster({ seed: 1 });
    createPod(c, 'crasher', 'busybox:1.36', {}, ['sh', '-c', 'exit 1']);
    const t = c.runUntilIdle(60_000);
    expect(t - DEFAULT_START).toBeLessThanOrEqual(60_000);
    expect(c.nextTimerAt()).toBeDefined();
  });
});
