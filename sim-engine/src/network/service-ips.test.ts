import { describe, it, expect } from 'vitest';
import type { Service } from '../api/service.ts';
import { Random } from '../random.ts';
import { Store } from '../store/store.ts';
import { allocateClusterIP, allocateNodePort, ipString, SERVICE_CIDR } from './service-ips.ts';

function service(name: string, clusterIP: string, nodePorts: number[] = []): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec: { clusterIP, ports: nodePorts.length ? nodePorts.map((nodePort, i) => ({ port: 80 + i, nodePort })) : [{ port: 80 }] },
  };
}

describe('service IP allocation', () => {
  it('uses kubeadm’s service range', () => {
    expect(SERVICE_CIDR).toBe('10.96.0.0/12');
  });

  it('formats addresses as dotted quads', () => {
    expect(ipString((10 << 24) | (96 << 16) | 1)).toBe('10.96.0.1');
    expect(ipString((10 << 24) | (111 << 16) | (255 << 8) | 254)).toBe('10.111.255.254');
  });

  it('picks ClusterIPs in the upper band and is deterministic per seed', () => {
    const store = new Store();
    const a = new Random(9);
    const b = new Random(9);
    for (let i = 0; i < 100; i++) {
      const ip = allocateClusterIP(store, a);
      expect(ip).toBe(allocateClusterIP(store, b));
      const [o1, o2, o3] = ip.split('.').map(Number) as [number, number, number];
      expect(o1).toBe(10);
      expect(o2 >= 96 && o2 <= 111).toBe(true);
      // Never in the low band 10.96.0.0-10.96.0.255.
      expect(o2 === 96 && o3 === 0).toBe(false);
    }
  });

  it('skips addresses that are taken', () => {
    const store = new Store();
    const first = allocateClusterIP(store, new Random(4));
    store.put(service('a', first));
    expect(allocateClusterIP(store, new Random(4))).not.toBe(first);
  });

  it('picks NodePorts in 30000-32767 that no service holds', () => {
    const store = new Store();
    const first = allocateNodePort(store, new Random(4), new Set());
    expect(first >= 30000 && first <= 32767).toBe(true);
    store.put(service('a', '10.100.0.1', [first]));
    const second = allocateNodePort(store, new Random(4), new Set());
    expect(second).not.toBe(first);
    expect(allocateNodePort(new Store(), new Random(4), new Set([first]))).not.toBe(first);
  });
});
