/**
 * The kube-system pods a kubeadm cluster runs, so Chapter 1's components can be found with
 * kubectl: the control plane's static pods on the control-plane node, and the kube-proxy
 * DaemonSet that runs on every node.
 */
import type { DaemonSet } from '../api/apps.ts';
import type { Pod } from '../api/pod.ts';
import type { Random } from '../random.ts';
import type { NodeSpecInput } from './nodes.ts';

const VERSION = 'v1.32.2';

/** CONTROL_PLANE_IMAGES are pre-pulled onto control-plane nodes by kubeadm. */
export const CONTROL_PLANE_IMAGES = [
  'registry.k8s.io/etcd:3.5.16-0',
  `registry.k8s.io/kube-apiserver:${VERSION}`,
  `registry.k8s.io/kube-controller-manager:${VERSION}`,
  `registry.k8s.io/kube-scheduler:${VERSION}`,
  'registry.k8s.io/coredns/coredns:v1.11.3',
  'registry.k8s.io/pause:3.10',
];

/** NODE_IMAGES are present on every node. */
export const NODE_IMAGES = [`registry.k8s.io/kube-proxy:${VERSION}`, 'registry.k8s.io/pause:3.10'];

interface StaticPodInput {
  component: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
}

function staticPods(ip: string): StaticPodInput[] {
  return [
    {
      component: 'etcd',
      image: 'registry.k8s.io/etcd:3.5.16-0',
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--name=control-plane'],
      cpu: '100m',
      memory: '100Mi',
    },
    {
      component: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${VERSION}`,
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--authorization-mode=Node,RBAC', '--etcd-servers=https://127.0.0.1:2379', '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/12'],
      cpu: '250m',
    },
    {
      component: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${VERSION}`,
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--controllers=*,bootstrapsigner,tokencleaner', '--leader-elect=true'],
      cpu: '200m',
    },
    {
      component: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${VERSION}`,
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--leader-elect=true'],
      cpu: '100m',
    },
  ];
}

/** controlPlanePods returns the static (mirror) pods of a control-plane node. */
export function controlPlanePods(node: NodeSpecInput, nodeUid: string, random: Random): Pod[] {
  return staticPods(node.internalIP).map((s) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${s.component}-${node.name}`,
      namespace: 'kube-system',
      labels: { component: s.component, tier: 'control-plane' },
      annotations: {
        'kubernetes.io/config.hash': random.hex(32),
        'kubernetes.io/config.mirror': random.hex(32),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.name, uid: nodeUid }],
    },
    spec: {
      containers: [
        {
          name: s.component,
          image: s.image,
          command: s.command,
          resources: { requests: { cpu: s.cpu, ...(s.memory ? { memory: s.memory } : {}) } },
        },
      ],
      hostNetwork: true,
      nodeName: node.name,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
    },
  }));
}

/** kubeProxyDaemonSet is the `kube-proxy` DaemonSet as kubeadm 1.32 applies it; the DaemonSet controller runs its pods. */
export function kubeProxyDaemonSet(): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels },
        spec: {
          priorityClassName: 'system-node-critical',
          containers: [
            {
              name: 'kube-proxy',
              image: `registry.k8s.io/kube-proxy:${VERSION}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
              ],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
            },
          ],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
            { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
          ],
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  };
}
