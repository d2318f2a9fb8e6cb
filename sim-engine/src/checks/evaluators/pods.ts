/** Evaluator of podsReady: a pod, or every pod of a Deployment, ReplicaSet or selector, is Running and Ready. */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { Pod } from '../../api/pod.ts';
import type { Selector } from '../../apiserver/selectors.ts';
import type { Check } from '../schema/check.ts';
import { fromLabelSelector, selectorText, toSelector } from '../selector.ts';
import { notFound, notReadyDetail, podIsReady, podState, ref, terminating } from '../words.ts';
import { fail, pass, type Outcome, type View } from './outcome.ts';

type PodsReady = Extract<Check, { type: 'podsReady' }>;

/** livePods lists the pods a selector matches in a namespace, leaving out those being deleted. */
export function livePods(view: View, namespace: string, selector: Selector): Pod[] {
  return view.api.list<Pod>('Pod', namespace, { labelSelector: selector }).filter((p) => !terminating(p));
}

/** evaluatePodsReady checks the pods of the one target the check names. */
export function evaluatePodsReady(view: View, c: PodsReady): Outcome {
  if (c.pod !== undefined) return onePod(view, c.pod, c.namespace);
  if (c.deployment !== undefined || c.replicaSet !== undefined) {
    const kind = c.deployment !== undefined ? 'Deployment' : 'ReplicaSet';
    const name = (c.deployment ?? c.replicaSet)!;
    const w = view.api.tryGet<Deployment | ReplicaSet>(kind, c.namespace, name);
    if (!w) return fail(notFound(kind, name, c.namespace));
    const pods = livePods(view, c.namespace, fromLabelSelector(w.spec.selector));
    return workload(ref(kind, name), pods, c.count ?? w.spec.replicas ?? 1);
  }
  const pods = livePods(view, c.namespace, toSelector(c.selector!));
  const what = (n: number) => `${n === 1 ? 'pod' : 'pods'} with ${selectorText(c.selector!)}`;
  if (pods.length === 0) return fail(`no pods match ${selectorText(c.selector!)} in namespace ${c.namespace}`);
  const ready = pods.filter(podIsReady).length;
  if (c.count !== undefined && pods.length !== c.count) {
    return fail(`found ${pods.length} ${what(pods.length)}, expected ${c.count}${ready < pods.length ? `: ${notReadyDetail(pods)}` : ''}`);
  }
  if (ready < pods.length) return fail(`${ready}/${pods.length} ${what(pods.length)} are Running and Ready: ${notReadyDetail(pods)}`);
  return pass(pods.length === 1 ? `the one ${what(1)} is Running and Ready` : `all ${pods.length} ${what(pods.length)} are Running and Ready`);
}

function onePod(view: View, name: string, namespace: string): Outcome {
  const pod = view.api.tryGet<Pod>('Pod', namespace, name);
  if (!pod) return fail(notFound('Pod', name, namespace));
  if (podIsReady(pod)) return pass(`pod ${name} is Running and Ready`);
  return fail(`pod ${name} is ${podState(pod)}, not Running and Ready`);
}

function workload(who: string, pods: Pod[], want: number): Outcome {
  const ready = pods.filter(podIsReady).length;
  if (pods.length === want && ready === want) return pass(`${who} has ${ready}/${want} ready replicas`);
  if (pods.length > want) {
    const detail = ready < pods.length ? `: ${notReadyDetail(pods)}` : '';
    return fail(`${who} has ${pods.length} pods, expected ${want}${detail}`);
  }
  const detail = ready < pods.length ? `: ${notReadyDetail(pods)}` : pods.length < want ? `: only ${pods.length} of ${want} pods exist` : '';
  return fail(`${who} has ${ready}/${want} ready replicas${detail}`);
}
