/**
 * What the pod worker does when a container's process ends: a terminating pod finishes once
 * none run, a completed init container makes way for the next, and the restart policy decides
 * whether the container restarts — at once the first time, then after a doubling back-off
 * (CrashLoopBackOff).
 */
import type { Pod } from '../api/pod.ts';
import { goDuration } from '../util/duration.ts';
import { scheduleBackoffSyncs } from './backoff.ts';
import { pull, startNext } from './container-start.ts';
import { BACKOFF_MAX_MS, BACKOFF_START_MS, type PodWorker } from './pod-worker.ts';
import { allContainers, isInitContainer, type ContainerRuntime, type PodRuntime } from './runtime.ts';
import { finishTermination } from './termination.ts';

/** onExit records a container's exit with `code` and decides what comes next. */
export function onExit(w: PodWorker, pod: Pod, rt: PodRuntime, c: ContainerRuntime, code: number, _signal: number): void {
  c.state = 'terminated';
  c.ready = false;
  delete c.script;
  delete c.killing;
  c.terminated = {
    exitCode: code,
    // containerd reports a SIGKILLed process as exit code 137 and leaves `signal` unset.
    reason: code === 0 ? 'Completed' : 'Error',
    startedAt: c.startedAt!,
    finishedAt: w.clock.now(),
    containerID: c.containerID!,
  };
  if (rt.terminating) {
    if (allContainers(rt).every((x) => x.state !== 'running')) finishTermination(w, pod, rt);
    return;
  }
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (isInitContainer(rt, c) && code === 0) {
    // A completed init container is done for good, whatever the restart policy: on to the next.
    c.ready = true;
    startNext(w, pod, rt);
    return;
  }
  if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) return;
  // The first crash restarts at once; later ones wait out a doubling back-off, which is
  // forgotten once the container has run for twice the maximum back-off (10 minutes).
  const fresh = c.restartCount === 0 || w.clock.now() - c.startedAt! > 2 * BACKOFF_MAX_MS;
  if (fresh) c.crashBackoffMs = BACKOFF_START_MS;
  const delay = fresh ? 0 : c.crashBackoffMs;
  if (!fresh) c.crashBackoffMs = Math.min(c.crashBackoffMs * 2, BACKOFF_MAX_MS);
  c.pending = 'crash-backoff';
  if (delay > 0) {
    c.last = c.terminated;
    c.terminated = undefined;
    c.state = 'waiting';
    c.reason = 'CrashLoopBackOff';
    c.message = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
    w.event(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    scheduleBackoffSyncs(w, rt, c, delay);
  }
  w.clock.schedule(delay || 1000, w.name, { type: 'crash-restart', uid: rt.uid, container: c.name });
}

/** restart starts a crashed container afresh: its exit becomes its last state, its log the previous log, and its image is pulled again. */
export function restart(w: PodWorker, pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
  if (c.terminated) c.last = c.terminated;
  c.terminated = undefined;
  c.previousLogs = c.logs;
  c.previousLogTimes = c.logTimes;
  c.logs = [];
  c.logTimes = [];
  c.restartCount++;
  c.pending = undefined;
  c.state = 'waiting';
  c.reason = rt.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
  c.containerID = undefined;
  pull(w, pod, rt, c);
}

/** killContainer stops one container, as a failed liveness probe has it: SIGTERM, then SIGKILL once `graceMs` runs out. */
export function killContainer(w: PodWorker, rt: PodRuntime, c: ContainerRuntime, graceMs: number): void {
  const stop = { type: 'stopped', uid: rt.uid, container: c.name, id: c.containerID };
  if (c.stopMs !== undefined && c.stopMs < graceMs) w.clock.schedule(c.stopMs, w.name, { ...stop, code: 0, signal: 0 });
  else w.clock.schedule(graceMs, w.name, { ...stop, code: 137, signal: 9 });
}
