/**
 * kubeadm 1.32's words: the phases `kubeadm init` and `kubeadm join` print, their closing
 * text, and the preflight failure format. Only the pod network note is ours: the sandbox's
 * pod network is built in, so there is no add-on to install.
 */
import type { NodeSpecInput } from '../scenario/nodes.ts';
import { KUBELET_VERSION } from '../scenario/nodes.ts';

/** STACK_TRACE_HINT ends every kubeadm error. */
export const STACK_TRACE_HINT = 'To see the stack trace of this error execute with --v=5 or higher\n';

/** initPreamble is what `kubeadm init` prints up to starting the kubelet. */
export function initPreamble(cp: NodeSpecInput): string {
  const ip = cp.internalIP;
  const certs = ['ca', 'apiserver', 'apiserver-kubelet-client', 'front-proxy-ca', 'front-proxy-client', 'etcd/ca', 'etcd/server', 'etcd/peer', 'etcd/healthcheck-client', 'apiserver-etcd-client'];
  const signed: Record<string, string> = {
    apiserver: `[${cp.name} kubernetes kubernetes.default kubernetes.default.svc kubernetes.default.svc.cluster.local] and IPs [10.96.0.1 ${ip}]`,
    'etcd/server': `[${cp.name} localhost] and IPs [${ip} 127.0.0.1 ::1]`,
    'etcd/peer': `[${cp.name} localhost] and IPs [${ip} 127.0.0.1 ::1]`,
  };
  return [
    `[init] Using Kubernetes version: ${KUBELET_VERSION}`,
    '[preflight] Running pre-flight checks',
    '[preflight] Pulling images required for setting up a Kubernetes cluster',
    '[preflight] This might take a minute or two, depending on the speed of your internet connection',
    "[preflight] You can also perform this action beforehand using 'kubeadm config images pull'",
    '[certs] Using certificateDir folder "/etc/kubernetes/pki"',
    ...certs.flatMap((c) => [`[certs] Generating "${c}" certificate and key`, ...(signed[c] ? [`[certs] ${c} serving cert is signed for DNS names ${signed[c]}`] : [])]),
    '[certs] Generating "sa" key and public key',
    '[kubeconfig] Using kubeconfig folder "/etc/kubernetes"',
    ...['admin.conf', 'super-admin.conf', 'kubelet.conf', 'controller-manager.conf', 'scheduler.conf'].map((f) => `[kubeconfig] Writing "${f}" kubeconfig file`),
    '[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"',
    '[control-plane] Using manifest folder "/etc/kubernetes/manifests"',
    ...['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `[control-plane] Creating static Pod manifest for "${c}"`),
    ...KUBELET_START,
    '[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests"',
    '[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
    '',
  ].join('\n');
}

const KUBELET_START = [
  '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
  '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
  '[kubelet-start] Starting the kubelet',
];

/** initMarkAndToken is what `kubeadm init` prints from the upload of its configuration to the bootstrap token. */
export function initMarkAndToken(cp: NodeSpecInput, token: string): string {
  return [
    '[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace',
    '[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster',
    '[upload-certs] Skipping phase. Please see --upload-certs',
    `[mark-control-plane] Marking the node ${cp.name} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]`,
    `[mark-control-plane] Marking the node ${cp.name} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]`,
    `[bootstrap-token] Using token: ${token}`,
    '[bootstrap-token] Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles',
    '[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes',
    '[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials',
    '[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token',
    '[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster',
    '[bootstrap-token] Creating the "cluster-info" ConfigMap in the "kube-public" namespace',
    '[kubelet-finalize] Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key',
    '',
  ].join('\n');
}

/** ADDONS_TEXT is the add-on phase's output. */
export const ADDONS_TEXT = '[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n';

/** initClosing is the text `kubeadm init` ends with: the kubeconfig steps, the pod network note and the join command. */
export function initClosing(endpoint: string, token: string, hash: string): string {
  return `
Your Kubernetes control-plane has initialized successfully!

To start using your cluster, you need to run the following as a regular user:

  mkdir -p $HOME/.kube
  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config
  sudo chown $(id -u):$(id -g) $HOME/.kube/config

Alternatively, if you are the root user, you can run:

  export KUBECONFIG=/etc/kubernetes/admin.conf

A real cluster now needs a pod network add-on ("kubectl apply -f [podnetwork].yaml", see
https://kubernetes.io/docs/concepts/cluster-administration/addons/). This sandbox's pod
network is built in, so there is no add-on to install here.

Then you can join any number of worker nodes by running the following on each as root:

kubeadm join ${endpoint} --token ${token} \\
\t--discovery-token-ca-cert-hash sha256:${hash} 
`;
}

/** joinCommand is the one-line join command `kubeadm token create --print-join-command` prints (with kubeadm's trailing space). */
export function joinCommand(endpoint: string, token: string, hash: string): string {
  return `kubeadm join ${endpoint} --token ${token} --discovery-token-ca-cert-hash sha256:${hash} \n`;
}

/** JOIN_PREAMBLE is what `kubeadm join` prints before the kubelet's TLS bootstrap. */
export const JOIN_PREAMBLE = [
  '[preflight] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...',
  "[preflight] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.",
  '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"',
  '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"',
  '[kubelet-start] Starting the kubelet',
  '[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s',
  '',
].join('\n');

/** JOIN_CLOSING is the text a successful `kubeadm join` ends with. */
export const JOIN_CLOSING = `[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap

This node has joined the cluster:
* Certificate signing request was sent to apiserver and a response was received.
* The Kubelet was informed of the new secure connection details.

Run 'kubectl get nodes' on the control-plane to see this node join the cluster.

`;

/** NOT_ROOT is kubeadm's IsPrivilegedUser preflight error (cmd/kubeadm/app/preflight/checks_unix.go). */
export const NOT_ROOT = 'IsPrivilegedUser]: user is not running as root';

/** preflightFailure is kubeadm's fatal preflight error listing `errors` (e.g. `Port-6443]: Port 6443 is in use`). */
export function preflightFailure(errors: string[]): string {
  return `error execution phase preflight: [preflight] Some fatal errors occurred:\n${errors.map((e) => `\t[ERROR ${e}\n`).join('')}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${STACK_TRACE_HINT}`;
}

/** phaseError is a kubeadm error raised in a phase, e.g. preflight's discovery failures. */
export function phaseError(phase: string, message: string): string {
  return `error execution phase ${phase}: ${message}\n${STACK_TRACE_HINT}`;
}
