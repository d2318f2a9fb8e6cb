/**
 * The steps kubeadm (or minikube) takes to bring a cluster up, as reusable pieces: the API's
 * own objects, registering a node with its kubelet, the control plane's static pods, the DNS
 * add-on and kube-proxy. The default cluster replays them two days in the past; `kubeadm
 * init`, `kubeadm join` and `minikube start` run them live.
 */
import type { DaemonSet } from '../api/apps.ts';
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { Service } from '../api/service.ts';
import type { Cluster } from '../cluster.ts';
import { coreDNSDeployment, kubeDNSService } from './coredns.ts';
import { makeNode, type NodeSpecInput } from './nodes.ts';
import { newDaemonPod, revisionHash, templateGeneration } from '../controllers/daemonset/pods.ts';
import { CONTROL_PLANE_IMAGES, controlPlanePods, kubeProxyDaemonSet, NODE_IMAGES } from './system-pods.ts';

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

/** applyKubeProxy creates kubeadm's kube-proxy DaemonSet; the DaemonSet controller runs its pods. */
export function applyKubeProxy(cluster: Cluster): DaemonSet {
  return cluster.api.create(kubeProxyDaemonSet(), BOOTSTRAP_ACTOR);
}

/**
 * replayDaemonPod creates the pod the DaemonSet controller made for a node in the past, already
 * bound there, so a cluster built in the past holds it without replaying the scheduling too.
 */
export function replayDaemonPod(cluster: Cluster, ds: DaemonSet, node: string): Pod {
  const pod = newDaemonPod(ds, node, revisionHash(ds), templateGeneration(ds));
  return cluster.api.create({ ...pod, spec: { ...pod.spec, nodeName: node } }, 'daemonset-controller');
}
