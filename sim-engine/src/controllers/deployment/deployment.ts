/**
 * The Deployment controller (pkg/controller/deployment): claims ReplicaSets by selector,
 * rolls them towards the Deployment's template with the RollingUpdate or Recreate strategy,
 * scales them when replicas change (proportionally mid-rollout), keeps revision history,
 * and reports status and the Progressing/Available conditions. Paused Deployments only scale.
 */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
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
import { WorkQueue } from '../../util/workqueue.ts';
import { controllerRefOf, keyOf, Requeues, splitKey, withOwner, withoutOwner } from '../controller-utils.ts';
import type { ControllerDeps } from '../index.ts';
import { TemplateKeys } from './hash.ts';
import { rolloutRecreate } from './recreate.ts';
import { rolloutRolling } from './rolling.ts';
import { ACTOR, DeploymentSync } from './sync.ts';
import { jsonEqual } from '../../util/json-equal.ts';

const MAX_SYNCS_PER_ROUND = 10_000;

interface DeploymentControllerState {
  requeues: Record<string, number>;
  failures: Record<string, number>;
}

/** DeploymentController reconciles Deployments with their ReplicaSets. */
export class DeploymentController implements Component {
  readonly name = ACTOR;
  private readonly queue = new WorkQueue();
  private readonly requeues: Requeues;
  private failures: Record<string, number> = {};
  // Derived from the store; rebuilt on demand, so never part of a snapshot.
  private readonly keys = new TemplateKeys();
  private readonly selectors = new Map<string, { generation: number; selector: Selector | undefined }>();
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
    deps.store.watch('Deployment', (e) => this.onDeployment(e));
    deps.store.watch('ReplicaSet', (e) => this.onReplicaSet(e));
    deps.store.watch('Pod', (e) => this.onPod(e));
  }

  processQueue(): boolean {
    // A sync's own writes queue the Deployment again; that re-sync happens at once, as it
    // would within milliseconds on a real cluster. The cap only guards against a loop.
    let n = 0;
    while (n < MAX_SYNCS_PER_ROUND) {
      const key = this.queue.take();
      if (key === undefined) break;
      n++;
      this.sync(key);
    }
    return n > 0;
  }

  onTimer(action: Timer['action']): void {
    if (action.type === 'resync') this.queue.add(this.requeues.fired(action));
  }

  snapshot(): unknown {
    const state: DeploymentControllerState = { requeues: this.requeues.snapshot(), failures: { ...this.failures } };
    return { state, queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state: DeploymentControllerState; queue: string[] };
    this.requeues.restore(snap.state.requeues);
    this.failures = { ...snap.state.failures };
    this.queue.restore(snap.queue);
  }

  private onDeployment(e: WatchEvent): void {
    const key = keyOf(e.object);
    if (e.type === 'DELETED') {
      this.keys.forget(e.object.metadata.uid!);
      this.selectors.delete(e.object.metadata.uid!);
      this.requeues.forget(key);
      delete this.failures[key];
      return;
    }
    this.queue.add(key);
  }

  private onReplicaSet(e: WatchEvent): void {
    const rs = e.object as ReplicaSet;
    const old = e.old as ReplicaSet | undefined;
    const ns = rs.metadata.namespace ?? '';
    const ref = controllerRefOf(rs);
    const oldRef = old && controllerRefOf(old);
    if (e.type === 'DELETED') this.keys.forget(rs.metadata.uid!);
    if (ref?.kind === 'Deployment') this.enqueueOwner(ns, ref);
    if (oldRef?.kind === 'Deployment' && oldRef.uid !== ref?.uid) this.enqueueOwner(ns, oldRef);
    if (ref || e.type === 'DELETED') return;
    // An orphan ReplicaSet interests every Deployment that could adopt it.
    if (e.type === 'MODIFIED' && !oldRef && jsonEqual(old?.metadata.labels, rs.metadata.labels)) return;
    for (const d of this.store.list('Deployment', ns) as Deployment[]) {
      if (selectorMatches(this.selectorOf(d), rs.metadata.labels)) this.queue.add(keyOf(d));
    }
  }

  /** onPod wakes a Recreate Deployment when one of its old pods is finally gone. */
  private onPod(e: WatchEvent): void {
    if (e.type !== 'DELETED') return;
    const ref = controllerRefOf(e.object);
    if (ref?.kind !== 'ReplicaSet') return;
    const ns = e.object.metadata.namespace ?? '';
    const rs = this.store.get('ReplicaSet', ns, ref.name);
    const owner = rs?.metadata.uid === ref.uid ? controllerRefOf(rs) : undefined;
    if (owner?.kind !== 'Deployment') return;
    const d = this.store.get('Deployment', ns, owner.name) as Deployment | undefined;
    if (d?.metadata.uid === owner.uid && d.spec.strategy?.type === 'Recreate') this.queue.add(keyOf(d));
  }

  private enqueueOwner(ns: string, ref: OwnerReference): void {
    const d = this.store.get('Deployment', ns, ref.name);
    if (d?.metadata.uid === ref.uid) this.queue.add(`${ns}/${ref.name}`);
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const d = this.store.get('Deployment', ns, name) as Deployment | undefined;
    if (!d) return;
    const s = new DeploymentSync({ api: this.api, store: this.store, recorder: this.recorder, keys: this.keys }, d, this.clock.now());
    try {
      this.syncDeployment(s);
      delete this.failures[key];
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      // Failed writes are retried with the work queue's per-item back-off: 5 ms doubling up to 1000 s.
      const failures = (this.failures[key] ?? 0) + 1;
      this.failures[key] = failures;
      this.requeues.at(key, s.now + Math.min(5 * 2 ** (failures - 1), 1_000_000));
    }
    if (s.requeueAt !== undefined) this.requeues.at(key, s.requeueAt);
  }

  private syncDeployment(s: DeploymentSync): void {
    const rsList = this.claimReplicaSets(s.d);
    if (s.d.metadata.deletionTimestamp) return s.syncStatusOnly(rsList);
    s.checkPausedConditions();
    if (s.d.spec.paused) return s.syncScaling(rsList);
    if (s.isScalingEvent(rsList)) return s.syncScaling(rsList);
    if (s.d.spec.strategy?.type === 'Recreate') return rolloutRecreate(s, rsList, this.podMap(s.d, s.refresh(rsList)));
    rolloutRolling(s, rsList);
  }

  /** claimReplicaSets adopts matching orphans and releases owned ReplicaSets that stopped matching (ClaimReplicaSets). */
  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const selector = this.selectorOf(d);
    const deleting = d.metadata.deletionTimestamp !== undefined;
    const claimed: ReplicaSet[] = [];
    for (const rs of this.store.list('ReplicaSet', d.metadata.namespace) as ReplicaSet[]) {
      const ref = controllerRefOf(rs);
      const matches = selectorMatches(selector, rs.metadata.labels);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (matches) claimed.push(rs);
        else if (!deleting) this.tryWrite(() => this.api.update(withoutOwner(rs, ref.uid), ACTOR));
        continue;
      }
      if (deleting || !matches || rs.metadata.deletionTimestamp) continue;
      const adopted = this.tryWrite(() => this.api.update(withOwner(rs, d), ACTOR));
      if (adopted) claimed.push(adopted);
    }
    return claimed;
  }

  /** podMap groups the Deployment's pods by the ReplicaSet controlling them (getPodMapForDeployment). */
  private podMap(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const selector = this.selectorOf(d);
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) {
      const uid = rs.metadata.uid!;
      const pods = this.store.dependentsOf(uid).filter((o) => o.kind === 'Pod' && controllerRefOf(o)?.uid === uid && selectorMatches(selector, o.metadata.labels));
      map.set(uid, pods as Pod[]);
    }
    return map;
  }

  private tryWrite<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return undefined;
    }
  }

  private selectorOf(d: Deployment): Selector | undefined {
    const generation = d.metadata.generation ?? 1;
    const cached = this.selectors.get(d.metadata.uid!);
    if (cached?.generation === generation) return cached.selector;
    const selector = labelSelectorAsSelector(d.spec.selector);
    this.selectors.set(d.metadata.uid!, { generation, selector });
    return selector;
  }
}
