/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps `spec.replicas` active pods
 * that match the selector. It adopts orphans whose labels match, releases owned pods whose
 * labels stop matching, creates pods from the template in slow-start batches, deletes the
 * least valuable pods first, and reports replicas/ready/available in the status.
 */
import type { ReplicaSet, ReplicaSetCondition } from '../../api/apps.ts';
import type { OwnerReference } from '../../api/meta.ts';
import type { Pod } from '../../api/pod.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../apiserver/label-selector.ts';
import type { Selector } from '../../apiserver/selectors.ts';
import type { Clock, Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Store, WatchEvent } from '../../store/store.ts';
import { rfc3339 } from '../../util/time.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { controllerRefOf, syncQueuedRound, isPodActive, keyOf, newControllerRef, Requeues, splitKey, withOwner, withoutOwner } from '../controller-utils.ts';
import type { ControllerDeps } from '../index.ts';
import { PodsByNode } from './pods-by-node.ts';
import { rankForDeletion } from './ranking.ts';
import { Tally } from './tally.ts';
import { jsonEqual } from '../../util/json-equal.ts';

const ACTOR = 'replicaset-controller';
/** BURST_REPLICAS caps how many pods one sync creates or deletes. */
const BURST_REPLICAS = 500;
const SOURCE = { component: ACTOR };

interface ReplicaSetControllerState {
  requeues: Record<string, number>;
  failures: Record<string, number>;
}

/** ReplicaSetController reconciles ReplicaSets with their pods. */
export class ReplicaSetController implements Component {
  readonly name = ACTOR;
  private readonly queue = new WorkQueue();
  private readonly requeues: Requeues;
  private failures: Record<string, number> = {};
  // Derived from the store; rebuilt on demand, so never part of a snapshot.
  private readonly tallies = new Map<string, Tally>();
  private readonly selectors = new Map<string, { generation: number; selector: Selector | undefined; labelsKey: string }>();
  private readonly podsByNode: PodsByNode;
  private readonly api: ApiServer;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly recorder: EventRecorder;

  constructor(deps: ControllerDeps) {
    this.api = deps.api;
    this.store = deps.store;
    this.clock = deps.clock;
    this.recorder = deps.recorder;
    this.requeues = new Requeues(deps.clock, ACTOR);
    deps.store.watch('ReplicaSet', (e) => this.onReplicaSet(e));
    this.podsByNode = new PodsByNode(deps.store);
    deps.store.watch('Pod', (e) => {
      this.podsByNode.observe(e);
      this.onPod(e);
    });
  }

  processQueue(): boolean {
    return syncQueuedRound(this.queue, (key) => this.sync(key));
  }

  onTimer(action: Timer['action']): void {
    if (action.type === 'resync') this.queue.add(this.requeues.fired(action));
  }

  snapshot(): unknown {
    const state: ReplicaSetControllerState = { requeues: this.requeues.snapshot(), failures: { ...this.failures } };
    return { state, queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state: ReplicaSetControllerState; queue: string[] };
    this.requeues.restore(snap.state.requeues);
    this.failures = { ...snap.state.failures };
    this.queue.restore(snap.queue);
    this.tallies.clear();
    this.podsByNode.reset();
  }

  private onReplicaSet(e: WatchEvent): void {
    const rs = e.object as ReplicaSet;
    const key = keyOf(rs);
    if (e.type === 'DELETED') {
      this.tallies.delete(rs.metadata.uid!);
      this.selectors.delete(rs.metadata.uid!);
      this.requeues.forget(key);
      delete this.failures[key];
      return;
    }
    // Its own status writes change nothing a sync looks at; skipping them saves a round.
    const old = e.old as ReplicaSet | undefined;
    if (old && old.metadata.generation === rs.metadata.generation && old.metadata.deletionTimestamp === rs.metadata.deletionTimestamp) return;
    this.queue.add(key);
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name!;
    const ref = controllerRefOf(pod);
    const oldRef = old && controllerRefOf(old);
    if (ref?.kind === 'ReplicaSet') this.touch(ns, ref, name);
    if (oldRef?.kind === 'ReplicaSet' && oldRef.uid !== ref?.uid) this.touch(ns, oldRef, name);
    if (ref || e.type === 'DELETED') return;
    // An orphan interests every ReplicaSet that could adopt it, when it appears or its labels or owner change.
    const relevant = e.type === 'ADDED' || oldRef !== undefined || !jsonEqual(old?.metadata.labels, pod.metadata.labels);
    if (!relevant) return;
    for (const rs of this.store.list('ReplicaSet', ns) as ReplicaSet[]) {
      if (selectorMatches(this.selectorOf(rs), pod.metadata.labels)) this.touch(ns, { name: rs.metadata.name!, uid: rs.metadata.uid! }, name);
    }
  }

