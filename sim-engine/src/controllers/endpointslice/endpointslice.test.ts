import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../api/endpoints.ts';
import type { Cluster } from '../../cluster.ts';
import { defaultCluster } from '../../scenario/default-cluster.ts';
import { Cluster as ClusterClass } from '../../cluster.ts';
import { advanceUntil, isReady, makePod, makeService, pod } from '../endpoints/testing.ts';
import { makeDeployment, scale } from '../testing.ts';

function slicesOf(c: Cluster, service: string): EndpointSlice[] {
  return c.api.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
}

describe('endpointslice controller', () => {
  it('names, labels and owns the slice as reference 7.6 shows', () => {
    const c = defaultCluster({ seed: 1 });
    const svc = makeService(c, 'web', { app: 'web' }, [{ port: 80 }], {}, 'default', { app: 'web' });
    makePod(c, 'web-1', { app: 'web' });
    c.advance(20_000);
    const [slice, ...more] = slicesOf(c, 'web');
    expect(more).toEqual([]);
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.generateName).toBe('web-');
    expect(slice!.metadata.labels).toEqual({
      app: 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      'kubernetes.io/service-name': 'web',
    });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const p = pod(c, 'web-1')!;
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(slice!.endpoints).toEqual([
      {
        addresses: [p.status!.podIP],
        conditions: { ready: true, serving: true, terminating: false },
        nodeName: p.spec.nodeName,
        targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: p.metadata.uid },
      },
    ]);
  });

  it('keeps one placeholder slice for a Service without endpoints, and fills that same slice later', () => {
    const c = defaultCluster({ seed: 2 });
    makeService(c, 'web', { app: 'web' });
    c.drain();
    const [placeholder] = slicesOf(c, 'web');
    expect(placeholder!.endpoints).toBeNull();
    expect(placeholder!.ports).toBeNull();
    makePod(c, 'web-1', { app: 'web' });
    c.advance(20_000);
    const slices = slicesOf(c, 'web');
    expect(slices.map((s) => s.metadata.name)).toEqual([placeholder!.metadata.name]);
    expect(slices[0]!.endpoints).toHaveLength(1);
  });

  it('marks not-ready and terminating endpoints, and keeps terminating ones until they are gone', () => {
    const c = defaultCluster({ seed: 3 });
    makeService(c, 'web', { app: 'web' });
    makePod(c, 'slow', { app: 'web' }, { image: 'busybox:1.36', command: ['sleep', '3600'] });
    makePod(c, 'probing', { app: 'web' }, { readinessProbe: { tcpSocket: { port: 81 } } });
    c.advance(20_000);
    const conditions = () => Object.fromEntries(slicesOf(c, 'web').flatMap((s) => s.endpoints ?? []).map((e) => [e.targetRef!.name, e.conditions]));
    expect(conditions()).toEqual({ slow: { ready: true, serving: true, terminating: false }, probing: { ready: false, serving: false, terminating: false } });
    c.api.delete('Pod', 'default', 'slow', 'test');
    c.drain();
    // busybox's sleep ignores SIGTERM, so the pod lingers for its 30 s grace period.
    expect(conditions().slow).toEqual({ ready: false, serving: true, terminating: true });
    c.advance(29_000);
    expect(conditions().slow?.terminating).toBe(true);
    c.advance(2_000);
    expect(conditions().slow).toBeUndefined();
  });

  it('splits endpoints whose named targetPort resolves differently into one slice per port', () => {
    const c = defaultCluster({ seed: 4 });
    makeService(c, 'api', { app: 'api' }, [{ name: 'web', port: 80, targetPort: 'http' }]);
    makePod(c, 'a', { app: 'api' }, { ports: [{ name: 'http', containerPort: 8080 }] });
    makePod(c, 'b', { app: 'api' }, { ports: [{ name: 'http', containerPort: 9090 }] });
    c.advance(20_000);
    const byPort = Object.fromEntries(slicesOf(c, 'api').map((s) => [s.ports![0]!.port, s.endpoints!.map((e) => e.targetRef!.name)]));
    expect(byPort).toEqual({ 8080: ['a'], 9090: ['b'] });
    expect(slicesOf(c, 'api')[0]!.ports![0]!.name).toBe('web');
  });

  it('leaves the slices to the garbage collector when the Service goes', () => {
    const c = defaultCluster({ seed: 5 });
    makeService(c, 'web', { app: 'web' });
    makePod(c, 'web-1', { app: 'web' });
    expect(advanceUntil(c, () => isReady(pod(c, 'web-1')))).toBe(true);
    expect(slicesOf(c, 'web')).toHaveLength(1);
    c.api.delete('Service', 'default', 'web', 'test');
    c.drain();
    expect(slicesOf(c, 'web')).toEqual([]);
    const deleted = c.api.audit.filter((a) => a.kind === 'EndpointSlice' && a.verb === 'delete');
    expect(deleted.at(-1)?.actor).toBe('generic-garbage-collector');
  });

  it('recreates a slice someone deleted', () => {
    const c = defaultCluster({ seed: 6 });
    makeService(c, 'web', { app: 'web' });
    c.drain();
    c.api.delete('EndpointSlice', 'default', slicesOf(c, 'web')[0]!.metadata.name!, 'test');
    c.drain();
    expect(slicesOf(c, 'web')).toHaveLength(1);
  });

  it('holds at most 100 endpoints per slice, each pod listed once', () => {
    const c = defaultCluster({ seed: 7 });
    makeService(c, 'web', { app: 'web' });
    c.api.create(makeDeployment('web', { replicas: 250 }), 'test');
    c.advance(60_000);
    const slices = slicesOf(c, 'web');
    expect(slices.map((s) => s.endpoints!.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    const listed = slices.flatMap((s) => s.endpoints!.map((e) => e.targetRef!.name));
    expect(new Set(listed).size).toBe(250);
    expect(slices.every((s) => s.endpoints!.every((e) => e.conditions.ready))).toBe(true);
  });

  it('rewrites only the slice that lists a changed pod, and refills it before making a new one', () => {
    const c = defaultCluster({ seed: 8 });
    makeService(c, 'web', { app: 'web' });
    c.api.create(makeDeployment('web', { replicas: 250 }), 'test');
    c.advance(60_000);
    const before = new Map(slicesOf(c, 'web').map((s) => [s.metadata.name!, s]));
    const full = slicesOf(c, 'web').find((s) => s.endpoints!.length === 100)!;
    const victim = full.endpoints![0]!.targetRef!.name;
    c.api.delete('Pod', 'default', victim, 'test');
    c.drain();
    // Terminating: still listed in place, no longer ready, in the same slice; the others are untouched.
    for (const s of slicesOf(c, 'web')) {
      if (s.metadata.name === full.metadata.name) expect(s.endpoints![0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
      else expect(s.metadata.resourceVersion).toBe(before.get(s.metadata.name!)!.metadata.resourceVersion);
    }
    c.advance(60_000);
    // Its replacement took the freed place in the slice being rewritten; no new slice was made.
    const after = slicesOf(c, 'web');
    expect(after.map((s) => s.metadata.name).sort()).toEqual([...before.keys()].sort());
    expect(after.find((s) => s.metadata.name === full.metadata.name)!.endpoints!.map((e) => e.targetRef!.name)).not.toContain(victim);
    expect(after.map((s) => s.endpoints!.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
  });

  it('ends with the same slices whether it worked through every change or starts over from the store', () => {
    const c = defaultCluster({ seed: 9 });
    makeService(c, 'web', { app: 'web' });
    c.api.create(makeDeployment('web', { replicas: 180 }), 'test');
    c.advance(60_000);
    scale(c, 'web', 60);
    c.advance(5_000);
    scale(c, 'web', 140);
    c.advance(60_000);
    const restored = ClusterClass.restore(c.snapshot());
    const writes = () => restored.api.audit.filter((a) => a.kind === 'EndpointSlice').length;
    const seen = writes();
    // A label on the Service makes the restored controller (which remembers nothing) look at everything again.
    const svc = restored.api.get<import('../../api/service.ts').Service>('Service', 'default', 'web');
    restored.api.update({ ...svc, metadata: { ...svc.metadata, annotations: { touched: 'yes' } } }, 'test');
    restored.drain();
    expect(writes()).toBe(seen);
    expect(slicesOf(restored, 'web')).toEqual(slicesOf(c, 'web'));
  });
});
