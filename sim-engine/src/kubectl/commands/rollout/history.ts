/** `kubectl rollout history` and `kubectl rollout undo` for Deployments, from their ReplicaSets' revisions. */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../../api/apps.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { str } from '../../flags.ts';
import { equalIgnoreHash, ownedReplicaSets, POD_TEMPLATE_HASH, REVISION_ANNOTATION, revisionOf } from '../../printers/describe/deployment-util.ts';
import { rawPodTemplate } from '../../printers/describe/pod-template.ts';
import { LAST_APPLIED_CONFIG_ANNOTATION } from '../../printers/prefix-writer.ts';
import { describeWriter } from '../../printers/tabwriter.ts';
import { clone } from '../../../util/clone.ts';
import { dryRunMode, dryRunSuffix } from '../dry-run.ts';
import { groupKind, objectName, type RolloutTarget } from '../rollout.ts';

/** CHANGE_CAUSE is the annotation `--record` used to set. */
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** historyOf maps each revision to its ReplicaSet's template, carrying the change-cause into the template's annotations. */
function historyOf(inv: Invocation, d: Deployment): Map<number, PodTemplateSpec> {
  const history = new Map<number, PodTemplateSpec>();
  for (const rs of ownedReplicaSets(inv.cluster, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    const template = clone(rs.spec.template);
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    template.metadata = { ...(template.metadata ?? {}), annotations: { ...(template.metadata?.annotations ?? {}) } };
    if (cause) template.metadata.annotations![CHANGE_CAUSE] = cause;
    history.set(v, template);
  }
  return history;
}

function unsupported(t: RolloutTarget, what: 'history viewer' | 'rollbacker'): KubectlError {
  const gk = groupKind(t.resource);
  // kubectl reads a DaemonSet's history from its ControllerRevisions, which the sandbox does not keep.
  if (t.resource.kind === 'DaemonSet') {
    return new KubectlError(`rollout ${what === 'history viewer' ? 'history' : 'undo'} of daemonsets.apps is not supported in this sandbox (it keeps no ControllerRevisions)`);
  }
  // Only the kinds kubectl has a visitor for get the "no ... implemented" message.
  if (['Pod', 'ReplicaSet'].includes(t.resource.kind)) return new KubectlError(`no ${what} has been implemented for "${gk}"`);
  const verb = what === 'history viewer' ? 'history' : 'rollbacker';
  return new KubectlError(`error retrieving ${verb} for "${gk}", no visitor method exists for {${t.resource.group} ${t.resource.kind}}`);
}

/** rolloutHistory prints the revision table, or one revision's pod template with --revision. */
export function rolloutHistory(inv: Invocation, t: RolloutTarget): void {
  if (t.resource.kind !== 'Deployment') throw unsupported(t, 'history viewer');
  const revision = Number(str(inv.flags, 'revision', '0'));
  const history = historyOf(inv, t.object as Deployment);
  let body: string;
  if (revision > 0) {
    const template = history.get(revision);
    if (!template) throw new KubectlError('unable to find the specified revision');
    body = rawPodTemplate(template);
  } else if (history.size === 0) {
    body = 'No rollout history found.';
  } else {
    const w = describeWriter();
    w.write('REVISION\tCHANGE-CAUSE\n');
    for (const r of [...history.keys()].sort((a, b) => a - b)) w.write(`${r}\t${history.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>'}\n`);
    body = w.flush();
  }
  inv.ctx.stdout(`${objectName(t)} ${revision > 0 ? `with revision #${revision}` : ''}\n${body}\n`);
}

/** rolloutUndo puts a previous revision's template back into the Deployment. */
export function rolloutUndo(inv: Invocation, t: RolloutTarget): void {
  if (t.resource.kind !== 'Deployment') throw unsupported(t, 'rollbacker');
  const d = t.object as Deployment;
  const toRevision = Number(str(inv.flags, 'to-revision', '0'));
  if (toRevision < 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  const mode = dryRunMode(inv);
  const target = revisionReplicaSet(inv, d, toRevision);
  if (mode === 'client') {
    inv.ctx.stdout(`${objectName(t)} ${rawPodTemplate(target.spec.template)}${dryRunSuffix(mode)}\n`);
    return;
  }
  if (d.spec.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  if (equalIgnoreHash(target.spec.template, d.spec.template)) {
    inv.ctx.stdout(`${objectName(t)} skipped rollback (current template already matches revision ${toRevision})${dryRunSuffix(mode)}\n`);
    return;
  }
  const template = clone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) if (d.metadata.annotations?.[k] !== undefined) annotations[k] = d.metadata.annotations[k]!;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const next: Deployment = { ...clone(d), metadata: { ...clone(d.metadata), annotations }, spec: { ...clone(d.spec), template } };
  if (mode !== 'server') inv.cluster.api.update(next, 'kubectl-rollout');
  inv.ctx.stdout(`${objectName(t)} rolled back${dryRunSuffix(mode)}\n`);
}

/** revisionReplicaSet is deploymentRevision: the ReplicaSet of --to-revision, or of the second-newest revision. */
function revisionReplicaSet(inv: Invocation, d: Deployment, toRevision: number): ReplicaSet {
  let latest: { rs?: ReplicaSet; v: number } = { v: -1 };
  let previous: { rs?: ReplicaSet; v: number } = { v: -1 };
  for (const rs of ownedReplicaSets(inv.cluster, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.v < v) {
        previous = latest;
        latest = { rs, v };
      } else if (previous.v < v) previous = { rs, v };
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  if (!previous.rs) throw new KubectlError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous.rs;
}
