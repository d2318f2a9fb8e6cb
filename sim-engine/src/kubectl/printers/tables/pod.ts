/** The pod table: STATUS and RESTARTS computed exactly as the server's printPod does. */
import type { Pod } from '../../../api/pod.ts';
import { humanDuration } from '../../../util/duration.ts';
import { parseTime } from '../../../util/time.ts';
import type { TableDef } from './table.ts';

/** podStatusReason is the STATUS column: phase, overridden by container reasons and Terminating. */
export function podStatusReason(pod: Pod): string {
  const status = pod.status ?? {};
  let reason: string = status.reason ?? status.phase ?? 'Pending';
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  let hasRunning = false;
  const statuses = status.containerStatuses ?? [];
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

/** podReady is the READY column: ready running containers over all containers. */
export function podReady(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const ready = statuses.filter((c) => c.ready && c.state.running).length;
  return `${ready}/${pod.spec.containers.length}`;
}

/** podRestarts is the RESTARTS column, with the age of the last restart when there was one. */
export function podRestarts(pod: Pod, now: number): string {
  const statuses = pod.status?.containerStatuses ?? [];
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
