/**
 * What `kubeadm init` and `kubeadm join` do to the cluster: the same steps the default
 * cluster is built with (scenario/bootstrap.ts), run live. A new node registers NotReady and
 * its kubelet reports Ready a few seconds later, once the (built-in) pod network is up.
 */
import type { Pod } from '../api/pod.ts';
import type { Cluster } from '../cluster.ts';
import { toYAML } from '../kubectl/printers/yaml.ts';
import type { Random } from '../random.ts';
import { applyCoreDNS, applyKubeProxy, createApiBasics, registerNode, startStaticPods } from '../scenario/bootstrap.ts';
import type { NodeSpecInput } from '../scenario/nodes.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import { ADMIN_CONF, KUBEADM_CONTEXT, kubeconfigText, writeFile } from './kubeconfig.ts';
import { KUBEADM_API_PORT, type Machines } from './machines.ts';
import type { KubeadmState } from './state.ts';

/** NODE_READY_DELAY_MS is how long a new node stays NotReady before its kubelet reports Ready. */
export const NODE_READY_DELAY_MS = 8_000;

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** TOKEN_FORMAT is the shape of a bootstrap token, `[a-z0-9]{6}.[a-z0-9]{16}`. */
export const TOKEN_FORMAT = /^[a-z0-9]{6}\.[a-z0-9]{16}$/;

/** newToken draws a bootstrap token from the cluster's random source, so the same seed gives the same token. */
export function newToken(random: Random): string {
  return `${random.string(6, TOKEN_ALPHABET)}.${random.string(16, TOKEN_ALPHABET)}`;
}

/** endpointOf is the `<ip>:6443` address workers join through. */
export function endpointOf(controlPlane: NodeSpecInput): string {
  return `${controlPlane.internalIP}:${KUBEADM_API_PORT}`;
}

/**
 * initControlPlane brings up the control plane on `spec`: a bootstrap token and CA hash, the
 * API's namespaces and `kubernetes` Service, the node (NotReady for now), its static pods and
 * their manifests, and /etc/kubernetes/admin.conf. The add-ons come after the wait
 * (addEssentialAddons), as in kubeadm's phases.
 */
export function initControlPlane(cluster: Cluster, machines: Machines, fs: VirtualFS, spec: NodeSpecInput): KubeadmState {
  const state: KubeadmState = { controlPlane: spec.name, tokens: [newToken(cluster.random)], caCertHash: cluster.random.hex(64), joined: [] };
  machines.kubeadm = state;
  createApiBasics(cluster);
  const node = registerNode(cluster, { ...spec, role: 'control-plane' }, undefined);
  cluster.kubeletFor(spec.name)!.reportReadyAfter(NODE_READY_DELAY_MS);
  for (const pod of startStaticPods(cluster, spec, node.metadata.uid!)) writeFile(fs, `/etc/kubernetes/manifests/${pod.metadata.labels!.component}.yaml`, manifest(pod));
  writeFile(fs, ADMIN_CONF, kubeconfigText({ ...KUBEADM_CONTEXT, server: `https://${endpointOf(spec)}` }));
  cluster.drain();
  return state;
}

/** addEssentialAddons applies CoreDNS and the kube-proxy DaemonSet, kubeadm's last phase; the controllers bring their pods up. */
export function addEssentialAddons(cluster: Cluster): void {
  applyCoreDNS(cluster);
  applyKubeProxy(cluster);
  cluster.drain();
}

/** joinWorker registers a worker's node (NotReady at first); the DaemonSet controller gives it its kube-proxy pod. */
export function joinWorker(cluster: Cluster, machines: Machines, spec: NodeSpecInput): void {
  registerNode(cluster, { ...spec, role: 'worker' }, undefined);
  cluster.kubeletFor(spec.name)!.reportReadyAfter(NODE_READY_DELAY_MS);
  machines.kubeadm!.joined.push(spec.name);
  cluster.drain();
}

/** manifest is a static pod's file in /etc/kubernetes/manifests: the pod without what the API server added. */
function manifest(pod: Pod): string {
  const { labels, namespace } = pod.metadata;
  const name = labels?.component ?? pod.metadata.name;
  return toYAML({ apiVersion: 'v1', kind: 'Pod', metadata: { labels, name, namespace }, spec: { containers: pod.spec.containers, hostNetwork: true, priority: pod.spec.priority, priorityClassName: pod.spec.priorityClassName } });
}
