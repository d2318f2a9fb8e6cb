import { describe, expect, it } from 'vitest';
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import { Cluster } from '../cluster.ts';
import { DEFAULT_NODES } from '../scenario/default-cluster.ts';
import { VirtualFS } from '../shell/vfs.ts';
import { addEssentialAddons, initControlPlane, joinWorker, NODE_READY_DELAY_MS, newToken, TOKEN_FORMAT } from './kubeadm.ts';
import { Machines } from './machines.ts';
import { newMachinesState } from './state.ts';

const [cp, n1] = DEFAULT_NODES as [(typeof DEFAULT_NODES)[0], (typeof DEFAULT_NODES)[0]];
const ready = (c: Cluster, name: string) => c.api.get<Node>('Node', '', name).status?.conditions?.find((x) => x.type === 'Ready')?.status;

function setup() {
  const cluster = new Cluster({ seed: 1 });
  const machines = new Machines(newMachinesState(DEFAULT_NODES));
  const fs = VirtualFS.fromFiles({});
  return { cluster, machines, fs };
}

describe('kubeadm on the cluster', () => {
  it('draws tokens of kubeadm\'s shape from the seed', () => {
    const a = newToken(new Cluster({ seed: 7 }).random);
    expect(a).toMatch(TOKEN_FORMAT);
    expect(newToken(new Cluster({ seed: 7 }).random)).toBe(a);
  });

  it('init brings up the API, a tainted NotReady control plane, its static pods and admin.conf', () => {
    const { cluster, machines, fs } = setup();
    const state = initControlPlane(cluster, machines, fs, cp);
    expect(state).toMatchObject({ controlPlane: 'control-plane', joined: [] });
    expect(state.caCertHash).toMatch(/^[0-9a-f]{64}$/);
    expect(cluster.api.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(cluster.api.tryGet('Service', 'default', 'kubernetes')).toBeDefined();
    expect(ready(cluster, 'control-plane')).toBe('False');
    expect(cluster.api.get<Node>('Node', '', 'control-plane').spec.taints).toContainEqual({ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' });
    expect(cluster.api.list<Pod>('Pod', 'kube-system').map((p) => p.metadata.name)).toEqual(['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane']);
    expect(fs.read('/etc/kubernetes/admin.conf')).toContain('server: https://172.18.0.2:6443\n');
    expect(fs.list('/etc/kubernetes/manifests')).toEqual(['etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml']);
    cluster.advance(NODE_READY_DELAY_MS);
    expect(ready(cluster, 'control-plane')).toBe('True');
  });

  it('the add-ons run CoreDNS on the control plane once it is Ready, and kube-proxy', () => {
    const { cluster, machines, fs } = setup();
    initControlPlane(cluster, machines, fs, cp);
    addEssentialAddons(cluster);
    cluster.advance(NODE_READY_DELAY_MS + 10_000);
    const pods = cluster.api.list<Pod>('Pod', 'kube-system');
    const coredns = pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(coredns.map((p) => [p.spec.nodeName, p.status?.phase])).toEqual([
      ['control-plane', 'Running'],
      ['control-plane', 'Running'],
    ]);
    expect(pods.filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy').map((p) => p.spec.nodeName)).toEqual(['control-plane']);
  });

  it('join registers a worker NotReady, gives it kube-proxy (same DaemonSet), and it turns Ready', () => {
    const { cluster, machines, fs } = setup();
    initControlPlane(cluster, machines, fs, cp);
    addEssentialAddons(cluster);
    joinWorker(cluster, machines, n1);
    expect(machines.kubeadm?.joined).toEqual(['node-1']);
    expect(ready(cluster, 'node-1')).toBe('False');
    const proxies = cluster.api.list<Pod>('Pod', 'kube-system').filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual(['control-plane', 'node-1']);
    expect(new Set(proxies.map((p) => p.metadata.ownerReferences?.[0]?.uid)).size).toBe(1);
    cluster.advance(NODE_READY_DELAY_MS);
    expect(ready(cluster, 'node-1')).toBe('True');
    expect(cluster.api.get<Node>('Node', '', 'node-1').spec.taints).toBeUndefined();
  });
});
