/**
 * Back-off re-syncs: while a container waits out an image-pull or crash-restart back-off, the
 * pod worker keeps re-syncing the pod, and each sync that finds it still backing off records
 * the back-off events again (what `kubectl describe` shows as `x5 over 2m`).
 */
import type { Pod } from '../api/pod.ts';
import type { PodWorker } from './pod-worker.ts';
import type { ContainerRuntime, PodRuntime } from './runtime.ts';

/**
 * BACKOFF_SYNC_MS is how often a pod worker re-syncs a pod whose last sync failed (the
 * kubelet's backOffPeriod, 10 s; the real worker adds up to 50% jitter, left out to stay
 * deterministic). Each such sync during a back-off records the BackOff event again.
 */
const BACKOFF_SYNC_MS = 10_000;

/**
 * scheduleBackoffSyncs queues the pod worker's re-syncs that fall inside a back-off of
 * `delay` ms; each finds the container still backing off and says so again.
 */
export function scheduleBackoffSyncs(w: PodWorker, rt: PodRuntime, c: ContainerRuntime, delay: number): void {
  for (let at = BACKOFF_SYNC_MS; at < delay; at += BACKOFF_SYNC_MS) {
    w.clock.schedule(at, w.name, { type: 'backoff-sync', uid: rt.uid, container: c.name, pending: c.pending, restarts: c.restartCount });
  }
}

/** backoffSync is a sync skipped for back-off: the events of doBackOff, or of EnsureImageExists and startContainer. */
export function backoffSync(w: PodWorker, pod: Pod, c: ContainerRuntime): void {
  if (c.pending === 'crash-backoff') {
    w.event(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
  } else {
    w.event(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
    w.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
  }
}
