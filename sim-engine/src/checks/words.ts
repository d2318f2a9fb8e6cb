/** How checks name things in their messages: "pod web", "deployment web has 2/3 ready replicas", "web-1, web-2 and 3 more". */
import type { KubeObject } from '../api/meta.ts';
import type { Pod } from '../api/pod.ts';
import { resourceForKind } from '../api/resources.ts';
import { podStatusReason } from '../kubectl/printers/tables/pod.ts';

/** ref names an object as a learner would say it: `pod web`, `deployment web`. */
export function ref(kind: string, name: string): string {
  return `${kind.toLowerCase()} ${name}`;
}

/** plural is a kind's plural resource name: `pods`, `deployments`. */
export function plural(kind: string): string {
  return resourceForKind(kind)?.plural ?? `${kind.toLowerCase()}s`;
}

/** singular is a kind's singular resource name: `pod`, `deployment`. */
export function singular(kind: string): string {
  return resourceForKind(kind)?.singular ?? kind.toLowerCase();
}

/** namespaced tells whether a kind lives in namespaces. */
export function namespaced(kind: string): boolean {
  return resourceForKind(kind)?.namespaced ?? true;
}

/** inNamespace is ` in namespace <ns>` for namespaced kinds, and nothing for cluster-wide ones. */
export function inNamespace(kind: string, namespace: string): string {
  return namespaced(kind) ? ` in namespace ${namespace}` : '';
}

/** notFound is `pod db not found in namespace default`. */
export function notFound(kind: string, name: string, namespace: string): string {
  return `${ref(kind, name)} not found${inNamespace(kind, namespace)}`;
}

/** count writes `1 pod`, `3 pods`. */
export function count(n: number, singular: string, pluralWord = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralWord}`;
}

/** names lists up to `max` names: `web-1, web-2 and 3 more`. */
export function names(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** nameOf is an object's name. */
export function nameOf(obj: KubeObject): string {
  return obj.metadata.name ?? '';
}

/** terminating tells whether an object is being deleted. */
export function terminating(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

/** podIsReady is "Running and Ready": phase Running, condition Ready=True, not being deleted. */
export function podIsReady(pod: Pod): boolean {
  return !terminating(pod) && pod.status?.phase === 'Running' && (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** podState says what a pod that is not ready is doing: `ContainerCreating`, `Running but not Ready`, `Terminating`. */
export function podState(pod: Pod): string {
  const reason = podStatusReason(pod);
  if (reason === 'Running' && !podIsReady(pod)) return 'Running but not Ready';
  return reason;
}

/** notReadyDetail lists the pods that are not ready with their state: `web-1 is ContainerCreating, web-2 is Pending`. */
export function notReadyDetail(pods: readonly Pod[], max = 3): string {
  const bad = pods.filter((p) => !podIsReady(p));
  const shown = bad.slice(0, max).map((p) => `${nameOf(p)} is ${podState(p)}`);
  return bad.length > max ? `${shown.join(', ')} and ${bad.length - max} more are not ready` : shown.join(', ');
}

/** seconds writes a duration in ms as whole seconds: `12s`. */
export function seconds(ms: number): string {
  return `${Math.floor(Math.max(0, ms) / 1000)}s`;
}

/** show writes a value for a message: strings quoted, everything else as JSON. */
export function show(v: unknown): string {
  return v === undefined ? 'not set' : JSON.stringify(v);
}
