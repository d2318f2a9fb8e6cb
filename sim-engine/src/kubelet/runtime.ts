/** The kubelet's own knowledge of the containers it runs: plain data, kept in snapshots. */
import type { ProbeKind, ProbeRunState } from './probes/worker.ts';
import type { ScriptState } from './script/run.ts';

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
  /** When each line of `logs` was written (absent in snapshots taken before lines were timed). */
  logTimes?: number[];
  previousLogTimes?: number[];
  /** The probe workers' memory for the current container. */
  probes?: Partial<Record<ProbeKind, ProbeRunState>>;
  /** False while a startup probe has yet to succeed; absent without a startup probe. */
  startupDone?: boolean;
  /** Being killed after a failed liveness or startup probe. */
  killing?: boolean;
  /** The container's shell script and where it is, when its command is one. */
  script?: { src: string; state: ScriptState };
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
  /** The init containers, run one at a time to completion before `containers` (absent when the pod has none). */
  initContainers?: ContainerRuntime[];
  terminating: boolean;
  /** When a terminating pod's containers get SIGKILL (a later delete may bring it forward). */
  killAt?: number;
  /** When each condition last changed, keyed `Type=Status`. */
  transitions: Record<string, number>;
}

/** allContainers lists a pod's init containers, then its app containers. */
export function allContainers(rt: PodRuntime): ContainerRuntime[] {
  return rt.initContainers?.length ? [...rt.initContainers, ...rt.containers] : rt.containers;
}

/** containerNamed finds a pod's container by name, init containers first (as allContainers lists them). */
export function containerNamed(rt: PodRuntime, name: unknown): ContainerRuntime | undefined {
  // Every timer a kubelet handles names its container: found without building the combined list.
  const init = rt.initContainers;
  if (init) for (let i = 0; i < init.length; i++) if (init[i]!.name === name) return init[i];
  for (let i = 0; i < rt.containers.length; i++) if (rt.containers[i]!.name === name) return rt.containers[i];
  return undefined;
}

/** isInitContainer tells whether `c` is one of the pod's init containers. */
export function isInitContainer(rt: PodRuntime, c: ContainerRuntime): boolean {
  return rt.initContainers?.includes(c) ?? false;
}

/** initContainerDone tells whether an init container has run to completion (exit code 0); it then counts as ready. */
export function initContainerDone(c: ContainerRuntime): boolean {
  return c.state === 'terminated' && c.terminated?.exitCode === 0;
}

/** initialized tells whether every init container has completed, so the app containers may start. */
export function initialized(rt: PodRuntime): boolean {
  return !rt.initContainers || rt.initContainers.every(initContainerDone);
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

/** appendLogs adds lines written at `at` to a container's log, keeping the newest MAX_LOG_LINES. */
export function appendLogs(c: ContainerRuntime, lines: string[], at?: number): void {
  if (at !== undefined || c.logTimes) {
    // Lines from before times were kept count as written when the container started.
    const times = (c.logTimes ??= c.logs.map(() => c.startedAt ?? 0));
    for (const _ of lines) times.push(at ?? c.startedAt ?? 0);
  }
  c.logs.push(...lines);
  if (c.logs.length > MAX_LOG_LINES) {
    c.logs.splice(0, c.logs.length - MAX_LOG_LINES);
    c.logTimes?.splice(0, c.logTimes.length - MAX_LOG_LINES);
  }
}
