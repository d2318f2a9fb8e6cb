/** The Deployment and ReplicaSet describers, in describe.go's line order. */
import type { Deployment, ReplicaSet } from '../../../api/apps.ts';
import type { Event } from '../../../api/event.ts';
import type { Pod } from '../../../api/pod.ts';
import type { Cluster } from '../../../cluster.ts';
import { matchesSelector } from '../../../apiserver/selectors.ts';
import { rfc1123z } from '../../../util/time.ts';
import { formatLabelSelector } from '../labels.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';
import { findNewReplicaSet, labelSelector, ownedReplicaSets } from './deployment-util.ts';
import { describeEvents } from './events.ts';
import { describePodTemplate } from './pod-template.ts';

/** intOrString prints an IntOrString as Go's String() does. */
function intOrString(v: number | string | undefined, fallback: string): string {
  return v === undefined ? fallback : String(v);
}

function conditions(w: PrefixWriter, list: readonly { type: string; status: string; reason?: string }[] | undefined): void {
  if (!list?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of list) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function finish(w: PrefixWriter, events: readonly Event[] | undefined, now: number): string {
  return events ? describeEvents(w, events, now) : w.flush();
}

function replicaSetsByLabels(list: readonly ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`).join(', ') || '<none>';
}

/** describeDeployment returns `kubectl describe deployment` for one Deployment. */
export function describeDeployment(d: Deployment, cluster: Cluster, events: readonly Event[] | undefined): string {
  const w = new PrefixWriter();
  const s = d.status ?? {};
  const selector = formatLabelSelector(d.spec.selector);
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(Date.parse(d.metadata.creationTimestamp ?? ''))}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selector === '<none>' ? '' : selector}\n`);
  w.write(0, `Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`);
  const strategy = d.spec.strategy ?? { type: 'RollingUpdate' };
  w.write(0, `StrategyType:\t${strategy.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  if (strategy.rollingUpdate) {
    const ru = strategy.rollingUpdate;
    w.write(0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable, '25%')} max unavailable, ${intOrString(ru.maxSurge, '25%')} max surge\n`);
  }
  describePodTemplate(w, d.spec.template);
  conditions(w, s.conditions);
  const owned = ownedReplicaSets(cluster, d);
  const newRS = findNewReplicaSet(d, owned);
  const old = owned.filter((rs) => rs !== newRS);
  if (old.length || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsByLabels(old)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  }
  return finish(w, events, cluster.now());
}

/** podsStatus counts the phases of the pods a controller owns: Running, Waiting (Pending), Succeeded and Failed. */
export function podsStatus(cluster: Cluster, rs: Pick<ReplicaSet, 'metadata'> & { spec: Pick<ReplicaSet['spec'], 'selector'> }): string {
  const sel = labelSelector(rs.spec.selector);
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of cluster.api.list<Pod>('Pod', rs.metadata.namespace)) {
    if (!matchesSelector(sel, p.metadata.labels)) continue;
    if (!p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid)) continue;
    const phase = p.status?.phase ?? 'Pending';
    if (phase in counts) counts[phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

/** describeReplicaSet returns `kubectl describe replicaset` for one ReplicaSet. */
export function describeReplicaSet(rs: ReplicaSet, cluster: Cluster, events: readonly Event[] | undefined): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = rs.metadata.ownerReferences?.find((r) => r.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podsStatus(cluster, rs)}\n`);
  describePodTemplate(w, rs.spec.template);
  conditions(w, rs.status?.conditions);
  return finish(w, events, cluster.now());
}
