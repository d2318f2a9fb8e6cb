/**
 * podsShouldBeOnNode's deletions (pkg/controller/daemon): on a node that may keep its daemon
 * pod, failed pods go and, without surge, every pod but the oldest; with surge, one old and one
 * new pod may share the node until the new one is available. On a node that may not keep one,
 * every pod goes. Pods already terminating are left to finish.
 */
import type { DaemonSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import { REVISION_HASH_LABEL } from './pods.ts';
import { isAvailable, scaledValue } from './rolling.ts';
import type { Placement } from './should-run.ts';

/** allowsSurge is util.AllowsSurge: a rolling update whose maxSurge is not zero. */
export function allowsSurge(ds: DaemonSet): boolean {
  const s = ds.spec.updateStrategy;
  return s?.type === 'RollingUpdate' && scaledValue(s.rollingUpdate?.maxSurge, 1) > 0;
}

/** podsToDeleteOnNode returns the pods (oldest first in `pods`) that should go from one node. */
export function podsToDeleteOnNode(ds: DaemonSet, node: string, placement: Placement, pods: readonly Pod[], hash: string, now: number, recorder: EventRecorder): Pod[] {
  const live = pods.filter((p) => !p.metadata.deletionTimestamp);
  if (!placement.shouldContinueRunning) return live;
  const out: Pod[] = [];
  const running: Pod[] = [];
  for (const pod of live) {
    const phase = pod.status?.phase;
    if (phase === 'Failed') {
      recorder.record(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node}, will try to kill it`, { component: 'daemonset-controller' });
      out.push(pod);
    } else if (phase === 'Succeeded') {
      out.push(pod);
    } else {
      running.push(pod);
    }
  }
  if (!allowsSurge(ds)) return [...out, ...running.slice(1)];
  let newest: Pod | undefined;
  let oldest: Pod | undefined;
  for (const pod of running) {
    const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === hash;
    if (isNew && !newest) newest = pod;
    else if (!isNew && !oldest) oldest = pod;
    else out.push(pod);
  }
  if (newest && oldest && isAvailable(newest, ds.spec.minReadySeconds ?? 0, now)) out.push(oldest);
  return out;
}
