import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints } from '../../api/endpoints.ts';
import type { Cluster } from '../../cluster.ts';
import { createCluster, defaultCluster } from '../../scenario/default-cluster.ts';
import { makeDeployment, scale } from '../testing.ts';
import { truncateSubsets } from './subsets.ts';
import { advanceUntil, countWrites, isReady, makePod, makeService, pod } from './testing.ts';

function endpoints(cluster: Cluster, name: string, namespace = 'default'): Endpoints | undefined {
  return cluster.api.tryGet<Endpoints>('Endpoints', namespace, name);
}

/** ips lists the ready and not-ready addresses of an Endpoints object. */
function ips(ep: Endpoints | undefined): { ready: string[]; notReady: string[] } {
  return {
    ready: (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)),
    notReady: (ep?.subsets ?? []).flatMap((s) => (s.notReadyAddresses ?? []).map((a) => a.ip)),
  };
}

describe('endpoints controller', () => {
  it('creates an empty Endpoints object, with the Service labels, as soon as the Service exists', () => {
    const c = defaultCluster({ seed: 1 });
    makeService(c, 'web', { app: 'web' }, [{ port: 80 }], {}, 'default', { app: 'web', tier: 'front' });
    c.drain();
    const ep = endpoints(c, 'web')!;
    expect(ep.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(ep.subsets).toBeUndefined();
  });

  it('follows pods as they come, become ready and go', () => {
    const c = defaultCluster({ seed: 2 });
    makeService(c, 'web', { app: 'web' });
    makePod(c, 'web-1', { app: 'web' });
    makePod(c, 'other', { app: 'db' });
    c.drain();
    // Scheduled but no sandbox yet: no IP, not listed at all.
    expect(ips(endpoints(c, 'web'))).toEqual({ ready: [], notReady: [] });
    expect(advanceUntil(c, () => !!pod(c, 'web-1')?.status?.podIP)).toBe(true);
    const ip = pod(c, 'web-1')!.status!.podIP!;
    expect(isReady(pod(c, 'web-1'))).toBe(false);
    expect(ips(endpoints(c, 'web'))).toEqual({ ready: [], notReady: [ip] });
    expect(advanceUntil(c, () => isReady(pod(c, 'web-1')))).toBe(true);
    const ep = endpoints(c, 'web')!;
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip, nodeName: pod(c, 'web-1')!.spec.nodeName, targetRef: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: pod(c, 'web-1')!.metadata.uid } }],
        ports: [{ port: 80, protocol: 'TCP' }],
      },
    ]);
    // Terminating pods leave the Endpoints at once, well before they are gone.
    c.api.delete('Pod', 'default', 'web-1', 'test');
    c.drain();
    expect(pod(c, 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(ips(endpoints(c, 'web'))).toEqual({ ready: [], notReady: [] });
    c.advance(60_000);
    expect(pod(c, 'web-1')).toBeUndefined();
    expect(endpoints(c, 'web')!.subsets).toBeUndefined();
  });

  it('lists running pods that never turn Ready under notReadyAddresses', () => {
    const c = defaultCluster({ seed: 3 });
    makeService(c, 'web', { app: 'web' });
    makePod(c, 'ready', { app: 'web' });
    makePod(c, 'probing', { app: 'web' }, { readinessProbe: { httpGet: { path: '/healthz', port: 80 } } });
    c.advance(20_000);
    expect(pod(c, 'probing')!.status?.phase).toBe('Running');
    expect(ips(endpoints(c, 'web'))).toEqual({ ready: [pod(c, 'ready')!.status!.podIP], notReady: [pod(c, 'probing')!.status!.podIP] });
  });

  it('resolves a named targetPort per pod and leaves out pods without that port', () => {
    const c = defaultCluster({ seed: 4 });
    makeService(c, 'api', { app: 'api' }, [{ name: 'web', port: 80, targetPort: 'http' }]);
    makePod(c, 'a', { app: 'api' }, { ports: [{ name: 'http', containerPort: 8080 }] });
    makePod(c, 'b', { app: 'api' }, { ports: [{ name: 'http', containerPort: 9090 }] });
    makePod(c, 'c', { app: 'api' }, { ports: [{ name: 'metrics', containerPort: 9100 }] });
    c.advance(20_000);
    const ep = endpoints(c, 'api')!;
    const byPort = Object.fromEntries(ep.subsets!.map((s) => [s.ports![0]!.port, s.addresses!.map((a) => a.targetRef!.name)]));
    expect(byPort).toEqual({ 8080: ['a'], 9090: ['b'] });
    expect(ep.subsets![0]!.ports![0]).toMatchObject({ name: 'web', protocol: 'TCP' });
  });

  it('groups ports that the same pods offer into one subset', () => {
    const c = defaultCluster({ seed: 5 });
    makeService(c, 'web', { app: 'web' }, [
      { name: 'http', port: 80 },
      { name: 'https', port: 443, targetPort: 8443 },
    ]);
    makePod(c, 'w1', { app: 'web' });
    makePod(c, 'w2', { app: 'web' });
    c.advance(20_000);
    const ep = endpoints(c, 'web')!;
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets![0]!.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP' },
      { name: 'https', port: 8443, protocol: 'TCP' },
    ]);
    const addrs = ep.subsets![0]!.addresses!.map((a) => a.ip);
    expect(addrs).toEqual([...addrs].sort());
  });

  it('leaves a selectorless Service to its user, and deletes the Endpoints with the Service', () => {
    const c = defaultCluster({ seed: 6 });
    makeService(c, 'external', undefined, [{ port: 5432 }]);
    c.api.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external' }, subsets: [{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }] }, 'test');
    makeService(c, 'web', { app: 'web' });
    c.advance(5_000);
    expect(endpoints(c, 'external')!.subsets![0]!.addresses![0]!.ip).toBe('192.168.1.10');
    c.api.delete('Service', 'default', 'web', 'test');
    c.drain();
    expect(endpoints(c, 'web')).toBeUndefined();
  });

  it('keeps hand-written Endpoints created before their Service', () => {
    const c = defaultCluster({ seed: 10 });
    c.api.create<Endpoints>({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'db' }, subsets: [{ addresses: [{ ip: '192.168.1.20' }], ports: [{ port: 5432 }] }] }, 'test');
    c.drain();
    makeService(c, 'db', undefined, [{ port: 5432 }]);
    c.advance(1_000);
    expect(endpoints(c, 'db')?.subsets?.[0]?.addresses?.[0]?.ip).toBe('192.168.1.20');
  });

  it('puts back an Endpoints object someone deleted', () => {
    const c = defaultCluster({ seed: 7 });
    makeService(c, 'web', { app: 'web' });
    c.drain();
    c.api.delete('Endpoints', 'default', 'web', 'test');
    c.drain();
    expect(endpoints(c, 'web')).toBeDefined();
  });

  it('writes nothing while nothing that matters changes (no write storms)', () => {
    const c = defaultCluster({ seed: 8 });
    makeService(c, 'web', { app: 'web' });
    makePod(c, 'web-1', { app: 'web' });
    makePod(c, 'web-2', { app: 'web' });
    // A crash-looping pod outside the selector keeps the kubelet writing pod statuses.
    makePod(c, 'crasher', { app: 'crash' }, { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] });
    c.advance(30_000);
    const epWrites = countWrites(c, 'Endpoints');
    const sliceWrites = countWrites(c, 'EndpointSlice');
    const podWrites = countWrites(c, 'Pod');
    c.advance(15 * 60_000);
    expect(podWrites()).toBeGreaterThan(5);
    expect(epWrites()).toBe(0);
    expect(sliceWrites()).toBe(0);
  });

  it('publishes the API server behind the kubernetes Service, as the API server does', () => {
    const c = defaultCluster({ seed: 9 });
    const ep = endpoints(c, 'kubernetes')!;
    expect(ep.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const slice = c.api.get<EndpointSlice>('EndpointSlice', 'default', 'kubernetes');
    expect(slice.metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
    expect(slice.endpoints).toEqual([{ addresses: ['172.18.0.2'], conditions: { ready: true } }]);
    expect(slice.ports).toEqual([{ name: 'https', port: 6443, protocol: 'TCP' }]);
    expect(c.api.audit.filter((a) => a.kind === 'Endpoints' && a.name === 'kubernetes').every((a) => a.actor === 'kube-apiserver')).toBe(true);
    c.api.delete('Endpoints', 'default', 'kubernetes', 'test');
    c.drain();
    expect(endpoints(c, 'kubernetes')!.subsets![0]!.addresses![0]!.ip).toBe('172.18.0.2');
  });

  it('lists at most 1,000 addresses and says so with the over-capacity annotation', () => {
    const workers = Array.from({ length: 12 }, (_, i) => ({
      name: `node-${i + 1}`,
      role: 'worker' as const,
      internalIP: `172.18.0.${i + 3}`,
      podCIDR: `10.244.${i + 1}.0/24`,
    }));
    const c = createCluster(workers, { seed: 10 });
    makeService(c, 'web', { app: 'web' });
    c.api.create(makeDeployment('web', { replicas: 1100 }), 'test');
    c.advance(90_000);
    const full = endpoints(c, 'web')!;
    expect(ips(full).ready).toHaveLength(1000);
    expect(ips(full).notReady).toHaveLength(0);
    expect(full.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
    scale(c, 'web', 900);
    c.advance(60_000);
    const back = endpoints(c, 'web')!;
    expect(ips(back).ready).toHaveLength(900);
    expect(back.metadata.annotations).toBeUndefined();
  });

  it('truncates as the real controller does: ready first, each subset its share rounded up', () => {
    const addr = (i: number) => ({ ip: `10.244.0.${i}` });
    const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => addr(from + i));
    // 1,200 ready over two subsets (900 + 300): shares of 1,000 are 750 and 250; not-ready ones all go.
    const cut = truncateSubsets([
      { addresses: many(900), notReadyAddresses: many(5), ports: [{ port: 80, protocol: 'TCP' }] },
      { addresses: many(300), ports: [{ port: 81, protocol: 'TCP' }] },
    ])!;
    expect(cut.map((s) => [s.addresses?.length ?? 0, s.notReadyAddresses?.length ?? 0])).toEqual([[750, 0], [250, 0]]);
    // 600 ready and 700 not ready: the ready stay, the 400 places left go to the not-ready by share.
    const some = truncateSubsets([{ addresses: many(600), notReadyAddresses: many(700), ports: [{ port: 80, protocol: 'TCP' }] }])!;
    expect(some.map((s) => [s.addresses?.length ?? 0, s.notReadyAddresses?.length ?? 0])).toEqual([[600, 400]]);
    expect(truncateSubsets([{ addresses: many(1000), ports: [{ port: 80, protocol: 'TCP' }] }])).toBeUndefined();
  });
});
