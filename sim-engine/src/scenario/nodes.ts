/** makeNode builds a Node object shaped like a kubeadm node's, registered and Ready. */
import type { Node } from '../api/node.ts';
import type { Random } from '../random.ts';
import { rfc3339 } from '../util/time.ts';

/** NodeSpecInput is what a scenario says about one machine. */
export interface NodeSpecInput {
  name: string;
  role?: 'control-plane' | 'worker';
  internalIP: string;
  podCIDR: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  taints?: Node['spec']['taints'];
}

/** KUBELET_VERSION is the version every simulated node reports. */
export const KUBELET_VERSION = 'v1.32.2';

/** NOT_READY_MESSAGE is what a freshly registered kubelet says until its pod network is up. */
export const NOT_READY_MESSAGE = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

/** makeNode returns the Node object a kubelet registers for `input`, created at `createdAt`; with `notReady` it is still waiting for its network (Ready False). */
export function makeNode(input: NodeSpecInput, random: Random, createdAt: number, readyAt: number, notReady = false): Node {
  const controlPlane = input.role === 'control-plane';
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': input.name,
    'kubernetes.io/os': 'linux',
    ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
    ...input.labels,
  };
  const taints = input.taints ?? (controlPlane ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] : undefined);
  const resources = {
    cpu: input.cpu ?? '4',
    'ephemeral-storage': '61202244Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: input.memory ?? '8148204Ki',
    pods: '110',
  };
  const created = rfc3339(createdAt);
  const ready = rfc3339(readyAt);
  const cond = (type: 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'Ready', status: 'True' | 'False', reason: string, message: string, at: string) => ({
    lastHeartbeatTime: ready,
    lastTransitionTime: at,
    message,
    reason,
    status,
    type,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: created,
    },
    spec: { podCIDR: input.podCIDR, podCIDRs: [input.podCIDR], ...(taints ? { taints } : {}) },
    status: {
      addresses: [
        { type: 'InternalIP', address: input.internalIP },
        { type: 'Hostname', address: input.name },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', created),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', created),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', created),
        notReady ? cond('Ready', 'False', 'KubeletNotReady', NOT_READY_MESSAGE, created) : cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', ready),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: random.uid(),
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-51-generic',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: random.hex(32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
        systemUUID: random.uid(),
      },
    },
  };
}
