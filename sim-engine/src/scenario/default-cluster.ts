/**
 * The default cluster every sandbox starts from unless a scenario says otherwise: a kubeadm
 * cluster with one control-plane node (tainted so ordinary pods stay off it) and three
 * workers, the four standard namespaces, the `kubernetes` Service, the control plane's static
 * pods and kubeadm's add-ons: CoreDNS (the `coredns` Deployment and the `kube-dns` Service) and
 * the `kube-proxy` DaemonSet with its pod on every node.
 * It is built as kubeadm would build it, a couple of days before the learner arrives: the
 * cluster starts in the past, settles, and then time jumps to the present.
 */
import type { DaemonSet, Deployment } from '../api/apps.ts';
import { Cluster, type ClusterOptions, DEFAULT_START } from '../cluster.ts';
import { Random } from '../random.ts';
import { applyCoreDNS, applyKubeProxy, createApiBasics, registerNode, replayDaemonPod, startStaticPods } from './bootstrap.ts';
import type { NodeSpecInput } from './nodes.ts';

/** DEFAULT_NODES are the machines of the default cluster. */
export const DEFAULT_NODES: readonly NodeSpecInput[] = [
  { name: 'control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' },
  { name: 'node-1', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' },
  { name: 'node-2', role: 'worker', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24' },
  { name: 'node-3', role: 'worker', internalIP: '172.18.0.5', podCIDR: '10.244.3.0/24' },
];

/** CLUSTER_AGE_MS is how long before the sandbox opens the cluster was built. */
export const CLUSTER_AGE_MS = (2 * 24 + 3) * 3_600_000 + 10 * 60_000;

/** createCluster builds a cluster with the given machines, as kubeadm would have left it. */
export function createCluster(nodes: readonly NodeSpecInput[], opts: ClusterOptions = {}): Cluster {
  const start = opts.startTime ?? DEFAULT_START;
  const cluster = new Cluster({ ...opts, startTime: start - CLUSTER_AGE_MS });
  createApiBasics(cluster);
  // The kube-proxy DaemonSet's uid is drawn here, where kubeadm's add-ons come in the random
  // stream, but the DaemonSet is created once CoreDNS has settled: created earlier, its
  // controller would act during installCoreDNS's run and reshuffle CoreDNS's names.
  const kubeProxyDraw = cluster.random.snapshot();
  cluster.random.uid();
  let kubeProxy: DaemonSet | undefined;
  for (const n of nodes) {
    cluster.advance(15_000);
    const node = registerNode(cluster, n, cluster.now() + 10_000);
    // kubeadm init installs CoreDNS while the control plane is the only node, so that is where it runs.
    if (n.role === 'control-plane' && !cluster.api.tryGet('Deployment', 'kube-system', 'coredns')) installCoreDNS(cluster);
    kubeProxy ??= withRandomState(cluster, kubeProxyDraw, () => applyKubeProxy(cluster));
    if (n.role === 'control-plane') startStaticPods(cluster, n, node.metadata.uid!);
    // Each node's kube-proxy pod is created before the next drain, as the controller did back then.
    replayDaemonPod(cluster, kubeProxy, n.name);
  }
  cluster.runUntilIdle(60_000);
  cluster.advanceTo(start);
  // The API server keeps events for an hour, so nothing from the bootstrap is left.
  for (const e of cluster.api.list('Event')) cluster.api.delete('Event', e.metadata.namespace!, e.metadata.name!, 'kube-apiserver');
  cluster.drain();
  return cluster;
}

/**
 * installCoreDNS creates kubeadm's DNS add-on and runs the cluster until its pods are
 * available. Everything that happens meanwhile draws from a random stream of its own, and the
 * cluster's stream is put back afterwards, so that adding the add-on did not reshuffle the
 * names, uids and IPs generated for everything else.
 */
function installCoreDNS(cluster: Cluster): void {
  const saved = cluster.random.snapshot();
  cluster.random.restore(new Random((saved[3]! ^ 0x636f7265) >>> 0).snapshot());
  applyCoreDNS(cluster);
  const available = () => (cluster.api.get<Deployment>('Deployment', 'kube-system', 'coredns').status?.availableReplicas ?? 0) >= 2;
  cluster.drain();
  for (let next = cluster.nextTimerAt(); next !== undefined && !available(); next = cluster.nextTimerAt()) cluster.advanceTo(next);
  cluster.random.restore(saved);
}

/** withRandomState runs `fn` with the random source at `state`, then puts the cluster's own state back. */
function withRandomState<T>(cluster: Cluster, state: ReturnType<Random['snapshot']>, fn: () => T): T {
  const saved = cluster.random.snapshot();
  cluster.random.restore(state);
  try {
    return fn();
  } finally {
    cluster.random.restore(saved);
  }
}

/** defaultCluster builds the default four-node cluster. */
export function defaultCluster(opts: ClusterOptions = {}): Cluster {
  return createCluster(DEFAULT_NODES, opts);
}
