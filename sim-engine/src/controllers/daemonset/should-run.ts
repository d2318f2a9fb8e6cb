/**
 * Where a DaemonSet's pods belong (pkg/controller/daemon: NodeShouldRunDaemonPod, and
 * util.CreatePodTemplate's tolerations): a node qualifies when it matches the template's
 * nodeSelector and required node affinity and has no NoSchedule or NoExecute taint the daemon
 * pod does not tolerate. Cordoning is no obstacle: daemon pods tolerate `unschedulable`.
 */
import type { Node, Taint } from '../../api/node.ts';
import type { PodSpec, Toleration } from '../../api/pod.ts';
import { tolerates } from '../../scheduler/filters.ts';
import { nodeMatchesSelectorAndAffinity } from '../../scheduler/node-affinity.ts';

const EXISTS = 'Exists' as const;

/** DAEMON_TOLERATIONS are what AddOrUpdateDaemonPodTolerations gives every daemon pod, in its order. */
const DAEMON_TOLERATIONS: readonly Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: EXISTS, effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: EXISTS, effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: EXISTS, effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: EXISTS, effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: EXISTS, effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: EXISTS, effect: 'NoSchedule' },
];

/** NETWORK_UNAVAILABLE is tolerated too by daemon pods on the host network. */
const NETWORK_UNAVAILABLE: Toleration = { key: 'node.kubernetes.io/network-unavailable', operator: EXISTS, effect: 'NoSchedule' };

/**
 * daemonPodTolerations is AddOrUpdateDaemonPodTolerations: each default toleration replaces a
 * toleration that matches it (same key, operator, value and effect) or is appended.
 */
export function daemonPodTolerations(spec: PodSpec): Toleration[] {
  let out = [...(spec.tolerations ?? [])];
  const wanted = spec.hostNetwork ? [...DAEMON_TOLERATIONS, NETWORK_UNAVAILABLE] : DAEMON_TOLERATIONS;
  for (const t of wanted) {
    const same = (x: Toleration) => (x.key ?? '') === t.key && (x.operator ?? '') === t.operator && (x.value ?? '') === '' && (x.effect ?? '') === t.effect;
    if (out.some(same)) out = out.map((x) => (same(x) ? { ...t } : x));
    else out.push({ ...t });
  }
  return out;
}

/** Placement is NodeShouldRunDaemonPod's answer: whether a new pod should start on the node, and whether a running one may stay. */
export interface Placement {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

/** nodeShouldRunDaemonPod decides a node for a template whose tolerations already include the daemon defaults. */
export function nodeShouldRunDaemonPod(node: Node, spec: PodSpec, tolerations: readonly Toleration[]): Placement {
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  if (!nodeMatchesSelectorAndAffinity(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec?.taints ?? [];
  const list = tolerations as Toleration[];
  if (!untolerated(taints, list, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) return { shouldRun: true, shouldContinueRunning: true };
  // A pod already there keeps running unless a NoExecute taint would evict it.
  return { shouldRun: false, shouldContinueRunning: !untolerated(taints, list, (t) => t.effect === 'NoExecute') };
}

function untolerated(taints: readonly Taint[], tolerations: Toleration[], filter: (t: Taint) => boolean): boolean {
  return taints.some((t) => filter(t) && !tolerates(tolerations, t));
}
