/**
 * The node lifecycle controller: it watches node leases, and when a kubelet has not renewed
 * for the node-monitor grace period (40 s, checked every 5 s, so 45–50 s after the last
 * renewal and some 35–50 s after the kubelet went silent) it sets the node's conditions
 * to Unknown ("Kubelet stopped posting node status."), marks the node's pods not Ready, and
 * taints the node `node.kubernetes.io/unreachable` (NoSchedule and NoExecute, which the
 * taint-eviction controller acts on). It also keeps the condition taints in step with the
 * node's status and spec, as TaintNodesByCondition does: `not-ready`/`unreachable` while
 * Ready is False/Unknown, the pressure taints, and `unschedulable` while cordoned.
 */
import type { Node, NodeCondition, Taint } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Clock, Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Store } from '../../store/store.ts';
import { rfc3339 } from '../../util/time.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { sameJSON, tolerateRejection } from '../endpoints/pods.ts';
import type { ControllerDeps } from '../index.ts';
import type { NodeLeases } from './leases.ts';

const NAME = 'node-lifecycle-controller';
const SOURCE = { component: 'node-controller' };

/** NODE_MONITOR_GRACE_MS is --node-monitor-grace-period: how long a silent kubelet is given. */
export const NODE_MONITOR_GRACE_MS = 40_000;
/** NODE_MONITOR_PERIOD_MS is --node-monitor-period: how often node health is checked. */
export const NODE_MONITOR_PERIOD_MS = 5_000;

/** TAINT_UNREACHABLE marks a node whose Ready condition is Unknown. */
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** TAINT_NOT_READY marks a node whose Ready condition is False. */
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
/** TAINT_UNSCHEDULABLE marks a cordoned node. */
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** CONDITION_TAINTS maps a condition and status to the NoSchedule taint it stands for (nodeConditionToTaintKeyStatusMap). */
const CONDITION_TAINTS: Record<string, Partial<Record<NodeCondition['status'], string>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

const MANAGED_KEYS = new Set([TAINT_UNREACHABLE, TAINT_NOT_READY, TAINT_UNSCHEDULABLE, ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m))]);

/** NodeLifecycleState is the controller's plain-data state: when each silent node's next health check is due. */
interface NodeLifecycleState {
  checks: Record<string, number>;
}

/** NodeLifecycleController marks silent nodes Unknown and keeps the node controllers' taints. */
export class NodeLifecycleController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private state: NodeLifecycleState = { checks: {} };
  private readonly api: ApiServer;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly recorder: EventRecorder;
  private readonly leases: NodeLeases | undefined;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.store = deps.store;
    this.clock = deps.clock;
    this.recorder = deps.recorder;
    this.leases = deps.leases;
    this.store.watch('Node', (e) => {
      if (e.type !== 'DELETED') this.queue.add(e.object.metadata.name!);
    });
    this.leases?.watch((node) => this.queue.add(node));
  }

  processQueue(): boolean {
    let worked = false;
    for (let key = this.queue.take(); key !== undefined; key = this.queue.take()) {
      worked = true;
      this.sync(key);
    }
    return worked;
  }

  onTimer(action: Timer['action']): void {
    if (action.type !== 'monitor') return;
    const node = action.node as string;
    if (this.state.checks[node] === this.clock.now()) delete this.state.checks[node];
    this.queue.add(node);
  }

  snapshot(): unknown {
    return { state: { checks: { ...this.state.checks } }, queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state?: NodeLifecycleState; queue: string[] };
    this.state = { checks: { ...snap.state?.checks } };
    this.queue.restore(snap.queue);
  }

  private sync(name: string): void {
    let node = this.api.tryGet<Node>('Node', '', name);
    if (!node) return;
    node = this.monitorHealth(node);
    this.reconcileTaints(node);
  }

  /** monitorHealth marks a node Unknown once its lease is older than the grace period, or comes back when it will be. */
  private monitorHealth(node: Node): Node {
    const name = node.metadata.name!;
    const now = this.clock.now();
    const lease = this.leases?.lease(name, now);
    if (!lease || lease.renewing) return node;
    // The controller looks every monitor period: it sees the last renewal on its first look
    // after it, and gives up on the first look more than the grace period after that.
    const probed = Math.ceil(lease.renewTime / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
    const due = probed + NODE_MONITOR_GRACE_MS + NODE_MONITOR_PERIOD_MS;
    if (now < due) {
      // One check per node and due time; a stale one (the kubelet came back) finds the lease renewing.
      if (this.state.checks[name] !== due) {
        this.state.checks[name] = due;
        this.clock.schedule(due - now, NAME, { type: 'monitor', node: name });
      }
      return node;
    }
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'Unknown') return node;
    const at = rfc3339(now);
    const conditions = (node.status?.conditions ?? []).map((c) =>
      c.status === 'Unknown' ? c : { ...c, status: 'Unknown' as const, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: at },
    );
    let updated = node;
    if (!tolerateRejection(() => (updated = this.api.updateStatus<Node>({ ...node, status: { ...node.status, conditions } }, NAME)))) return node;
    this.recorder.record(updated, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, SOURCE);
    this.markPodsNotReady(name, at);
    return updated;
  }

  /** markPodsNotReady is MarkPodsNotReady: every pod on the node gets Ready=False and a NodeNotReady event. */
  private markPodsNotReady(node: string, at: string): void {
    const pods = (this.store.podsOnNode(node) as Pod[]).sort((a, b) => podKey(a).localeCompare(podKey(b)));
    for (const pod of pods) {
      const conditions = pod.status?.conditions ?? [];
      const ready = conditions.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      const next = conditions.map((c) => (c === ready ? { ...c, status: 'False' as const, lastTransitionTime: at } : c));
      let stored = pod;
      if (!tolerateRejection(() => (stored = this.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions: next } }, NAME)))) continue;
      // An event refused (its namespace is being deleted) is dropped, as client-go's recorder drops it.
      tolerateRejection(() => this.recorder.record(stored, 'Warning', 'NodeNotReady', 'Node is not ready', SOURCE));
    }
  }

  /** reconcileTaints swaps the controller-owned taints for the ones the node's status and spec call for. */
  private reconcileTaints(node: Node): void {
    const want: Taint[] = [];
    for (const c of node.status?.conditions ?? []) {
      const key = CONDITION_TAINTS[c.type]?.[c.status];
      if (key) want.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec.unschedulable) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    if (ready === 'Unknown') want.push({ key: TAINT_UNREACHABLE, effect: 'NoExecute' });
    if (ready === 'False') want.push({ key: TAINT_NOT_READY, effect: 'NoExecute' });

    const current = node.spec.taints ?? [];
    const same = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
    const kept = current.filter((t) => !MANAGED_KEYS.has(t.key) || want.some((w) => same(w, t)));
    const timeAdded = rfc3339(this.clock.now());
    const added = want.filter((w) => !current.some((t) => same(w, t))).map((w) => ({ ...w, timeAdded }));
    const taints = [...kept, ...added];
    if (sameJSON(taints, current)) return;
    tolerateRejection(() => this.api.update<Node>({ ...node, spec: { ...node.spec, taints: taints.length ? taints : undefined } }, NAME));
  }
}

function podKey(p: Pod): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}