  private touch(ns: string, ref: Pick<OwnerReference, 'name' | 'uid'>, pod: string): void {
    const rs = this.store.get('ReplicaSet', ns, ref.name);
    if (rs?.metadata.uid !== ref.uid) return;
    this.tallies.get(ref.uid)?.dirty.add(pod);
    this.queue.add(`${ns}/${ref.name}`);
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const rs = this.store.get('ReplicaSet', ns, name) as ReplicaSet | undefined;
    if (!rs) return;
    const tally = this.claimPods(rs);
    const mrs = rs.spec.minReadySeconds ?? 0;
    const now = this.clock.now();
    const counts = { replicas: tally.size, fullyLabeled: tally.fullyLabeled, ready: tally.ready, available: tally.available(mrs, now) };
    const diff = tally.size - (rs.spec.replicas ?? 1);
    const err = rs.metadata.deletionTimestamp ? undefined : this.manageReplicas(rs, tally, diff);
    this.updateStatus(rs, counts, diff, err);
    if (err) {
      // The work queue's per-item exponential back-off: 5 ms doubling up to 1000 s.
      const failures = (this.failures[key] ?? 0) + 1;
      this.failures[key] = failures;
      this.requeues.at(key, now + Math.min(5 * 2 ** (failures - 1), 1_000_000));
    } else {
      delete this.failures[key];
    }
    const check = tally.nextAvailabilityCheck(mrs, now);
    if (check !== undefined) this.requeues.at(key, check);
  }

  /** claimPods brings the ReplicaSet's tally up to date, adopting and releasing pods on the way (ClaimPods). */
  private claimPods(rs: ReplicaSet): Tally {
    const uid = rs.metadata.uid!;
    const labelsKey = this.templateOf(rs).labelsKey;
    let tally = this.tallies.get(uid);
    let names: string[];
    if (!tally || tally.labelsKey !== labelsKey) {
      tally = new Tally(labelsKey);
      this.tallies.set(uid, tally);
      names = [];
      for (const p of this.store.list('Pod', rs.metadata.namespace) as Pod[]) {
        const ref = controllerRefOf(p);
        if (!ref || ref.uid === uid) names.push(p.metadata.name!);
      }
    } else {
      names = [...tally.dirty].sort();
    }
    tally.dirty.clear();
    const selector = this.selectorOf(rs);
    for (const n of names) this.claimPod(rs, selector, tally, n);
    return tally;
  }

  private claimPod(rs: ReplicaSet, selector: Selector | undefined, tally: Tally, name: string): void {
    // A pod that stays claimed is counted afresh in place (add replaces it, the common case);
    // on every other way out it is forgotten first.
    const pod = this.store.get('Pod', rs.metadata.namespace ?? '', name) as Pod | undefined;
    if (!pod || !isPodActive(pod)) return tally.remove(name);
    const ref = controllerRefOf(pod);
    const matches = selectorMatches(selector, pod.metadata.labels);
    const deleting = rs.metadata.deletionTimestamp !== undefined;
    if (ref?.uid === rs.metadata.uid && matches) return tally.add(pod, rs.spec.template.metadata?.labels);
    tally.remove(name);
    if (ref) {
      if (ref.uid === rs.metadata.uid && !deleting) this.write(rs, () => this.api.update(withoutOwner(pod, ref.uid), ACTOR), tally, name);
      return;
    }
    if (deleting || !matches) return;
    const adopted = this.write(rs, () => this.api.update(withOwner(pod, rs), ACTOR), tally, name);
    if (adopted) tally.add(adopted, rs.spec.template.metadata?.labels);
  }

