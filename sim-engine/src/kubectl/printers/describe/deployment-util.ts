/** deploymentutil as kubectl uses it: a Deployment's ReplicaSets, which one is new, and revisions. */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../../api/apps.ts';
import type { Cluster } from '../../../cluster.ts';
import { matchesSelector, type Selector } from '../../../apiserver/selectors.ts';

/** REVISION_ANNOTATION is deployment.kubernetes.io/revision. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** POD_TEMPLATE_HASH is the label the Deployment controller adds to every ReplicaSet and pod. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** labelSelector turns a LabelSelector into the apiserver's Selector (matchLabels and matchExpressions). */
export function labelSelector(sel: Deployment['spec']['selector'] | undefined): Selector {
  const out: Selector = Object.entries(sel?.matchLabels ?? {}).map(([key, v]) => ({ key, op: 'in' as const, values: [v] }));
  for (const e of sel?.matchExpressions ?? []) {
    const op = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[e.operator];
    out.push({ key: e.key, op, values: e.values ?? [] });
  }
  return out;
}

/** ownedReplicaSets lists the ReplicaSets a Deployment controls (selector match and controller reference), by name. */
export function ownedReplicaSets(cluster: Cluster, d: Deployment): ReplicaSet[] {
  const sel = labelSelector(d.spec.selector);
  return cluster.api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => matchesSelector(sel, rs.metadata.labels) && rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** canonicalJSON is JSON with sorted keys, so equal templates compare equal whatever order their fields were set in. */
export function canonicalJSON(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJSON).join(',')}]`;
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJSON(x)}`).join(',')}}`;
}

/** withoutHash returns a template copy without the pod-template-hash label. */
export function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  const metadata = { ...(t.metadata ?? {}), labels: Object.keys(labels).length ? labels : undefined };
  return { ...t, metadata };
}

/** equalIgnoreHash is deploymentutil.EqualIgnoreHash. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const norm = (t: PodTemplateSpec) => {
    const m = withoutHash(t).metadata ?? {};
    return canonicalJSON({ ...t, metadata: { ...m, creationTimestamp: undefined } });
  };
  return norm(a) === norm(b);
}

/** findNewReplicaSet is the oldest owned ReplicaSet whose template equals the Deployment's. */
export function findNewReplicaSet(d: Deployment, owned: readonly ReplicaSet[]): ReplicaSet | undefined {
  const byAge = [...owned].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    return ta === tb ? (a.metadata.name! < b.metadata.name! ? -1 : 1) : ta < tb ? -1 : 1;
  });
  return byAge.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** revisionOf reads deployment.kubernetes.io/revision (0 when absent, undefined when it is not a number). */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number | undefined {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}
