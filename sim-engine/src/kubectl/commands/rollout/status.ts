/**
 * `kubectl rollout status`: the DeploymentStatusViewer (or DaemonSetStatusViewer) evaluated on the current object and then
 * on every watch event of it, one line per evaluation, until the rollout is done, the object is
 * deleted, the timeout passes or Ctrl+C.
 */
import type { DaemonSet, Deployment } from '../../../api/apps.ts';
import type { WatchEvent } from '../../../store/store.ts';
import { waitUntil, type Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, str } from '../../flags.ts';
import { revisionOf } from '../../printers/describe/deployment-util.ts';
import { durationFlag } from '../durations.ts';
import { groupKind, type RolloutTarget } from '../rollout.ts';

/** StatusResult is one evaluation: the line to print and whether the rollout is finished. */
export interface StatusResult {
  message: string;
  done: boolean;
}

/** deploymentStatus is DeploymentStatusViewer.Status; it throws kubectl's errors for a failed or mismatched rollout. */
export function deploymentStatus(d: Deployment, revision: number): StatusResult {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = revisionOf(d);
    if (current === undefined) throw new KubectlError(`cannot get the revision of deployment "${name}"`);
    if (current !== revision) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const s = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (s.observedGeneration ?? 0)) {
    const progressing = s.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec.replicas ?? 1;
    const updated = s.updatedReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    if ((s.replicas ?? 0) > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
    if ((s.availableReplicas ?? 0) < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

/** daemonSetStatus is DaemonSetStatusViewer.Status (DaemonSets keep no revisions here, so `--revision` is ignored, as upstream). */
export function daemonSetStatus(ds: DaemonSet): StatusResult {
  const name = ds.metadata.name;
  if (ds.spec.updateStrategy?.type !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  const s = ds.status;
  if ((ds.metadata.generation ?? 0) > (s?.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = s?.desiredNumberScheduled ?? 0;
  const updated = s?.updatedNumberScheduled ?? 0;
  if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
  const available = s?.numberAvailable ?? 0;
  if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** rolloutStatus watches one object's rollout; it resolves to the exit status. */
export async function rolloutStatus(inv: Invocation, t: RolloutTarget): Promise<number> {
  const kind = t.resource.kind;
  if (kind !== 'Deployment' && kind !== 'DaemonSet') throw new KubectlError(`no status viewer has been implemented for ${groupKind(t.resource)}`);
  const revision = Number(str(inv.flags, 'revision', '0'));
  const timeout = durationFlag(str(inv.flags, 'timeout', '0s'), 'timeout', 'rollout status');
  const watch = bool(inv.flags, 'watch', true);
  const { namespace, name } = t.object.metadata;
  const pending: WatchEvent[] = [];
  // The watch starts with the object as listed (a synthetic ADDED), then every change to it.
  pending.push({ type: 'ADDED', object: t.object });
  const unsubscribe = inv.cluster.store.watch(kind, (e) => {
    if (e.object.metadata.namespace === namespace && e.object.metadata.name === name) pending.push(e);
  });
  let finished = false;
  let failure: unknown;
  const step = (): boolean => {
    for (const e of pending.splice(0)) {
      if (e.type === 'DELETED') {
        failure = new KubectlError('object has been deleted');
        return true;
      }
      let result: StatusResult;
      try {
        result = kind === 'DaemonSet' ? daemonSetStatus(e.object as DaemonSet) : deploymentStatus(e.object as Deployment, revision);
      } catch (err) {
        failure = err;
        return true;
      }
      inv.ctx.stdout(result.message);
      if (result.done || !watch) {
        finished = true;
        return true;
      }
    }
    return false;
  };
  try {
    const stopped = await waitUntil(inv, step, timeout > 0 ? timeout : Number.POSITIVE_INFINITY);
    if (failure) throw failure;
    if (!stopped && !finished && !inv.ctx.signal.interrupted) throw new KubectlError('timed out waiting for the condition');
  } finally {
    unsubscribe();
  }
  return 0;
}