  /** write performs an ownership change; a failure leaves the pod to be looked at again in the next round. */
  private write(rs: ReplicaSet, fn: () => Pod, tally: Tally, name: string): Pod | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      tally.dirty.add(name);
      this.queue.add(keyOf(rs));
      return undefined;
    }
  }

  private manageReplicas(rs: ReplicaSet, tally: Tally, diff: number): Error | undefined {
    if (diff < 0) return this.createPods(rs, Math.min(-diff, BURST_REPLICAS));
    if (diff === 0) return undefined;
    const victims = rankForDeletion(tally.claimed(), this.podsByNode.onNode(this.relatedOwners(rs)), Math.min(diff, BURST_REPLICAS), this.clock.now());
    let failure: Error | undefined;
    for (const pod of victims) {
      try {
        this.api.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name!, ACTOR);
        this.recorder.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        if (e.reason === 'NotFound') continue;
        this.recorder.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, SOURCE);
        failure ??= e;
      }
    }
    return failure;
  }

  /** createPods creates `count` pods in slow-start batches of 1, 2, 4, …; a failed batch ends the sync. */
  private createPods(rs: ReplicaSet, count: number): Error | undefined {
    let remaining = count;
    for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
      let failure: Error | undefined;
      for (let i = 0; i < batch; i++) {
        try {
          const pod = this.api.create(podFromTemplate(rs), ACTOR);
          this.recorder.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
          // Nothing can be created in a terminating namespace; that is not the ReplicaSet's failure.
          if (e.message.includes('because it is being terminated')) return undefined;
          this.recorder.record(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
          failure ??= e;
        }
      }
      if (failure) return failure;
      remaining -= batch;
    }
    return undefined;
  }

  /** relatedOwners are the ReplicaSets with the same controller, whose pods scale-down ranking counts (getIndirectlyRelatedPods). */
  private relatedOwners(rs: ReplicaSet): string[] {
    const owner = controllerRefOf(rs);
    if (!owner) return [rs.metadata.uid!];
    return this.store
      .dependentsOf(owner.uid)
      .filter((o) => o.kind === 'ReplicaSet' && controllerRefOf(o)?.uid === owner.uid)
      .map((o) => o.metadata.uid!);
  }

  private updateStatus(rs: ReplicaSet, c: { replicas: number; fullyLabeled: number; ready: number; available: number }, diff: number, err: Error | undefined): void {
    let conditions: ReplicaSetCondition[] = rs.status?.conditions ?? [];
    const failure = conditions.find((x) => x.type === 'ReplicaFailure');
    if (err && !failure) {
      const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
      conditions = [...conditions, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(this.clock.now()), reason, message: err.message }];
    } else if (!err && failure) {
      conditions = conditions.filter((x) => x.type !== 'ReplicaFailure');
    }
    const status: NonNullable<ReplicaSet['status']> = {
      replicas: c.replicas,
      ...(c.fullyLabeled ? { fullyLabeledReplicas: c.fullyLabeled } : {}),
      ...(c.ready ? { readyReplicas: c.ready } : {}),
      ...(c.available ? { availableReplicas: c.available } : {}),
      observedGeneration: rs.metadata.generation ?? 1,
      ...(conditions.length ? { conditions } : {}),
    };
    if (jsonEqual(status, rs.status)) return;
    const current = this.store.get('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name!) as ReplicaSet | undefined;
    if (current && current.metadata.uid === rs.metadata.uid) this.api.updateStatus<ReplicaSet>({ ...current, status }, ACTOR);
  }

  private selectorOf(rs: ReplicaSet): Selector | undefined {
    return this.templateOf(rs).selector;
  }

  /** templateOf is the ReplicaSet's parsed selector and its template's labels as JSON, worked out once per generation (spec changes bump it). */
  private templateOf(rs: ReplicaSet): { selector: Selector | undefined; labelsKey: string } {
    const generation = rs.metadata.generation ?? 1;
    const cached = this.selectors.get(rs.metadata.uid!);
    if (cached?.generation === generation) return cached;
    const entry = { generation, selector: labelSelectorAsSelector(rs.spec.selector), labelsKey: JSON.stringify(rs.spec.template.metadata?.labels ?? {}) };
    this.selectors.set(rs.metadata.uid!, entry);
    return entry;
  }
}

/** podFromTemplate is controller.GetPodFromTemplate: the template's labels, annotations and spec, owned by the ReplicaSet. */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const meta = rs.spec.template.metadata ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [newControllerRef(rs)],
    },
    // The API server copies what it stores, so sharing the template's spec here is safe.
    spec: rs.spec.template.spec,
  };
}
