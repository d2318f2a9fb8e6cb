/**
 * Scheduler assigns pending pods to nodes: filter out the nodes that can't take the pod,
 * score the rest (spread replicas of one owner, then balance load), bind to the best. A pod
 * that fits nowhere stays Pending with a FailedScheduling event and is retried when the
 * cluster changes or its back-off expires.
 */
import type { Pod } from '../api/pod.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import type { Clock, Timer } from '../clock.ts';
import type { Component } from '../component.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';
import { rfc3339 } from '../util/time.ts';
import { WorkQueue } from '../util/workqueue.ts';
import { SchedulerCache, type NodeInfo } from './cache.ts';
import { podFacts, PREEMPTION_HELPS, runFilters } from './filters.ts';

const ACTOR = 'default-scheduler';

/** SchedulerState is the scheduler's own state: pods waiting to be retried and their back-off, and where the next node search starts. */
interface SchedulerState {
  unschedulable: Record<string, number>;
  nextStartNodeIndex: number;
}

const MIN_FEASIBLE_NODES_TO_FIND = 100;

/** Scheduler binds pods to nodes. */
export class Scheduler implements Component {
  readonly name = ACTOR;
  private readonly queue = new WorkQueue();
  private state: SchedulerState = { unschedulable: {}, nextStartNodeIndex: 0 };
  private readonly cache: SchedulerCache;
  /**
   * The best-scoring feasible nodes of the pod being placed, in its first entries: one array,
   * reused for every pod and never shrunk (emptying it would free its storage, and it grows to
   * hundreds of entries again for every pod on a large cluster).
   */
  private readonly ties: NodeInfo[] = [];
  private readonly api: ApiServer;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly recorder: EventRecorder;

