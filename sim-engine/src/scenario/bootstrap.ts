/**
 * The steps kubeadm (or minikube) takes to bring a cluster up, as reusable pieces: the API's
 * own objects, registering a node with its kubelet, the control plane's static pods, the DNS
 * add-on and kube-proxy. The default cluster replays them two days in the past; `kubeadm
 * init`, `kubeadm join` and `minikube start` run them live.
 */
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import type { Cluster } from '../cluster.ts';
import { coreDNSDeployment, kubeDNSService } from './coredns.ts';
import { makeNode, type NodeSpecInput } from './nodes.ts';
import { CONTROL_PLANE_IMAGES, controlPlanePods, kubeProxyPod, NODE_IMAGES } from './system-pods.ts';

/** BOOTSTRAP_ACTOR is who the audit log shows writing the objects kubeadm creates. */
export const BOOTSTRAP_ACTOR = 'kubeadm';

/** createApiBasics creates the four standard namespaces and the `kubernetes` Service, as a new API server does. */
export function createApiBasics(cluster: Cluster): void {
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, BOOTSTRAP_ACTOR);
  }
  const kubernetes: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
  };
  cluster.api.create(kubernetes, 'kube-apiserver');
}

/**
 * registerNode creates a machine's Node object and starts its kubelet with the images kubeadm
 * pre-pulls. `readyAt` is when the node's Ready condition turned True; a node that is not
 * ready yet (`readyAt` undefined) registers NotReady and the caller says when its kubelet
 * reports Ready (Kubelet.reportReadyAfter).
 */
export function registerNode(cluster: Cluster, spec: NodeSpecInput, readyAt: number | undefined): Node {
  const node = cluster.api.create<Node>(makeNode(spec, cluster.random, cluster.now(), readyAt ?? cluster.now(), readyAt === undefined), BOOTSTRAP_ACTOR);
  const kubelet = cluster.addKubelet({ node: spec.name, hostIP: spec.internalIP, podSubnet: spec.podCIDR.split('.').slice(0, 3).join('.') });
  kubelet.preloadImages(spec.role === 'control-plane' ? [...CONTROL_PLANE_IMAGES, ...NODE_IMAGES] : NODE_IMAGES);
  return node;
}

/** startStaticPods creates the mirror pods of a control-plane node's static pods (etcd, API server, controller manager, scheduler) and returns them. */
export function startStaticPods(cluster: Cluster, spec: NodeSpecInput, nodeUid: string): Pod[] {
  return controlPlanePods(spec, nodeUid, cluster.random).map((pod) => cluster.api.create(pod, `kubelet/${spec.name}`));
}

/** applyCoreDNS creates the DNS add-on's Deployment and Service; the controllers bring its pods up. */
export function applyCoreDNS(cluster: Cluster, replicas = 2): void {
  cluster.api.create(coreDNSDeployment(replicas), BOOTSTRAP_ACTOR);
  cluster.api.create(kubeDNSService(), BOOTSTRAP_ACTOR);
}

/** addKubeProxy creates the kube-proxy pod the DaemonSet (uid `daemonSetUid`) runs on a node. */
export function addKubeProxy(cluster: Cluster, spec: NodeSpecInput, daemonSetUid: string): void {
  cluster.api.create(kubeProxyPod(spec, daemonSetUid, cluster.random), 'daemonset-controller');
}

/**
 * kubeProxyDaemonSetUid is the uid kube-proxy pods name as their owner. The sandbox has no
 * DaemonSet objects, so a cluster that already runs kube-proxy is asked for it through its
 * pods; a new one gets a fresh uid.
 */
export function kubeProxyDaemonSetUid(cluster: Cluster): string {
  const pod = cluster.api.list<Pod>('Pod', 'kube-system').find((p) => p.metadata.labels?.['k8s-app'] === 'kube-proxy');
  return pod?.metadata.ownerReferences?.[0]?.uid ?? cluster.random.uid();
}
