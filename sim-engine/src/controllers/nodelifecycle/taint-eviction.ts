/**
 * The taint-eviction controller (the NoExecute taint manager): a pod on a node with a
 * NoExecute taint it doesn't tolerate is deleted at once; one that tolerates every such taint
 * for a limited time (the default `not-ready`/`unreachable` tolerations allow 300 s) is
 * deleted when the shortest of those tolerations runs out, counted from when the controller
 * first saw it tainted; `tolerationSeconds` unset means it may stay forever. A taint removed
 * in time cancels the eviction. Evicted pods get a DisruptionTarget condition and are deleted
 * gracefully, so on a dead node they stay Terminating until its kubelet is back, while their
 * controllers create replacements elsewhere.
 */
import type { Node, Taint } from '../../api/node.ts';
import type { Pod, Toleration } from '../../api/pod.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import type { Clock, Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Store } from '../../store/store.ts';
import { rfc3339 } from '../../util/time.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { sameJSON, tolerateRejection } from '../endpoints/pods.ts';
import type { ControllerDeps } from '../index.ts';

const NAME = 'taint-eviction-controller';
const SOURCE = { component: NAME };

/** Eviction is a pod's scheduled deletion. */
interface Eviction {
  uid: string;
  createdAt: number;
  at: number;
}

/** TaintEvictionState is the controller's plain-data state: scheduled evictions by `namespace/name`. */
interface TaintEvictionState {
  evictions: Record<string, Eviction>;
}

/** TaintEvictionController evicts pods from nodes with NoExecute taints they don't tolerate (long enough). */
export class TaintEvictionController implements Component {
  readonly name = NAME;
  private readonly queue = new WorkQueue();
  private state: TaintEvictionState = { evictions: {} };
  private readonly api: ApiServer;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly recorder: EventRecorder;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.store = deps.store;
    this.clock = deps.clock;
    this.recorder = deps.recorder;
    this.store.watch('Node', (e) => {
      const before = noExecute((e.old as Node | undefined)?.spec.taints);
      const after = e.type === 'DELETED' ? [] : noExecute((e.object as Node).spec.taints);
      if (!sameJSON(before, after)) this.queue.add(`node/${e.object.metadata.name}`);
    });
    this.store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const old = e.old as Pod | undefined;
      if (e.type === 'MODIFIED' && old && old.spec.nodeName === pod.spec.nodeName && sameJSON(old.spec.tolerations, pod.spec.tolerations)) return;
      if (pod.spec.nodeName || old?.spec.nodeName) this.queue.add(`pod/${pod.metadata.namespace}/${pod.metadata.name}`);
    });
  }

  processQueue(): boolean {
    let worked = false;
    for (let key = this.queue.take(); key !== undefined; key = this.queue.take()) {
      worked = true;
      const [what, a, b] = key.split('/') as [string, string, string];
      if (what === 'node') {
        const pods = (this.store.podsOnNode(a) as Pod[]).sort((x, y) => podKey(x).localeCompare(podKey(y)));
        for (const pod of pods) this.syncPod(`${pod.metadata.namespace}/${pod.metadata.name}`);
      } else {
        this.syncPod(`${a}/${b}`);
      }
    }
    return worked;
  }

  onTimer(action: Timer['action']): void {
    if (action.type !== 'evict') return;
    const key = action.key as string;
    const ev = this.state.evictions[key];
    if (!ev || ev.uid !== action.uid || ev.at !== this.clock.now()) return;
    delete this.state.evictions[key];
    const [namespace, name] = key.split('/') as [string, string];
    const pod = this.api.tryGet<Pod>('Pod', namespace, name);
    if (pod?.metadata.uid === ev.uid && !pod.metadata.deletionTimestamp) this.evict(pod);
  }

  snapshot(): unknown {
    return { state: { evictions: { ...this.state.evictions } }, queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state: TaintEvictionState; queue: string[] };
    this.state = { evictions: { ...snap.state.evictions } };
    this.queue.restore(snap.queue);
  }

  /** scheduled lists the pending evictions (namespace/name → when), for tests and the UI. */
  scheduled(): Record<string, number> {
    return Object.fromEntries(Object.entries(this.state.evictions).map(([k, e]) => [k, e.at]));
  }

  private syncPod(key: string): void {
    const [namespace, name] = key.split('/') as [string, string];
    const pod = this.api.tryGet<Pod>('Pod', namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec.nodeName) {
      this.forget(key, undefined);
      return;
    }
    const taints = noExecute(this.api.tryGet<Node>('Node', '', pod.spec.nodeName)?.spec.taints);
    if (taints.length === 0) {
      this.forget(key, pod);
      return;
    }
    let minSeconds: number | undefined;
    for (const taint of taints) {
      // GetMatchingTolerations: the first toleration that matches a taint is the one used.
      const used = (pod.spec.tolerations ?? []).find((t) => tolerates(t, taint));
      if (!used) {
        this.forget(key, undefined);
        this.evict(pod);
        return;
      }
      if (used.tolerationSeconds !== undefined) minSeconds = Math.min(minSeconds ?? Infinity, used.tolerationSeconds);
    }
    if (minSeconds === undefined) {
      this.forget(key, pod);
      return;
    }
    const now = this.clock.now();
    const existing = this.state.evictions[key];
    // An eviction already counting down keeps its start, as the real taint manager's queue does.
    if (existing && existing.uid === pod.metadata.uid && existing.createdAt < now) return;
    const at = now + Math.max(0, minSeconds) * 1000;
    this.clock.cancel(NAME, (a) => a.key === key);
    this.state.evictions[key] = { uid: pod.metadata.uid!, createdAt: now, at };
    this.clock.schedule(at - now, NAME, { type: 'evict', key, uid: pod.metadata.uid! });
  }

  /** forget drops a scheduled eviction; with `pod`, the cancellation is announced as the real controller does. */
  private forget(key: string, pod: Pod | undefined): void {
    if (!this.state.evictions[key]) return;
    delete this.state.evictions[key];
    this.clock.cancel(NAME, (a) => a.key === key);
    if (pod) tolerateRejection(() => this.recorder.record(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${podKey(pod)}`, SOURCE));
  }

  private evict(pod: Pod): void {
    tolerateRejection(() => this.recorder.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podKey(pod)}`, SOURCE));
    const condition = {
      lastProbeTime: null,
      lastTransitionTime: rfc3339(this.clock.now()),
      message: 'Taint manager: deleting due to NoExecute taint',
      reason: 'DeletionByTaintManager',
      status: 'True' as const,
      type: 'DisruptionTarget',
    };
    const conditions = [...(pod.status?.conditions ?? []).filter((c) => (c.type as string) !== 'DisruptionTarget'), condition];
    tolerateRejection(() => this.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } } as Pod, NAME));
    tolerateRejection(() => this.api.delete('Pod', pod.metadata.namespace!, pod.metadata.name!, NAME));
  }
}

function noExecute(taints: Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** tolerates is Toleration.ToleratesTaint. */
function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (!t.key) return t.operator === 'Exists';
  if (t.key !== taint.key) return false;
  return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '');
}

function podKey(p: Pod): string {
  return `${p.metadata.namespace}/${p.metadata.name}`;
}