  constructor(deps: { api: ApiServer; store: Store; clock: Clock; random: Random; recorder: EventRecorder }) {
    this.api = deps.api;
    this.store = deps.store;
    this.clock = deps.clock;
    this.random = deps.random;
    this.recorder = deps.recorder;
    this.cache = new SchedulerCache(deps.store);
    deps.store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      // Status-only writes (our own Unschedulable condition among them) don't make a pod schedulable.
      const pending = e.type !== 'DELETED' && !pod.spec.nodeName && (pod.spec.schedulerName ?? ACTOR) === ACTOR;
      if (pending && (e.type === 'ADDED' || specOrMetaChanged(e.old as Pod, pod))) this.queue.add(podKey(pod));
      // Freed capacity may let a waiting pod in.
      if (e.type === 'DELETED' || (pod.metadata.deletionTimestamp && !(e.old as Pod | undefined)?.metadata.deletionTimestamp)) this.retryAll();
    });
    deps.store.watch('Node', () => this.retryAll());
  }

  processQueue(): boolean {
    let worked = false;
    for (let key = this.queue.take(); key !== undefined; key = this.queue.take()) {
      worked = true;
      this.schedule(key);
    }
    return worked;
  }

  onTimer(action: Timer['action']): void {
    if (action.type === 'retry') this.queue.add(action.key as string);
  }

  snapshot(): unknown {
    return { state: { unschedulable: { ...this.state.unschedulable }, nextStartNodeIndex: this.state.nextStartNodeIndex }, queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state: SchedulerState; queue: string[] };
    this.state = { unschedulable: { ...snap.state.unschedulable }, nextStartNodeIndex: snap.state.nextStartNodeIndex ?? 0 };
    this.queue.restore(snap.queue);
    this.cache.rebuild(this.store);
  }

  private retryAll(): void {
    for (const key of Object.keys(this.state.unschedulable)) this.queue.add(key);
  }

  private schedule(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.api.tryGet<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      delete this.state.unschedulable[key];
      return;
    }
    const names = this.cache.nodeInfos();
    let reasons: Map<string, number> | undefined;
    let curable = 0;
    const facts = podFacts(pod);
    const ties = this.ties;
    let tied = 0;
    // Scoring (fewest pods of the same owner, then fewest pods, then at random) happens as the
    // feasible nodes are found, in the order they are found.
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    const ownerCounts = owner ? this.cache.ownerCounts(owner) : undefined;
    let best = Number.POSITIVE_INFINITY;
    let feasible = 0;
    // Like kube-scheduler, stop searching once enough feasible nodes are found, and start the
    // next search where this one stopped, so large clusters stay fast and fairly used.
    const wanted = feasibleNodesToFind(names.length);
    let processed = 0;
    const count = names.length;
    const start = count ? this.state.nextStartNodeIndex % count : 0;
    for (; processed < count && feasible < wanted; processed++) {
      const position = start + processed < count ? start + processed : start + processed - count;
      const info = names[position]!;
      const reason = runFilters(facts, info);
      if (reason) {
        reasons ??= new Map();
        if (typeof reason === 'string') reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        else for (const r of reason) reasons.set(r, (reasons.get(r) ?? 0) + 1);
        if (PREEMPTION_HELPS.has(typeof reason === 'string' ? reason : reason[0]!)) curable++;
        continue;
      }
      feasible++;
      const score = (ownerCounts ? ownerCounts[position]! : 0) * 1000 + info.podCount;
      if (score < best) {
        best = score;
        tied = 0;
      }
      if (score === best) ties[tied++] = info;
    }
    if (names.length) this.state.nextStartNodeIndex = (this.state.nextStartNodeIndex + processed) % names.length;
    if (feasible === 0) {
      this.fail(pod, key, names.length, reasons ?? new Map(), curable);
      return;
    }
    const chosen = ties[this.random.int(tied)]!;
    delete this.state.unschedulable[key];
    const bound = this.api.bind(pod, chosen.node.metadata.name!, ACTOR, rfc3339(this.clock.now()));
    this.cache.assume(bound, chosen.node.metadata.name!);
    this.recorder.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${chosen.node.metadata.name}`, { component: ACTOR });
  }

  /**
   * fail records a FailedScheduling: the message is FitError.Error()'s, each reason rendered
   * `<count> <reason>` and sorted as strings; `helpful` counts nodes (not reasons) preemption
   * could cure, since a node short of cpu and memory is one preemption candidate.
   */
  private fail(pod: Pod, key: string, total: number, reasons: Map<string, number>, helpful: number): void {
    const counted = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
    const hopeless = total - helpful;
    const pre = [
      ...(hopeless > 0 ? [`${hopeless} Preemption is not helpful for scheduling`] : []),
      ...(helpful > 0 ? [`${helpful} No preemption victims found for incoming pod`] : []),
    ].sort();
    const message =
      total === 0
        ? 'no nodes available to schedule pods'
        : `0/${total} nodes are available: ${counted.join(', ')}. preemption: 0/${total} nodes are available: ${pre.join(', ')}.`;
    const backoff = Math.min((this.state.unschedulable[key] ?? 500) * 2, 10_000);
    this.state.unschedulable[key] = backoff;
    const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (cond?.message !== message) {
      const status = {
        ...pod.status,
        conditions: [{ lastProbeTime: null, lastTransitionTime: rfc3339(this.clock.now()), message, reason: 'Unschedulable', status: 'False' as const, type: 'PodScheduled' as const }],
      };
      this.api.updateStatus({ ...pod, status }, ACTOR);
    }
    this.recorder.record(pod, 'Warning', 'FailedScheduling', message, { component: ACTOR });
    this.clock.cancel(this.name, (a) => a.key === key);
    this.clock.schedule(backoff, this.name, { type: 'retry', key });
  }

}

/** specOrMetaChanged is the scheduler queue's isPodUpdated: a change beyond status and resourceVersion. */
function specOrMetaChanged(old: Pod, pod: Pod): boolean {
  // Status writes keep the spec object itself, so identity answers the common case cheaply.
  if (old.spec === pod.spec && old.metadata.labels === pod.metadata.labels && old.metadata.annotations === pod.metadata.annotations) return false;
  const strip = (p: Pod) => JSON.stringify({ ...p, status: undefined, metadata: { ...p.metadata, resourceVersion: undefined } });
  return strip(old) !== strip(pod);
}

/** feasibleNodesToFind is kube-scheduler's numFeasibleNodesToFind with the adaptive percentage. */
export function feasibleNodesToFind(all: number): number {
  if (all < MIN_FEASIBLE_NODES_TO_FIND) return all;
  const percentage = Math.max(5, 50 - Math.floor(all / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.floor((all * percentage) / 100));
}

function podKey(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
