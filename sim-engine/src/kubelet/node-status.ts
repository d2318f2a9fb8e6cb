/**
 * The kubelet's side of node health: it renews its node lease every 10 s (computed, see
 * controllers/nodelifecycle/leases.ts), posts the node's conditions when they change (coming
 * back after being silenced: every condition heartbeated, events for those that changed),
 * and records cordons as NodeNotSchedulable/NodeSchedulable events.
 *
 * A real kubelet also re-posts an unchanged status every five minutes. That is left out on
 * purpose: the default cluster is built two days in the past, and a periodic write per node
 * over that stretch would cost more than the rest of the build (hundreds of times more on the
 * benchmark's thousand nodes). So a node's lastHeartbeatTime is the last time its status
 * changed; its lease, not its heartbeat, is what tells the control plane it is alive.
 */
import type { KubeObject } from '../api/meta.ts';
import type { Node, NodeCondition } from '../api/node.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Timer } from '../clock.ts';
import type { EventRecorder } from '../events/recorder.ts';
import { rfc3339 } from '../util/time.ts';

/** NodeAgentState is the kubelet's own life beyond its pods; plain data, kept in snapshots. */
export interface NodeAgentState {
  /** Stopped by Cluster.stopNode: no lease renewals, no reports, no syncs. */
  stopped: boolean;
  /** When the kubelet last (re)started renewing its lease. */
  leaseSince: number;
  stoppedAt?: number;
  /** spec.unschedulable as last seen, for the NodeSchedulable/NodeNotSchedulable events. */
  unschedulable: boolean;
  /** Timers that came due while stopped, handled when the kubelet starts again. */
  deferred: Timer['action'][];
}

/** newAgentState is a freshly started kubelet's state. */
export function newAgentState(now: number): NodeAgentState {
  return { stopped: false, leaseSince: now, unschedulable: false, deferred: [] };
}

/** HEALTHY lists the conditions a healthy kubelet posts, in node-status order, with the event it records on entering each. */
const HEALTHY: readonly (Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'> & { event: string })[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', event: 'NodeHasSufficientMemory' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', event: 'NodeHasNoDiskPressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', event: 'NodeHasSufficientPID' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', event: 'NodeReady' },
];

/**
 * postedNodeStatus is the status a healthy kubelet posts at `now`: every condition
 * heartbeated, transition times kept unless the status changes (back from Unknown), plus the
 * events the kubelet records for the conditions that changed.
 */
export function postedNodeStatus(node: Node, now: number): { status: NonNullable<Node['status']>; events: string[] } {
  const at = rfc3339(now);
  const events: string[] = [];
  const conditions = HEALTHY.map(({ event, ...want }): NodeCondition => {
    const had = node.status?.conditions?.find((c) => c.type === want.type);
    if (had && had.status === want.status) return { ...had, reason: want.reason, message: want.message, lastHeartbeatTime: at };
    events.push(event);
    return { lastHeartbeatTime: at, lastTransitionTime: at, message: want.message, reason: want.reason, status: want.status, type: want.type };
  });
  return { status: { ...node.status, conditions }, events };
}

/** NodeReporter is what the kubelet reports about its node with. */
export interface NodeReporter {
  api: ApiServer;
  recorder: EventRecorder;
  node: string;
  actor: string;
}

/** postNodeStatus posts the node's conditions with a fresh heartbeat and records an event for each that changed. */
export function postNodeStatus(r: NodeReporter, now: number): void {
  const node = r.api.tryGet<Node>('Node', '', r.node);
  if (!node) return;
  const { status, events } = postedNodeStatus(node, now);
  r.api.updateStatus<Node>({ ...node, status }, r.actor);
  for (const reason of events) nodeEvent(r, node, reason);
}

/** noticeCordon records a cordon or uncordon the first time the kubelet sees it. */
export function noticeCordon(r: NodeReporter, agent: NodeAgentState): void {
  const node = r.api.tryGet<Node>('Node', '', r.node);
  if (!node || !!node.spec.unschedulable === agent.unschedulable) return;
  agent.unschedulable = !!node.spec.unschedulable;
  nodeEvent(r, node, agent.unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable');
}

function nodeEvent(r: NodeReporter, node: Node, reason: string): void {
  // The kubelet names its node by name where a uid would go, so describe matches these by name.
  const ref = { kind: 'Node', metadata: { name: node.metadata.name, uid: node.metadata.name } } as KubeObject;
  r.recorder.record(ref, 'Normal', reason, `Node ${r.node} status is now: ${reason}`, { component: 'kubelet', host: r.node });
}
