/** The core/v1 Node: a machine a kubelet runs on. */
import type { KubeObject } from './meta.ts';

/** Taint repels pods that do not tolerate it. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

/** NodeCondition is one of MemoryPressure, DiskPressure, PIDPressure and Ready. */
export interface NodeCondition {
  type: 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'Ready';
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** NodeSystemInfo is what the kubelet reports about the machine. */
export interface NodeSystemInfo {
  machineID: string;
  systemUUID: string;
  bootID: string;
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
  kubeletVersion: string;
  kubeProxyVersion: string;
  operatingSystem: string;
  architecture: string;
}

/** Node is a worker or control-plane machine registered by its kubelet. */
export interface Node extends KubeObject {
  apiVersion: 'v1';
  kind: 'Node';
  spec: {
    podCIDR?: string;
    podCIDRs?: string[];
    taints?: Taint[];
    unschedulable?: boolean;
    providerID?: string;
  };
  status?: {
    addresses?: { type: 'InternalIP' | 'ExternalIP' | 'Hostname'; address: string }[];
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    conditions?: NodeCondition[];
    nodeInfo?: NodeSystemInfo;
    daemonEndpoints?: { kubeletEndpoint: { Port: number } };
    images?: { names: string[]; sizeBytes: number }[];
  };
}
