/** Test helpers for the Service, namespace, garbage-collection and node tests: small object builders. */
import type { Container, Pod, PodSpec } from '../../api/pod.ts';
import type { Service, ServicePort } from '../../api/service.ts';
import type { Cluster } from '../../cluster.ts';

/** makePod creates a pod with labels and one container (nginx:1.25 unless told otherwise). */
export function makePod(cluster: Cluster, name: string, labels: Record<string, string>, container: Partial<Container> = {}, spec: Partial<PodSpec> = {}, namespace = 'default'): Pod {
  return cluster.api.create<Pod>(
    { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25', ...container }], ...spec } },
    'test',
  );
}

/** makeService creates a Service selecting `selector` (no selector when undefined). */
export function makeService(cluster: Cluster, name: string, selector: Record<string, string> | undefined, ports: ServicePort[] = [{ port: 80 }], extra: Partial<Service['spec']> = {}, namespace = 'default', labels?: Record<string, string>): Service {
  return cluster.api.create<Service>(
    { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, ...(labels ? { labels } : {}) }, spec: { ...(selector ? { selector } : {}), ports, ...extra } },
    'test',
  );
}

/** pod reads a pod back (undefined once it is gone). */
export function pod(cluster: Cluster, name: string, namespace = 'default'): Pod | undefined {
  return cluster.api.tryGet<Pod>('Pod', namespace, name);
}

/** isReady tells whether a pod's Ready condition is True. */
export function isReady(p: Pod | undefined): boolean {
  return p?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** advanceUntil steps time in small increments until `done` holds (or the limit passes); it returns whether it held. */
export function advanceUntil(cluster: Cluster, done: () => boolean, limitMs = 60_000, stepMs = 100): boolean {
  for (let t = 0; t <= limitMs; t += stepMs) {
    cluster.drain();
    if (done()) return true;
    cluster.advance(stepMs);
  }
  return done();
}

/** countWrites counts every stored change of a kind from now on; call the result to read the count. */
export function countWrites(cluster: Cluster, kind: string): () => number {
  let n = 0;
  cluster.store.watch(kind, () => n++);
  return () => n;
}
