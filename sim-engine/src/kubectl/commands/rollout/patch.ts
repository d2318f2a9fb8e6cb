/** `kubectl rollout pause|resume|restart`: the object pauser, resumer and restarter, applied as an update. */
import type { DaemonSet, Deployment } from '../../../api/apps.ts';
import { rfc3339 } from '../../../util/time.ts';
import { clone } from '../../../util/clone.ts';
import type { Invocation } from '../../command.ts';
import { objectName, resourceError, type RolloutTarget } from '../rollout.ts';

/** RESTARTED_AT is the pod template annotation `rollout restart` sets. */
export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const PAST = { pause: 'paused', resume: 'resumed', restart: 'restarted' } as const;
const GERUND = { pause: 'pausing', resume: 'resuming', restart: 'restarting' } as const;

/** rolloutPatch pauses, resumes or restarts one object and prints `deployment.apps/web paused` (or its error). */
export function rolloutPatch(inv: Invocation, t: RolloutTarget, verb: 'pause' | 'resume' | 'restart'): void {
  if (t.resource.kind === 'DaemonSet' && verb === 'restart') return restart(inv, t, clone(t.object as DaemonSet));
  if (t.resource.kind !== 'Deployment') throw resourceError(t, `${GERUND[verb]} is not supported`);
  const d = clone(t.object as Deployment);
  if (verb === 'pause') {
    if (d.spec.paused) throw resourceError(t, 'is already paused');
    d.spec.paused = true;
  } else if (verb === 'resume') {
    if (!d.spec.paused) throw resourceError(t, 'is not paused');
    delete d.spec.paused;
  } else {
    if (d.spec.paused) throw resourceError(t, "can't restart paused deployment (run rollout resume first)");
    return restart(inv, t, d);
  }
  inv.cluster.api.update(d, 'kubectl-rollout');
  inv.ctx.stdout(`${objectName(t)} ${PAST[verb]}\n`);
}

/** restart stamps the pod template's restartedAt annotation, which changes the template and so rolls every pod. */
function restart(inv: Invocation, t: RolloutTarget, obj: Deployment | DaemonSet): void {
  const annotations = { ...(obj.spec.template.metadata?.annotations ?? {}) };
  const stamp = rfc3339(inv.ctx.now());
  if (annotations[RESTARTED_AT] === stamp) {
    throw new Error(`failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
  }
  annotations[RESTARTED_AT] = stamp;
  obj.spec.template = { ...obj.spec.template, metadata: { ...(obj.spec.template.metadata ?? {}), annotations } };
  inv.cluster.api.update(obj, 'kubectl-rollout');
  inv.ctx.stdout(`${objectName(t)} ${PAST.restart}\n`);
}
