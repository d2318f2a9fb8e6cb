/**
 * Choosing pods and containers the way `kubectl logs` and `kubectl exec` do: a pod by name or
 * through a controller (`deployment/web` picks one pod, printing `Found 3 pods, using pod/...`),
 * and a default container with `Defaulted container "a" out of: a, b`.
 */
import type { ReplicaSet } from '../../api/apps.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import { notFound } from '../../apiserver/errors.ts';
import { matchesSelector, selectorFromMap, type Selector } from '../../apiserver/selectors.ts';
import { waitUntil, type Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { labelSelector } from '../printers/describe/deployment-util.ts';
import { parseResourceArgs } from '../resource-args.ts';

const GO_TYPES: Record<string, string> = { Node: '*v1.Node', Namespace: '*v1.Namespace', Event: '*v1.Event', Endpoints: '*v1.Endpoints', EndpointSlice: '*v1.EndpointSlice' };

/** isReady tells whether a pod's Ready condition is True. */
export function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** byLogging is podutils.ByLogging: scheduled, running, ready (longest first), most restarts, oldest. */
export function byLogging(a: Pod, b: Pod): number {
  const assigned = (p: Pod) => Boolean(p.spec.nodeName);
  if (assigned(a) !== assigned(b)) return assigned(a) ? -1 : 1;
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const ra = rank[a.status?.phase ?? ''] ?? 3;
  const rb = rank[b.status?.phase ?? ''] ?? 3;
  if (ra !== rb) return ra - rb;
  if (isReady(a) !== isReady(b)) return isReady(a) ? -1 : 1;
  const readyAt = (p: Pod) => Date.parse(p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime ?? '') || 0;
  if (isReady(a) && readyAt(a) !== readyAt(b)) return readyAt(a) - readyAt(b);
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  return (a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '') ? -1 : (a.metadata.creationTimestamp ?? '') > (b.metadata.creationTimestamp ?? '') ? 1 : 0;
}

function selectorOf(obj: KubeObject): Selector | undefined {
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'DaemonSet') return labelSelector((obj as ReplicaSet).spec.selector);
  if (obj.kind === 'Service') {
    const sel = (obj as Service).spec.selector;
    return sel && Object.keys(sel).length ? selectorFromMap(sel) : undefined;
  }
  return undefined;
}

/** resolvePod turns `POD` or `TYPE/NAME` into one pod (as logs or exec would), waiting up to `timeoutMs` for a controller to have one. */
export async function resolvePod(inv: Invocation, arg: string, timeoutMs: number, mode: 'logs' | 'exec'): Promise<Pod> {
  const notFoundPrefix = mode === 'logs';
  const what = mode === 'logs' ? 'get the logs from' : 'attach to';
  const [req] = parseResourceArgs(arg.includes('/') ? [arg] : ['pods', arg]);
  const r = req!.resource;
  const obj = inv.cluster.api.tryGet(r.kind, r.namespaced ? inv.namespace : '', req!.names[0]!);
  if (!obj) {
    const err = notFound(r, req!.names[0]!);
    // kubectl logs wraps the NotFound as plain text: `error: error from server (NotFound): ...`.
    throw notFoundPrefix ? new KubectlError(`error from server (NotFound): ${err.message}`) : err;
  }
  if (obj.kind === 'Pod') return obj as Pod;
  const goType = GO_TYPES[obj.kind] ?? `*v1.${obj.kind}`;
  if (obj.kind === 'Service' && !selectorOf(obj)) {
    throw new KubectlError(`cannot ${what} ${goType}: invalid service '${obj.metadata.name}': Service is defined without a selector`);
  }
  const sel = selectorOf(obj);
  if (!sel) throw new KubectlError(`cannot ${what} ${goType}: selector for ${goType} not implemented`);
  const pods = () => inv.cluster.api.list<Pod>('Pod', inv.namespace).filter((p) => matchesSelector(sel, p.metadata.labels));
  if (!(await waitUntil(inv, () => pods().length > 0, timeoutMs))) throw new KubectlError('timed out waiting for the condition');
  const all = pods().sort(byLogging);
  if (all.length > 1 && mode === 'logs') inv.ctx.stderr(`Found ${all.length} pods, using pod/${all[0]!.metadata.name}\n`);
  return all[0]!;
}

/** defaultContainer picks -c, the kubectl.kubernetes.io/default-container annotation, or the first container (saying so when there was a choice). */
export function defaultContainer(inv: Invocation, pod: Pod, quiet = false): string {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) {
    if (pod.spec.containers.some((c) => c.name === annotated) || pod.spec.initContainers?.some((c) => c.name === annotated)) return annotated;
    inv.ctx.stderr(`Default container name "${annotated}" not found in pod ${pod.metadata.name}\n`);
  }
  const first = pod.spec.containers[0]!.name;
  if (!quiet && (pod.spec.containers.length > 1 || pod.spec.initContainers?.length)) {
    const names = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
    inv.ctx.stderr(`Defaulted container "${first}" out of: ${names.join(', ')}\n`);
  }
  return first;
}
