/**
 * Service IP and NodePort allocation. Like the real allocator, dynamic ClusterIPs come from
 * the upper part of the range (the lowest 256 addresses are kept for explicit requests), so
 * they look like 10.104.17.201 rather than 10.96.0.7. What is taken is read from the store.
 */
import type { Service } from '../api/service.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';

/** SERVICE_CIDR is the cluster's service range, kubeadm's default. */
export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
const LOW_BAND = 256;

/** allocateClusterIP picks a free ClusterIP from the upper band of the service range. */
export function allocateClusterIP(store: Store, random: Random): string {
  const taken = new Set((store.list('Service') as Service[]).map((s) => s.spec.clusterIP));
  for (;;) {
    const offset = LOW_BAND + random.int(SIZE - LOW_BAND - 1);
    const ip = ipString(BASE + offset);
    if (!taken.has(ip)) return ip;
  }
}

/** allocateNodePort picks a free port in 30000–32767. */
export function allocateNodePort(store: Store, random: Random, alsoTaken: Set<number>): number {
  const taken = new Set((store.list('Service') as Service[]).flatMap((s) => (s.spec.ports ?? []).map((p) => p.nodePort)));
  for (;;) {
    const port = 30000 + random.int(2768);
    if (!taken.has(port) && !alsoTaken.has(port)) return port;
  }
}

/** ipString formats a 32-bit address as dotted quads. */
export function ipString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
