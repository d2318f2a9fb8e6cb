/**
 * The scheduler's filter plugins, in the default profile's order. Each returns undefined when
 * the node fits, or the reason (or, for NodeResourcesFit, reasons) the FailedScheduling
 * message counts.
 */
import type { Taint } from '../api/node.ts';
import type { Pod, Toleration } from '../api/pod.ts';
import type { NodeInfo } from './cache.ts';
import { nodeMatchesTerms, requiredNodeAffinityTerms, type NodeSelectorTerm } from './node-affinity.ts';
import { parseCPU, parseMemory } from './quantity.ts';

/**
 * PodFacts is what the filters ask of the pod being scheduled, worked out once per scheduling
 * attempt rather than once per node looked at: its requests, host ports, node selector and
 * required node affinity terms.
 */
export interface PodFacts {
  pod: Pod;
  cpu: number;
  memory: number;
  hostPorts: readonly string[];
  nodeSelector: readonly [string, string][];
  /** The required node affinity's terms (undefined when the pod has none), as DaemonSet pods carry them. */
  affinityTerms: readonly NodeSelectorTerm[] | undefined;
  /** No node selector, node affinity or host ports: on a plain node (NodeInfo.plain) only resources can fail. */
  plain: boolean;
}

/** podFacts works out a pod's PodFacts. */
export function podFacts(pod: Pod): PodFacts {
  const facts = {
    pod,
    ...requests(pod),
    hostPorts: [...hostPorts(pod)],
    nodeSelector: Object.entries(pod.spec.nodeSelector ?? {}),
    affinityTerms: requiredNodeAffinityTerms(pod.spec),
    plain: false,
  };
  facts.plain = facts.hostPorts.length === 0 && facts.nodeSelector.length === 0 && facts.affinityTerms === undefined;
  return facts;
}

/**
 * Reasons is one plugin's failure on a node: a single reason, or several when NodeResourcesFit
 * finds more than one resource short (kube-scheduler reports every one, so a node short of both
 * cpu and memory counts under `Insufficient cpu` and under `Insufficient memory`).
 */
export type Reasons = string | readonly string[];

/** Filter is one plugin's verdict on a node. */
export type Filter = (pod: PodFacts, info: NodeInfo) => Reasons | undefined;

/** nodeUnschedulable rejects cordoned nodes, unless the pod tolerates the unschedulable taint. */
export const nodeUnschedulable: Filter = ({ pod }, { node }) =>
  node.spec.unschedulable && !tolerates(pod.spec.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })
    ? 'node(s) were unschedulable'
    : undefined;

/** taintToleration rejects nodes with a NoSchedule or NoExecute taint the pod does not tolerate. */
export const taintToleration: Filter = ({ pod }, { node }) => {
  const taints = node.spec.taints;
  if (!taints?.length) return undefined;
  const taint = taints.find((t) => t.effect !== 'PreferNoSchedule' && !tolerates(pod.spec.tolerations, t));
  return taint ? `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}` : undefined;
};

/** nodeAffinity rejects nodes that do not match the pod's nodeSelector or its required node affinity (labels, and `metadata.name` fields). */
export const nodeAffinity: Filter = ({ nodeSelector, affinityTerms }, { node }) => {
  if (nodeSelector.length === 0 && affinityTerms === undefined) return undefined;
  const labels = node.metadata.labels ?? {};
  const ok = nodeSelector.every(([k, v]) => labels[k] === v) && (affinityTerms === undefined || nodeMatchesTerms(affinityTerms, node));
  return ok ? undefined : "node(s) didn't match Pod's node affinity/selector";
};

/** nodePorts rejects nodes where a requested hostPort is already taken. */
export const nodePorts: Filter = (want, info) => {
  for (const hp of want.hostPorts) if (info.hostPorts.has(hp)) return "node(s) didn't have free ports for the requested pod ports";
  return undefined;
};

// The possible NodeResourcesFit failures, built once so a failing node costs no allocation.
const SHORTAGES: readonly (Reasons | undefined)[] = (() => {
  const names = ['Too many pods', 'Insufficient cpu', 'Insufficient memory'];
  const out: (Reasons | undefined)[] = [];
  for (let bits = 0; bits < 8; bits++) {
    const picked = names.filter((_, i) => bits & (1 << i));
    out.push(picked.length === 0 ? undefined : picked.length === 1 ? picked[0] : picked);
  }
  return out;
})();

/**
 * nodeResourcesFit rejects nodes without room for the pod's requests (and the pod count),
 * naming every shortage like fitsRequest does: pods first, then cpu, then memory.
 */
export const nodeResourcesFit: Filter = (want, info) => {
  const alloc = info.allocatable;
  const pods = info.podCount + 1 > alloc.pods ? 1 : 0;
  const cpu = want.cpu > 0 && info.cpu + want.cpu > alloc.cpu ? 2 : 0;
  const memory = want.memory > 0 && info.memory + want.memory > alloc.memory ? 4 : 0;
  return SHORTAGES[pods | cpu | memory];
};

/** FILTERS is the default profile's filter chain; the first failing filter names the node's reason. */
export const FILTERS: readonly Filter[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];

/**
 * runFilters runs FILTERS in order on one node and returns the first reason (undefined when the
 * node fits). Spelled out rather than looped so the engine can inline each plugin: a pod on a
 * thousand-node cluster is checked against hundreds of nodes.
 */
export function runFilters(pod: PodFacts, info: NodeInfo): Reasons | undefined {
  // The common case on a large cluster: the other four filters cannot fail, so only resources are checked.
  if (pod.plain && info.plain) return nodeResourcesFit(pod, info);
  return nodeUnschedulable(pod, info) ?? taintToleration(pod, info) ?? nodeAffinity(pod, info) ?? nodePorts(pod, info) ?? nodeResourcesFit(pod, info);
}

/**
 * PREEMPTION_HELPS lists reasons that evicting lower-priority pods could cure (the plugins
 * return Unschedulable rather than UnschedulableAndUnresolvable). One plugin's reasons are all
 * curable or all not, so a node's first reason decides.
 */
export const PREEMPTION_HELPS = new Set(['Insufficient cpu', 'Insufficient memory', 'Too many pods', "node(s) didn't have free ports for the requested pod ports"]);

/** tolerates tells whether any toleration matches the taint. */
export function tolerates(tolerations: Toleration[] | undefined, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (!t.key) return t.operator === 'Exists';
    if (t.key !== taint.key) return false;
    return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
  });
}

/**
 * requests is a pod's effective cpu (millicores) and memory (bytes) request: the sum over its
 * containers, or the largest init container's when that is more, since init containers run
 * one at a time before the others.
 */
export function requests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    const r = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
    if (r.cpu) cpu += parseCPU(r.cpu);
    if (r.memory) memory += parseMemory(r.memory);
  }
  for (const c of pod.spec.initContainers ?? []) {
    const r = { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
    if (r.cpu) cpu = Math.max(cpu, parseCPU(r.cpu));
    if (r.memory) memory = Math.max(memory, parseMemory(r.memory));
  }
  return { cpu, memory };
}

/** hostPorts lists the `PROTOCOL/port` host ports a pod asks for. */
export function hostPorts(pod: Pod): Set<string> {
  const out = new Set<string>();
  for (const c of pod.spec.containers) for (const p of c.ports ?? []) if (p.hostPort) out.add(`${p.protocol ?? 'TCP'}/${p.hostPort}`);
  return out;
}
