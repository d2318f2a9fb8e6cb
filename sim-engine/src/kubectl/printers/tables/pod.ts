/** The pod table: STATUS and RESTARTS computed exactly as the server's printPod does. */
import type { Pod } from '../../../api/pod.ts';
import { humanDuration } from '../../../util/duration.ts';
import { parseTime } from '../../../util/time.ts';
import type { TableDef } from './table.ts';

/**
 * podStatusReason is the STATUS column: phase, overridden by the first unfinished init
 * container (`Init:1/2`, `Init:Error`, `Init:CrashLoopBackOff`), then by container reasons and
 * Terminating.
 */
export function podStatusReason(pod: Pod): string {
  const status = pod.status ?? {};
  let reason: string = status.reason ?? status.phase ?? 'Pending';
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const initializing = initReason(pod);
  if (initializing !== undefined) reason = initializing;
  let hasRunning = false;
  const initialized = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  const statuses = initializing === undefined || initialized ? (status.containerStatuses ?? []) : [];
  for (let i = statuses.length - 1; i >= 0; i--) {
    const c = statuses[i]!;
    if (c.state.waiting?.reason) reason = c.state.waiting.reason;
    else if (c.state.terminated?.reason) reason = c.state.terminated.reason;
    else if (c.state.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
    else if (c.state.running && c.ready) hasRunning = true;
  }
  if (reason === 'Completed' && hasRunning) {
    reason = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') return 'Unknown';
  if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') return 'Terminating';
  return reason;
}

/** initReason is printPod's init-container pass: the first init container that has not completed names the STATUS. */
function initReason(pod: Pod): string | undefined {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const total = pod.spec.initContainers?.length ?? 0;
  for (let i = 0; i < statuses.length; i++) {
    const { waiting, terminated } = statuses[i]!.state;
    if (terminated?.exitCode === 0) continue;
    if (terminated) {
      if (terminated.reason) return `Init:${terminated.reason}`;
      return terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
    }
    if (waiting?.reason && waiting.reason !== 'PodInitializing') return `Init:${waiting.reason}`;
    return `Init:${i}/${total}`;
  }
  return undefined;
}

/** podReady is the READY column: ready running containers over all containers. */
export function podReady(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((c) => c.ready && c.state.running).length;
  return `${ready}/${pod.spec.containers.length}`;
}

/** podRestarts is the RESTARTS column, with the age of the last restart when there was one: init containers' while initializing. */
export function podRestarts(pod: Pod, now: number): string {
  const initialized = pod.status?.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  const statuses = initReason(pod) === undefined || initialized ? (pod.status?.containerStatuses ?? []) : (pod.status?.initContainerStatuses ?? []);
  const restarts = statuses.reduce((n, c) => n + c.restartCount, 0);
  const last = Math.max(0, ...statuses.map((c) => parseTime(c.lastState.terminated?.finishedAt) ?? 0));
  return restarts > 0 && last > 0 ? `${restarts} (${humanDuration(now - last)} ago)` : String(restarts);
}

/** podTable is `kubectl get pods`. */
export const podTable: TableDef<Pod> = {
  columns: [
    { name: 'NAME' },
    { name: 'READY' },
    { name: 'STATUS' },
    { name: 'RESTARTS' },
    { name: 'AGE' },
    { name: 'IP', wide: true },
    { name: 'NODE', wide: true },
    { name: 'NOMINATED NODE', wide: true },
    { name: 'READINESS GATES', wide: true },
  ],
  row(pod, now) {
    return [
      pod.metadata.name!,
      podReady(pod),
      podStatusReason(pod),
      podRestarts(pod, now),
      age(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '<none>',
      pod.spec.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      '<none>',
    ];
  },
};

/** age formats a creation timestamp as the AGE column does. */
export function age(timestamp: string | null | undefined, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}
