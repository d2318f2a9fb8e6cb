/**
 * PodWorker is what the steps of a pod's life on a node (container start, exit and restart,
 * termination) share with the kubelet that runs them: its state, its clock and randomness, and
 * how it reports. The kubelet owns one and hands it to those steps, which live in their own files.
 */
import type { Container, Pod } from '../api/pod.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Clock } from '../clock.ts';
import type { Random } from '../random.ts';
import type { ContainerActivity } from './activity.ts';
import type { ContainerRuntime, KubeletState, PodRuntime } from './runtime.ts';

/** BACKOFF_START_MS is the first image-pull and crash-restart back-off. */
export const BACKOFF_START_MS = 10_000;
/** BACKOFF_MAX_MS caps both back-offs, which double from BACKOFF_START_MS. */
export const BACKOFF_MAX_MS = 300_000;

/** KubeletConfig is what the kubelet knows about its machine. */
export interface KubeletConfig {
  node: string;
  hostIP: string;
  /** The node's pod CIDR prefix, e.g. `10.244.1` for 10.244.1.0/24. */
  podSubnet: string;
}

/** PodWorker is one kubelet's pod-lifecycle context. */
export interface PodWorker {
  /** The kubelet's component name: the owner of its timers and the actor of its writes. */
  readonly name: string;
  readonly config: KubeletConfig;
  /** Replaced wholesale when a snapshot is restored. */
  state: KubeletState;
  readonly api: ApiServer;
  readonly clock: Clock;
  readonly random: Random;
  readonly activity: ContainerActivity;
  /** report writes the pod's status as the kubelet now sees it. */
  report(pod: Pod, rt: PodRuntime): void;
  /** event records an event about one of the pod's containers. */
  event(pod: Pod, c: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void;
}

/** containerSpec is the spec of a pod's container (or init container) by name. */
export function containerSpec(pod: Pod, name: string): Container {
  // Looked up for every container on every report: a plain loop, no callback.
  const { containers, initContainers } = pod.spec;
  for (let i = 0; i < containers.length; i++) if (containers[i]!.name === name) return containers[i]!;
  if (initContainers) for (let i = 0; i < initContainers.length; i++) if (initContainers[i]!.name === name) return initContainers[i]!;
  return undefined!;
}
