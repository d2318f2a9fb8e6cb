/**
 * The default cluster every sandbox starts from unless a scenario says otherwise: a kubeadm
 * cluster with one control-plane node (tainted so ordinary pods stay off it) and three
 * workers, the four standard namespaces, the `kubernetes` Service, the kube-system pods and
 * kubeadm's CoreDNS add-on (the `coredns` Deployment and the `kube-dns` Service).
 * It is built as kubeadm would build it, a couple of days before the learner arrives: the
 * cluster starts in the past, settles, and then time jumps to the present.
 */
import type { Deployment } from '../api/apps.ts';
import type { Node } from '../api/node.ts';
import type { Service } from '../api/service.ts';
import { Cluster, type ClusterOptions, DEFAULT_START } from '../cluster.ts';
import { Random } from '../random.ts';
import { makeNode, type NodeSpecInput } from './nodes.ts';
import { CONTROL_PLANE_IMAGES, controlPlanePods, kubeProxyPod, NODE_IMAGES } from './system-pods.ts';

/** DEFAULT_NODES are the machines of the default cluster. */
export const DEFAULT_NODES: readonly NodeSpecInput[] = [
  { name: 'control-plane', role: 'control-plane', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24' },
  { name: 'node-1', role: 'worker', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24' },
  { name: 'node-2', role: 'worker', internalIP: '172.18.0.4', podCIDR: '10.244.2.0/24' },
  { name: 'node-3', role: 'worker', internalIP: '172.18.0.5', podCIDR: '10.244.3.0/24' },
];

/** CLUSTER_AGE_MS is how long before the sandbox opens the cluster was built. */
export const CLUSTER_AGE_MS = (2 * 24 + 3) * 3_600_000 + 10 * 60_000;

const ACTOR = 'kubeadm';

/** createCluster builds a cluster with the given machines, as kubeadm would have left it. */
export function createCluster(nodes: readonly NodeSpecInput[], opts: ClusterOptions = {}): Cluster {
  const start = opts.startTime ?? DEFAULT_START;
  const cluster = new Cluster({ ...opts, startTime: start - CLUSTER_AGE_MS });
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, ACTOR);
  }
  const kubernetes: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
  };
  cluster.api.create(kubernetes, 'kube-apiserver');
  const kubeProxyUid = cluster.random.uid();
  for (const n of nodes) {
    cluster.advance(15_000);
    const node = cluster.api.create<Node>(makeNode(n, cluster.random, cluster.now(), cluster.now() + 10_000), ACTOR);
    const kubelet = cluster.addKubelet({ node: n.name, hostIP: n.internalIP, podSubnet: n.podCIDR.split('.').slice(0, 3).join('.') });
    kubelet.preloadImages(n.role === 'control-plane' ? [...CONTROL_PLANE_IMAGES, ...NODE_IMAGES] : NODE_IMAGES);
    // kubeadm init installs CoreDNS while the control plane is the only node, so that is where it runs.
    if (n.role === 'control-plane' && !cluster.api.tryGet('Deployment', 'kube-system', 'coredns')) installCoreDNS(cluster);
    if (n.role === 'control-plane') {
      for (const pod of controlPlanePods(n, node.metadata.uid!, cluster.random)) cluster.api.create(pod, `kubelet/${n.name}`);
    }
    cluster.api.create(kubeProxyPod(n, kubeProxyUid, cluster.random), 'daemonset-controller');
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
  cluster.api.create(coreDNSDeployment(), ACTOR);
  cluster.api.create(kubeDNSService(), ACTOR);
  const available = () => (cluster.api.get<Deployment>('Deployment', 'kube-system', 'coredns').status?.availableReplicas ?? 0) >= 2;
  cluster.drain();
  for (let next = cluster.nextTimerAt(); next !== undefined && !available(); next = cluster.nextTimerAt()) cluster.advanceTo(next);
  cluster.random.restore(saved);
}

/** coreDNSDeployment is the `coredns` Deployment as kubeadm 1.32 applies it. */
function coreDNSDeployment(): Deployment {
  const labels = { 'k8s-app': 'kube-dns' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
              volumeMounts: [{ mountPath: '/etc/coredns', name: 'config-volume', readOnly: true }],
            },
          ],
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
          ],
          volumes: [{ name: 'config-volume', configMap: { defaultMode: 420, items: [{ key: 'Corefile', path: 'Corefile' }], name: 'coredns' } }],
        },
      },
    },
  };
}

/** kubeDNSService is the `kube-dns` Service in front of CoreDNS, at the cluster DNS address. */
function kubeDNSService(): Service {
  const labels = { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
    spec: {
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: { 'k8s-app': 'kube-dns' },
      type: 'ClusterIP',
    },
  };
}

/** defaultCluster builds the default four-node cluster. */
export function defaultCluster(opts: ClusterOptions = {}): Cluster {
  return createCluster(DEFAULT_NODES, opts);
}
