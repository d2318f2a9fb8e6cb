/** The kubelet's own knowledge of the containers it runs: plain data, kept in snapshots. */

/** TerminatedInfo describes a container's last exit. */
export interface TerminatedInfo {
  exitCode: number;
  signal?: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

/** ContainerRuntime is one container as the runtime sees it. */
export interface ContainerRuntime {
  name: string;
  image: string;
  state: 'waiting' | 'running' | 'terminated';
  /** Waiting reason (ContainerCreating, ErrImagePull, ImagePullBackOff, CrashLoopBackOff, InvalidImageName). */
  reason?: string;
  message?: string;
  /** True once the image has been resolved, so the status shows the normalised reference. */
  pulled: boolean;
  containerID?: string;
  startedAt?: number;
  terminated?: TerminatedInfo;
  last?: TerminatedInfo;
  restartCount: number;
  ready: boolean;
  /** Next back-off delays, doubling from 10 s to 5 min. */
  crashBackoffMs: number;
  pullBackoffMs: number;
  /** What the container is waiting for: an image pull, a back-off, or nothing (not reached yet). */
  pending?: 'pull' | 'pull-backoff' | 'crash-backoff';
  /** Milliseconds to exit after SIGTERM; absent means SIGTERM is ignored. */
  stopMs?: number;
  stopping?: boolean;
  logs: string[];
  previousLogs: string[];
}

/** PodRuntime is one pod's sandbox and containers on a node. */
export interface PodRuntime {
  uid: string;
  namespace: string;
  name: string;
  admittedAt: number;
  sandboxReady: boolean;
  podIP?: string;
  containers: ContainerRuntime[];
  terminating: boolean;
  /** When a terminating pod's containers get SIGKILL (a later delete may bring it forward). */
  killAt?: number;
  /** When each condition last changed, keyed `Type=Status`. */
  transitions: Record<string, number>;
}

/** KubeletState is everything one kubelet knows beyond the store. */
export interface KubeletState {
  node: string;
  /** Normalised image references already on the node. */
  images: string[];
  /** Last host part handed out from the node's pod CIDR. */
  lastIP: number;
  pods: Record<string, PodRuntime>;
}

/** MAX_LOG_LINES bounds each container's kept log. */
export const MAX_LOG_LINES = 1000;

/** appendLogs adds lines to a container's log, keeping the newest MAX_LOG_LINES. */
export function appendLogs(c: ContainerRuntime, lines: string[]): void {
  c.logs.push(...lines);
  if (c.logs.length > MAX_LOG_LINES) c.logs.splice(0, c.logs.length - MAX_LOG_LINES);
}
