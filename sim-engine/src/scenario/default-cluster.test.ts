import { describe, it, expect } from 'vitest';
import type { Deployment } from '../api/apps.ts';
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import { DEFAULT_START } from '../cluster.ts';
import { CLUSTER_AGE_MS, defaultCluster } from './default-cluster.ts';

describe('defaultCluster', () => {
  it('opens at the default start time with nothing pending for the learner', () => {
    const c = defaultCluster({ seed: 1 });
    expect(c.now()).toBe(DEFAULT_START);
    expect(c.api.list<Pod>('Pod', 'default')).toEqual([]);
  });

  it('has one tainted control plane and three Ready workers with their own /24s', () => {
    const c = defaultCluster({ seed: 1 });
    const nodes = c.nodes();
    expect(nodes.map((n) => n.metadata.name)).toEqual(['control-plane', 'node-1', 'node-2', 'node-3']);
    const cp = nodes[0]!;
    expect(cp.spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
    expect(cp.metadata.labels?.['node-role.kubernetes.io/control-plane']).toBe('');
    for (const [i, n] of nodes.entries()) {
      expect(n.spec.podCIDR).toBe(`10.244.${i}.0/24`);
      expect(n.spec.podCIDRs).toEqual([`10.244.${i}.0/24`]);
      expect(n.status?.addresses?.[0]).toEqual({ type: 'InternalIP', address: `172.18.0.${i + 2}` });
      expect(n.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
      expect(n.status?.nodeInfo?.kubeletVersion).toBe('v1.32.2');
      expect(n.spec.unschedulable).toBeUndefined();
      if (i > 0) expect(n.spec.taints).toBeUndefined();
      expect(c.kubeletFor(n.metadata.name!)).toBeDefined();
    }
  });

  it('was built a couple of days before the learner arrives', () => {
    const c = defaultCluster({ seed: 1 });
    for (const n of c.nodes()) {
      const age = c.now() - Date.parse(n.metadata.creationTimestamp!);
      expect(age).toBeGreaterThan(CLUSTER_AGE_MS - 5 * 60_000);
      expect(age).toBeLessThanOrEqual(CLUSTER_AGE_MS);
    }
    for (const ns of c.api.list('Namespace')) expect(Date.parse(ns.metadata.creationTimestamp!)).toBeLessThan(c.now() - 2 * 24 * 3_600_000);
  });

  it('has unique node identities per seed and the same ones for the same seed', () => {
    const ids = (seed: number) => defaultCluster({ seed }).nodes().map((n: Node) => [n.metadata.uid, n.status?.nodeInfo?.machineID, n.status?.nodeInfo?.bootID]);
    expect(ids(3)).toEqual(ids(3));
    expect(ids(3)).not.toEqual(ids(4));
    expect(new Set(ids(3).flat()).size).toBe(12);
  });

  it('keeps system pods in kube-system, running, and off the default namespace', () => {
    const c = defaultCluster({ seed: 1 });
    for (const p of c.api.list<Pod>('Pod')) {
      expect(p.metadata.namespace).toBe('kube-system');
      expect(p.status?.phase).toBe('Running');
    }
  });

  it('runs kubeadm\'s CoreDNS: two replicas on the control plane behind kube-dns at 10.96.0.10', () => {
    const c = defaultCluster({ seed: 1 });
    const d = c.api.get<Deployment>('Deployment', 'kube-system', 'coredns');
    expect(d.metadata.labels).toEqual({ 'k8s-app': 'kube-dns' });
    expect(d.spec.replicas).toBe(2);
    const spec = d.spec.template.spec;
    expect(spec.containers[0]).toMatchObject({ image: 'registry.k8s.io/coredns/coredns:v1.11.3', resources: { requests: { cpu: '100m', memory: '70Mi' } } });
    expect(spec.priorityClassName).toBe('system-cluster-critical');
    expect(spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
    expect(spec.tolerations).toEqual([
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
    ]);
    expect(d.status).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 });
    const pods = c.api.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^coredns-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.spec.nodeName).toBe('control-plane');
      expect(p.status?.phase).toBe('Running');
    }
    const svc = c.api.get<Service>('Service', 'kube-system', 'kube-dns');
    expect(svc.spec.clusterIP).toBe('10.96.0.10');
    expect(svc.spec.selector).toEqual({ 'k8s-app': 'kube-dns' });
    expect(svc.spec.ports?.map((p) => `${p.name} ${p.port}/${p.protocol}`)).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
  });
});
