/** Evaluators of the relation checks: serviceSelects (Service → ready pods) and ownedBy (dependent → owner). */
import type { Endpoints } from '../../api/endpoints.ts';
import type { KubeObject, OwnerReference } from '../../api/meta.ts';
import type { Pod } from '../../api/pod.ts';
import type { Service } from '../../api/service.ts';
import { selectorFromMap } from '../../apiserver/selectors.ts';
import type { Check } from '../schema/check.ts';
import { selectorText, toSelector } from '../selector.ts';
import { count, names, nameOf, notFound, notReadyDetail, plural, podIsReady, ref, terminating } from '../words.ts';
import { compareCount } from './compare.ts';
import { fail, pass, type Outcome, type View } from './outcome.ts';
import { livePods } from './pods.ts';

type Of<T extends Check['type']> = Extract<Check, { type: T }>;

/** evaluateServiceSelects counts the ready pods behind a Service and compares the count (at least 1 by default). */
export function evaluateServiceSelects(view: View, c: Of<'serviceSelects'>): Outcome {
  const svc = view.api.tryGet<Service>('Service', c.namespace, c.service);
  if (!svc) return fail(notFound('Service', c.service, c.namespace));
  const who = `Service ${c.service}`;
  const ops = c.equals ?? c.gte ?? c.lte ?? c.gt ?? c.lt;
  const want = ops === undefined ? { gte: 1 } : c;
  const labels = svc.spec.selector ?? {};
  const matching = Object.keys(labels).length ? livePods(view, c.namespace, selectorFromMap(labels)) : [];
  const readyPods = matching.filter(podIsReady);
  let backends: string[];
  let source = '';
  const ep = view.api.tryGet<Endpoints>('Endpoints', c.namespace, c.service);
  if (c.via === 'endpoints' || (c.via === 'auto' && ep)) {
    if (!ep) return fail(`${who} has no Endpoints yet`);
    const byIp = new Map<string, string>();
    for (const a of (ep.subsets ?? []).flatMap((s) => s.addresses ?? [])) byIp.set(a.ip, a.targetRef?.name ?? a.ip);
    backends = [...byIp.values()];
    source = ' (from its Endpoints)';
  } else {
    if (!Object.keys(labels).length) return fail(`${who} has no selector, so it selects no pods`);
    backends = readyPods.map(nameOf);
  }
  const ready = backends.length;
  const missed = compareCount(ready, want);
  const selects = `${who} selects ${count(ready, 'ready pod')}${source}`;
  if (missed === undefined) return pass(`${selects}${ready ? `: ${names(backends)}` : ''}`);
  return fail(`${selects}, ${missed}: ${why(view, c.namespace, labels, matching)}`);
}

/** why explains a shortfall: a selector label no pod has, or the matching pods that are not ready. */
function why(view: View, namespace: string, labels: Record<string, string>, matching: Pod[]): string {
  if (!Object.keys(labels).length) return 'it has no selector';
  const text = selectorText(labels);
  if (matching.length === 0) {
    const all = view.api.list<Pod>('Pod', namespace).filter((p) => !terminating(p));
    const missing = Object.entries(labels).find(([k, v]) => !all.some((p) => p.metadata.labels?.[k] === v));
    if (missing) return `no pod has the label ${missing[0]}=${missing[1]}`;
    return `no pod has all of the labels ${text}`;
  }
  if (matching.some((p) => !podIsReady(p))) return `${count(matching.length, 'pod')} ${matching.length === 1 ? 'matches' : 'match'} ${text}, but ${notReadyDetail(matching)}`;
  return `${count(matching.length, 'pod')} ${matching.length === 1 ? 'matches' : 'match'} ${text}`;
}

/** controllerOf is the controlling owner reference (or the first one, if none is marked controller). */
function controllerOf(obj: KubeObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences ?? [];
  return refs.find((r) => r.controller) ?? refs[0];
}

/** evaluateOwnedBy checks that every matching object has the owner up its chain of controllers. */
export function evaluateOwnedBy(view: View, c: Of<'ownedBy'>): Outcome {
  const owner = view.api.tryGet(c.owner.kind, c.namespace, c.owner.name);
  const ownerRef = ref(c.owner.kind, c.owner.name);
  if (!owner) return fail(notFound(c.owner.kind, c.owner.name, c.namespace));
  let objects: KubeObject[];
  if (c.name !== undefined) {
    const obj = view.api.tryGet(c.kind, c.namespace, c.name);
    if (!obj) return fail(notFound(c.kind, c.name, c.namespace));
    objects = [obj];
  } else {
    objects = view.api.list(c.kind, c.namespace, { labelSelector: toSelector(c.selector!) }).filter((o) => !terminating(o));
    if (!objects.length) return fail(`no ${plural(c.kind)} match ${selectorText(c.selector!)} in namespace ${c.namespace}`);
  }
  const via: string[] = [];
  for (const obj of objects) {
    const chain = ownerChain(view, obj, c.namespace, c.owner.kind, c.owner.name, owner.metadata.uid);
    if (chain.problem) return fail(chain.problem);
    via.push(...chain.via);
  }
  const through = via.length ? ` (through ${names([...new Set(via)])})` : '';
  if (c.name !== undefined) return pass(`${ref(c.kind, c.name)} is owned by ${ownerRef}${through}`);
  return pass(`${objects.length === 1 ? `${ref(c.kind, nameOf(objects[0]!))} is` : `all ${objects.length} ${plural(c.kind)} with ${selectorText(c.selector!)} are`} owned by ${ownerRef}${through}`);
}

function ownerChain(view: View, obj: KubeObject, namespace: string, kind: string, name: string, uid: string | undefined): { problem?: string; via: string[] } {
  const start = ref(obj.kind, nameOf(obj));
  const target = ref(kind, name);
  const via: string[] = [];
  let cur = obj;
  for (let depth = 0; depth < 6; depth++) {
    const r = controllerOf(cur);
    if (!r) break;
    if (r.kind === kind && r.name === name) {
      if (uid && r.uid !== uid) return { problem: `${start} is owned by an earlier ${target}, one that has since been deleted`, via };
      return { via };
    }
    via.push(ref(r.kind, r.name));
    const next = view.api.tryGet(r.kind, namespace, r.name);
    if (!next) return { problem: `${start} is owned by ${via.join(', which is owned by ')}, which no longer exists, so not by ${target}`, via };
    cur = next;
  }
  if (!via.length) return { problem: `${start} has no owner: nothing controls it, so it is not owned by ${target}`, via };
  return { problem: `${start} is owned by ${via.join(', which is owned by ')}, not by ${target}`, via };
}
