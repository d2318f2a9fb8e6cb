import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/pod.ts';
import { defaultCluster } from '../scenario/default-cluster.ts';
import { StatusError } from './errors.ts';

function pod(name: string, spec: Partial<Pod['spec']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25' }], ...spec } };
}

function refusal(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected the API server to refuse');
}

describe('priority admission', () => {
  it('gives a pod its class priority, and 0 without a class', () => {
    const c = defaultCluster({ seed: 1 });
    expect(c.api.create(pod('critical', { priorityClassName: 'system-cluster-critical' }), 'test').spec.priority).toBe(2_000_000_000);
    expect(c.api.create(pod('node', { priorityClassName: 'system-node-critical' }), 'test').spec.priority).toBe(2_000_001_000);
    expect(c.api.create(pod('plain'), 'test').spec.priority).toBe(0);
    // The system pods of the default cluster carry theirs, as on a kubeadm cluster.
    const coredns = c.api.list<Pod>('Pod', 'kube-system').find((p) => p.metadata.name!.startsWith('coredns-'))!;
    expect(coredns.spec.priority).toBe(2_000_000_000);
  });

  it('refuses a class the cluster does not have, and a priority that is not the class one', () => {
    const c = defaultCluster({ seed: 1 });
    const unknown = refusal(() => c.api.create(pod('web', { priorityClassName: 'high' }), 'test'));
    expect([unknown.reason, unknown.message]).toEqual(['Forbidden', 'pods "web" is forbidden: no PriorityClass with name high was found']);
    const own = refusal(() => c.api.create(pod('web', { priority: 5 }), 'test'));
    expect(own.message).toBe('pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name');
    expect(c.api.create(pod('web', { priority: 0 }), 'test').spec.priority).toBe(0);
  });
});
