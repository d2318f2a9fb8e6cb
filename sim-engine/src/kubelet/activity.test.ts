import { describe, expect, it } from 'vitest';
import type { Event } from '../api/event.ts';
import type { Container, Pod } from '../api/pod.ts';
import { Cluster } from '../cluster.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';

function createPod(c: Cluster, name: string, container: Partial<Container>, restartPolicy?: 'Always' | 'Never'): void {
  c.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27', ...container }], ...(restartPolicy ? { restartPolicy } : {}) } }, 'test');
  c.drain();
}

const pod = (c: Cluster, name: string) => c.api.get<Pod>('Pod', 'default', name);
const status = (c: Cluster, name: string) => pod(c, name).status!.containerStatuses![0]!;
const events = (c: Cluster, name: string, reason: string) =>
  c.api.list<Event>('Event', 'default').filter((e) => e.involvedObject.name === name && e.reason === reason).map((e) => `${e.message} (x${e.count})`);
const logs = (c: Cluster, name: string) => {
  const p = pod(c, name);
  return c.kubeletFor(p.spec.nodeName!)!.logs(p.metadata.uid!, 'main')!;
};

describe('probes', () => {
  it('keeps a container unready while its readiness probe fails, and the pod out of Ready', () => {
    const c = defaultCluster({ seed: 11 });
    createPod(c, 'web', { readinessProbe: { httpGet: { path: '/missing', port: 80 } } });
    c.advance(25_000);
    expect(status(c, 'web')).toMatchObject({ ready: false, started: true, restartCount: 0 });
    expect(pod(c, 'web').status!.conditions!.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    expect(events(c, 'web', 'Unhealthy')).toEqual(['Readiness probe failed: HTTP probe failed with statuscode: 404 (x3)']);
  });

  it('makes a container ready once its probe passes successThreshold times in a row', () => {
    const c = defaultCluster({ seed: 12 });
    createPod(c, 'web', { readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 2, periodSeconds: 3 } });
    c.advance(2_500);
    expect(status(c, 'web').ready).toBe(false);
    c.advance(3_000);
    expect(status(c, 'web').ready).toBe(true);
  });

  it('kills and restarts a container that fails its liveness probe failureThreshold times', () => {
    const c = defaultCluster({ seed: 13 });
    createPod(c, 'web', { livenessProbe: { tcpSocket: { port: 8081 }, periodSeconds: 5, failureThreshold: 2 } });
    c.advance(3_000);
    const ip = pod(c, 'web').status!.podIP;
    c.advance(9_000);
    expect(status(c, 'web').restartCount).toBe(1);
    // nginx shuts down on SIGTERM, so the killed container exits 0.
    expect(status(c, 'web').lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(events(c, 'web', 'Killing')).toEqual(['Container main failed liveness probe, will be restarted (x1)']);
    // Two failures killed the first container; its replacement has been probed once since.
    expect(events(c, 'web', 'Unhealthy')).toEqual([`Liveness probe failed: dial tcp ${ip}:8081: connect: connection refused (x3)`]);
  });

  it('kills a shell that ignores SIGTERM after the grace period, with exit code 137', () => {
    const c = defaultCluster({ seed: 14 });
    createPod(c, 'sh', { image: 'busybox:1.36', command: ['sleep', '3600'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 1 } }, 'Never');
    c.advance(40_000);
    expect(status(c, 'sh').state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(pod(c, 'sh').status!.phase).toBe('Failed');
    expect(events(c, 'sh', 'Killing')).toEqual(['Container main failed liveness probe (x1)']);
    expect(events(c, 'sh', 'Unhealthy')).toEqual(["Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory (x1)"]);
  });

  it('holds readiness and liveness back until the startup probe passes', () => {
    const c = defaultCluster({ seed: 15 });
    createPod(c, 'slow', { image: 'wheelhouse/hello:v1', startupProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 20 }, livenessProbe: { tcpSocket: { port: 9 } } });
    c.advance(15_000);
    expect(status(c, 'slow')).toMatchObject({ started: false, ready: false });
    expect(events(c, 'slow', 'Unhealthy')).toEqual([]);
    c.advance(10_000);
    expect(status(c, 'slow')).toMatchObject({ started: true, ready: true });
    expect(events(c, 'slow', 'Unhealthy')).toHaveLength(1);
  });

  it('throws away errored probes: a named port the container does not declare', () => {
    const c = defaultCluster({ seed: 16 });
    createPod(c, 'web', { livenessProbe: { httpGet: { path: '/', port: 'web' }, periodSeconds: 1 } });
    c.advance(10_000);
    expect(status(c, 'web').restartCount).toBe(0);
    expect(events(c, 'web', 'Unhealthy')[0]).toMatch(/^Liveness probe errored: port web not found/);
  });
});

describe('container scripts', () => {
  it('advance on the cluster clock and write timed log lines', () => {
    const c = defaultCluster({ seed: 17 });
    createPod(c, 'loop', { image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo "up $(hostname)"; sleep 10; done'] });
    c.advance(35_000);
    expect(logs(c, 'loop')).toEqual(['up loop', 'up loop', 'up loop', 'up loop']);
    const p = pod(c, 'loop');
    const times = c.kubeletFor(p.spec.nodeName!)!.logTimes(p.metadata.uid!, 'main')!;
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([10_000, 10_000, 10_000]);
  });

  it('continue identically after a snapshot and restore', () => {
    const a = defaultCluster({ seed: 18 });
    createPod(a, 'loop', { image: 'busybox:1.36', command: ['sh', '-c', 'i=0; while [ $i -lt 50 ]; do i=$((i+1)); echo "n=$i $(date)"; sleep 3; done'] });
    createPod(a, 'web', { readinessProbe: { httpGet: { path: '/', port: 80 } }, livenessProbe: { httpGet: { path: '/nope', port: 80 }, periodSeconds: 4 } });
    a.advance(17_000);
    const b = Cluster.restore(JSON.parse(JSON.stringify(a.snapshot())));
    a.advance(60_000);
    b.advance(60_000);
    expect(JSON.stringify(b.snapshot())).toBe(JSON.stringify(a.snapshot()));
    expect(logs(b, 'loop')).toEqual(logs(a, 'loop'));
    expect(logs(a, 'loop').length).toBeGreaterThan(20);
  });

  it('treats a loop without sleep as a busy container, not a hang', () => {
    const c = defaultCluster({ seed: 19 });
    createPod(c, 'spin', { image: 'busybox:1.36', command: ['sh', '-c', 'while true; do :; done'] });
    c.advance(5_000);
    expect(status(c, 'spin').state.running).toBeDefined();
  });
});
