/**
 * The default cluster every sandbox starts from unless a scenario says otherwise: a kubeadm
 * cluster with one control-plane node (tainted so ordinary pods stay off it) and three
 * workers, the four standard namespaces, and the `kubernetes` Service.
 */
import type { Service } from '../api/service.ts';
import { Cluster, type ClusterOptions } from '../cluster.ts';
import { makeNode, type NodeSpecInput } from './nodes.ts';

/** DEFAULT_NODES are the machines of the default cluster. */
export const DEFAULT_NODES: readonly NodeSpecInput[] = [
  { name: 'control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' },
  { name: 'node-1', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' },
  { name: 'node-2', role: 'worker', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24' },
  { name: 'node-3', role: 'worker', internalIP: '172.18.0.5', podCIDR: '10.244.3.0/24' },
];

/** CLUSTER_AGE_MS is how long before the sandbox opens the default cluster was built. */
export const CLUSTER_AGE_MS = (2 * 24 + 3) * 3_600_000 + 10 * 60_000;

const ACTOR = 'kubeadm';

/** createCluster builds a cluster with the given machines, as kubeadm would have left it. */
export function createCluster(nodes: readonly NodeSpecInput[], opts: ClusterOptions = {}): Cluster {
  const cluster = new Cluster(opts);
  const born = cluster.now() - CLUSTER_AGE_MS;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, creationTimestamp: stamp(born) } }, ACTOR);
  }
  nodes.forEach((n, i) => {
    cluster.api.create(makeNode(n, cluster.random, born + 5_000 + i * 20_000, born + 20_000 + i * 20_000), ACTOR);
    cluster.addKubelet({ node: n.name, hostIP: n.internalIP, podSubnet: n.podCIDR.split('.').slice(0, 3).join('.') });
  });
  const apiserver = nodes.find((n) => n.role === 'control-plane') ?? nodes[0];
  const kubernetes: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' }, creationTimestamp: stamp(born) },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
  };
  cluster.api.create(kubernetes, 'kube-apiserver');
  void apiserver;
  cluster.drain();
  return cluster;
}

/** defaultCluster builds the default four-node cluster. */
export function defaultCluster(opts: ClusterOptions = {}): Cluster {
  return createCluster(DEFAULT_NODES, opts);
}

function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
