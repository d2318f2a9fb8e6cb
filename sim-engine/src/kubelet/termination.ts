/**
 * Graceful termination of a deleted pod: SIGTERM to every running container, SIGKILL when the
 * grace period runs out (brought forward by a later, shorter delete), and, once nothing runs,
 * the final status and the kubelet's own delete that removes the pod from the API.
 */
import type { Pod } from '../api/pod.ts';
import type { PodWorker } from './pod-worker.ts';
import { allContainers, type PodRuntime } from './runtime.ts';

/** terminate starts stopping a pod marked for deletion. */
export function terminate(w: PodWorker, pod: Pod, rt: PodRuntime): void {
  rt.terminating = true;
  w.clock.cancel(w.name, (a) => a.uid === rt.uid);
  const running = allContainers(rt).filter((c) => c.state === 'running');
  if (running.length === 0) {
    finishTermination(w, pod, rt);
    return;
  }
  const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
  for (const c of running) {
    w.event(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
    if (c.stopMs !== undefined && c.stopMs < grace) {
      w.clock.schedule(c.stopMs, w.name, { type: 'stopped', uid: rt.uid, container: c.name, id: c.containerID, code: 0, signal: 0 });
    }
  }
  rt.killAt = w.clock.now() + grace;
  w.clock.schedule(grace, w.name, { type: 'grace-expired', uid: rt.uid });
  w.report(pod, rt);
}

/** shortenGrace brings the SIGKILL forward when a second delete gave a shorter grace period. */
export function shortenGrace(w: PodWorker, pod: Pod, rt: PodRuntime): void {
  const killAt = w.clock.now() + (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
  if (rt.killAt === undefined || killAt >= rt.killAt) return;
  rt.killAt = killAt;
  w.clock.cancel(w.name, (a) => a.uid === rt.uid && a.type === 'grace-expired');
  w.clock.schedule(killAt - w.clock.now(), w.name, { type: 'grace-expired', uid: rt.uid });
}

/** finishTermination reports the stopped pod, removes it from the API and forgets it. */
export function finishTermination(w: PodWorker, pod: Pod, rt: PodRuntime): void {
  w.clock.cancel(w.name, (a) => a.uid === rt.uid);
  for (const c of allContainers(rt)) {
    c.pending = undefined;
    c.ready = false;
  }
  w.report(pod, rt);
  const current = w.api.tryGet<Pod>('Pod', rt.namespace, rt.name);
  if (current?.metadata.uid === rt.uid) w.api.delete('Pod', rt.namespace, rt.name, w.name, { gracePeriodSeconds: 0 });
  forget(w, rt);
}

/** forget drops a pod's runtime record and timers: its containers are simply gone. */
export function forget(w: PodWorker, rt: PodRuntime): void {
  w.clock.cancel(w.name, (a) => a.uid === rt.uid);
  delete w.state.pods[rt.uid];
}
