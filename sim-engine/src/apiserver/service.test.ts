import { describe, it, expect } from 'vitest';
import type { Service } from '../api/service.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { StatusError } from './errors.ts';

function svc(name: string, spec: Service['spec'] = { selector: { app: name }, ports: [{ port: 80 }] }): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec };
}

function caught(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

function ipNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

const SERVICE_BASE = ipNumber('10.96.0.0');
const SERVICE_SIZE = 2 ** 20;

describe('services', () => {
  it('defaults a minimal ClusterIP service as reference 7.1/7.6', () => {
    const cluster = defaultCluster({ seed: 1 });
    const s = cluster.api.create(svc('web'), 'test');
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(JSON.parse(JSON.stringify(s.spec))).toEqual({
      clusterIP: s.spec.clusterIP,
      clusterIPs: [s.spec.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(s.status).toEqual({ loadBalancer: {} });
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
  });

  it('allocates distinct ClusterIPs inside 10.96.0.0/12, above the low band', () => {
    const cluster = defaultCluster({ seed: 3 });
    const ips = new Set<string>(['10.96.0.1']);
    for (let i = 0; i < 200; i++) {
      const ip = cluster.api.create(svc(`s${i}`), 'test').spec.clusterIP!;
      const offset = ipNumber(ip) - SERVICE_BASE;
      expect(offset, ip).toBeGreaterThanOrEqual(256);
      expect(offset, ip).toBeLessThan(SERVICE_SIZE - 1);
      expect(ips.has(ip), ip).toBe(false);
      ips.add(ip);
    }
  });

  it('keeps an explicitly requested ClusterIP, including headless None', () => {
    const cluster = defaultCluster({ seed: 1 });
    expect(cluster.api.create(svc('dns', { clusterIP: '10.96.0.10', ports: [{ port: 53 }] }), 'test').spec.clusterIPs).toEqual(['10.96.0.10']);
    expect(cluster.api.create(svc('headless', { clusterIP: 'None', ports: [{ port: 80 }] }), 'test').spec.clusterIP).toBe('None');
  });

  it('gives NodePort services a nodePort per port in 30000-32767 and externalTrafficPolicy Cluster', () => {
    const cluster = defaultCluster({ seed: 5 });
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const s = cluster.api.create(
        svc(`np${i}`, { type: 'NodePort', selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }),
        'test',
      );
      expect(s.spec.externalTrafficPolicy).toBe('Cluster');
      for (const p of s.spec.ports!) {
        expect(p.nodePort).toBeGreaterThanOrEqual(30000);
        expect(p.nodePort).toBeLessThanOrEqual(32767);
        expect(seen.has(p.nodePort!)).toBe(false);
        seen.add(p.nodePort!);
      }
    }
  });

  it('keeps a requested nodePort and refuses one that is already allocated', () => {
    const cluster = defaultCluster({ seed: 1 });
    const first = cluster.api.create(svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), 'test');
    expect(first.spec.ports![0]!.nodePort).toBe(30080);
    const err = caught(() => cluster.api.create(svc('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), 'test'));
    expect(err.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
    // Updating the owner of the port is not a clash with itself.
    const again = cluster.api.update({ ...first, metadata: { ...first.metadata, labels: { x: 'y' } } }, 'test');
    expect(again.spec.ports![0]!.nodePort).toBe(30080);
  });

  it('validates ports with the exact messages', () => {
    const cluster = defaultCluster({ seed: 1 });
    expect(caught(() => cluster.api.create(svc('a', { ports: [{ port: 70000 }] }), 'test')).message).toBe(
      'Service "a" is invalid: spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    );
    expect(caught(() => cluster.api.create(svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }), 'test')).message).toBe(
      'Service "a" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    expect(caught(() => cluster.api.create(svc('a', { ports: [{ port: 80 }, { port: 443 }] }), 'test')).message).toBe(
      'Service "a" is invalid: [spec.ports[0].name: Required value, spec.ports[1].name: Required value]',
    );
    expect(caught(() => cluster.api.create(svc('a', { selector: { app: 'a' } }), 'test')).message).toBe('Service "a" is invalid: spec.ports: Required value');
  });

  it('has the kubernetes service at 10.96.0.1', () => {
    const cluster = defaultCluster({ seed: 1 });
    const k = cluster.api.get<Service>('Service', 'default', 'kubernetes');
    expect(k.spec.clusterIP).toBe('10.96.0.1');
    expect(k.spec.clusterIPs).toEqual(['10.96.0.1']);
    expect(k.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(k.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]);
  });
});
