/** The Node describer: conditions, addresses, capacity, system info, the pods it runs and what they request. */
import type { Event } from '../../../api/event.ts';
import type { Node, Taint } from '../../../api/node.ts';
import type { Pod } from '../../../api/pod.ts';
import { rfc1123z } from '../../../util/time.ts';
import { compareGoStrings } from '../labels.ts';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from '../prefix-writer.ts';
import { nodeRoles } from '../tables/node.ts';
import { age } from '../tables/pod.ts';
import { describeEvents } from './events.ts';
import { addQuantity, formatQuantity, parseQuantity, percent, ZERO, type Quantity } from './quantity.ts';

/** taintString is Taint.ToString(): `key=value:Effect` or `key:Effect`. */
export function taintString(t: Taint): string {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

/** printTaints writes `Taints:` with one taint a line, sorted by effect then key, or `<none>`. */
function printTaints(w: PrefixWriter, taints: readonly Taint[] | undefined): void {
  w.write(0, 'Taints:\t');
  if (!taints?.length) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  [...taints]
    .sort((a, b) => compareGoStrings(key(a), key(b)))
    .forEach((t, i) => {
      if (i) w.write(0, '\t');
      w.write(0, `${taintString(t)}\n`);
    });
}

type ResourceMap = Map<string, Quantity>;

function add(into: ResourceMap, from: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(from ?? {})) {
    const q = parseQuantity(v);
    if (q) into.set(k, into.has(k) ? addQuantity(into.get(k)!, q) : q);
  }
}

/** podResources is PodRequests / PodLimits: containers summed, init containers as a floor; unset requests default to limits. */
export function podResources(pod: Pod): { requests: ResourceMap; limits: ResourceMap } {
  const requests: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const c of pod.spec.containers) {
    add(requests, { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) });
    add(limits, c.resources?.limits);
  }
  for (const c of pod.spec.initContainers ?? []) {
    for (const [into, from] of [
      [requests, { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) }],
      [limits, c.resources?.limits ?? {}],
    ] as const) {
      for (const [k, v] of Object.entries(from)) {
        const q = parseQuantity(v);
        if (q && (!into.has(k) || into.get(k)!.milli < q.milli)) into.set(k, q);
      }
    }
  }
  return { requests, limits };
}

/** NodeLease is the part of a node's Lease describe shows. */
export interface NodeLease {
  holder: string;
  renewTime: number;
}

/** describeNode returns `kubectl describe node` for one node, given the pods bound to it. */
export function describeNode(node: Node, pods: readonly Pod[], events: readonly Event[] | undefined, now: number, lease?: NodeLease): string {
  const w = new PrefixWriter();
  const status = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(Date.parse(node.metadata.creationTimestamp ?? ''))}\n`);
  printTaints(w, node.spec.taints);
  w.write(0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.holder}\n`);
    w.write(1, 'AcquireTime:\t<unset>\n');
    w.write(1, `RenewTime:\t${rfc1123z(lease.renewTime)}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
  }
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions) {
      const t = (s: string) => rfc1123z(Date.parse(s));
      w.write(1, `${c.type} \t${c.status} \t${t(c.lastHeartbeatTime)} \t${t(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', status.capacity], ['Allocatable', status.allocatable]] as const) {
    if (!list || !Object.keys(list).length) continue;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list).sort()) w.write(0, `  ${k}:\t${list[k]}\n`);
  }
  const info = status.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResource(w, node, pods, now);
  return events ? describeEvents(w, events, now) : w.flush();
}

function describeNodeResource(w: PrefixWriter, node: Node, pods: readonly Pod[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : (node.status?.capacity ?? {});
  const alloc = (k: string) => parseQuantity(allocatable[k]);
  const cell = (q: Quantity | undefined, k: string, unit: 'milli' | 'value') => `${formatQuantity(q ?? ZERO)} (${percent(q ?? ZERO, alloc(k), unit)}%)`;
  const totalReq: ResourceMap = new Map();
  const totalLim: ResourceMap = new Map();
  for (const pod of pods) {
    const { requests, limits } = podResources(pod);
    w.write(1, `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cell(requests.get('cpu'), 'cpu', 'milli')}\t${cell(limits.get('cpu'), 'cpu', 'milli')}\t${cell(requests.get('memory'), 'memory', 'value')}\t${cell(limits.get('memory'), 'memory', 'value')}\t${age(pod.metadata.creationTimestamp, now)}\n`);
    for (const [into, from] of [[totalReq, requests], [totalLim, limits]] as const) {
      for (const [k, q] of from) into.set(k, into.has(k) ? addQuantity(into.get(k)!, q) : q);
    }
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (k: string, unit: 'milli' | 'value') => w.write(1, `${k}\t${cell(totalReq.get(k), k, unit)}\t${cell(totalLim.get(k), k, unit)}\n`);
  row('cpu', 'milli');
  row('memory', 'value');
  row('ephemeral-storage', 'value');
  for (const k of Object.keys(allocatable).filter((r) => r.startsWith('hugepages-')).sort()) row(k, 'value');
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  for (const k of Object.keys(allocatable).filter((r) => !standard.has(r) && !r.startsWith('hugepages-') && !r.startsWith('requests.') && !r.startsWith('limits.')).sort()) {
    w.write(1, `${k}\t${formatQuantity(totalReq.get(k) ?? ZERO)}\t${formatQuantity(totalLim.get(k) ?? ZERO)}\n`);
  }
}
