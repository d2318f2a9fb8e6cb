/**
 * One sync of one Deployment, after pkg/controller/deployment/sync.go: finding or creating
 * the new ReplicaSet and keeping revisions, scaling (proportionally across ReplicaSets when
 * replicas change mid-rollout), history clean-up, paused conditions and status. It keeps
 * `d` at the latest stored version, so its own writes never conflict.
 */
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { StatusError } from '../../apiserver/errors.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Store } from '../../store/store.ts';
import { controllerRefOf, newControllerRef } from '../controller-utils.ts';
import { HASH_LABEL, hashKey, type TemplateKeys } from './hash.ts';
import { calculateStatus, compact, getCondition, newCondition, setCondition, working, type WorkingStatus } from './status.ts';
import {
  byCreation,
  DESIRED_REPLICAS,
  filterActive,
  findActiveOrLatest,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  intAnnotation,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  newReplicaSetAnnotationsCurrent,
  maxSurge,
  newRSNewReplicas,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  REVISION,
  revisionOf,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  sumSpec,
} from './util.ts';
import { jsonEqual } from '../../util/json-equal.ts';

/** ACTOR is the Deployment controller's name as an event source and audit actor. */
export const ACTOR = 'deployment-controller';

/** SyncDeps is what a sync reads and writes through. */
export interface SyncDeps {
  api: ApiServer;
  store: Store;
  recorder: EventRecorder;
  keys: TemplateKeys;
}

/** DeploymentSync carries one sync's Deployment and performs its steps. */
export class DeploymentSync {
  d: Deployment;
  readonly now: number;
  /** When the controller should look again even if nothing changes (the progress deadline). */
  requeueAt?: number;
  private readonly deps: SyncDeps;

  constructor(deps: SyncDeps, d: Deployment, now: number) {
    this.deps = deps;
    this.d = d;
    this.now = now;
  }

  /** latest returns the stored version of a ReplicaSet (undefined once it is gone or replaced). */
  latest(rs: ReplicaSet): ReplicaSet | undefined {
    const cur = this.deps.store.get('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name!) as ReplicaSet | undefined;
    return cur?.metadata.uid === rs.metadata.uid ? cur : undefined;
  }

  /** refresh replaces each ReplicaSet by its stored version. */
  refresh(rss: (ReplicaSet | undefined)[]): ReplicaSet[] {
    const out: ReplicaSet[] = [];
    for (let i = 0; i < rss.length; i++) {
      const rs = rss[i] && this.latest(rss[i]!);
      if (rs) out.push(rs);
    }
    return out;
  }

  /** event records a Normal (or Warning) event about the Deployment. */
  event(reason: string, message: string, type: 'Normal' | 'Warning' = 'Normal'): void {
    this.deps.recorder.record(this.d, type, reason, message, { component: ACTOR });
  }

  /** writeStatus stores a new status unless it equals the current one; it reports whether it wrote. */
  writeStatus(s: WorkingStatus): boolean {
    const next = compact(s);
    if (sameStatus(next, this.d.status)) return false;
    this.d = this.deps.api.updateStatus<Deployment>({ ...this.d, status: next }, ACTOR);
    return true;
  }

  /** setRevision records the new ReplicaSet's revision on the Deployment (SetDeploymentRevision). */
  private setRevision(revision: string): void {
    if (this.d.metadata.annotations?.[REVISION] === revision) return;
    const annotations = { ...(this.d.metadata.annotations ?? {}), [REVISION]: revision };
    this.d = this.deps.api.update<Deployment>({ ...this.d, metadata: { ...this.d.metadata, annotations } }, ACTOR);
  }

  /** findNewReplicaSet is the oldest ReplicaSet whose template equals the Deployment's, ignoring pod-template-hash. */
  findNewReplicaSet(rsList: ReplicaSet[]): ReplicaSet | undefined {
    const want = this.deps.keys.keyOf(this.d);
    return [...rsList].sort(byCreation).find((rs) => this.deps.keys.keyOf(rs) === want);
  }

  /** getAllReplicaSetsAndSyncRevision splits the ReplicaSets into new and old, creating the new one if asked. */
  getAll(rsList: ReplicaSet[], create: boolean): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
    const fresh = this.refresh(rsList);
    const found = this.findNewReplicaSet(fresh);
    const oldRSs = fresh.filter((rs) => rs.metadata.uid !== found?.metadata.uid);
    return { newRS: this.getNewReplicaSet(found, oldRSs, create), oldRSs };
  }

  private getNewReplicaSet(existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): ReplicaSet | undefined {
    const d = this.d;
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const minReadyChanged = (existing.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (minReadyChanged || !newReplicaSetAnnotationsCurrent(d, existing, newRevision)) {
        const copy: ReplicaSet = { ...existing, metadata: { ...existing.metadata }, spec: { ...existing.spec } };
        if (setNewReplicaSetAnnotations(d, copy, newRevision, true) || minReadyChanged) {
          copy.spec.minReadySeconds = d.spec.minReadySeconds;
          return this.deps.api.update(copy, ACTOR);
        }
      }
      // Unchanged, the copy's revision is the existing one's.
      this.setRevision(existing.metadata.annotations?.[REVISION] ?? '');
      if (hasProgressDeadline(this.d) && !getCondition(this.d.status, 'Progressing')) {
        const s = working(this.d.status);
        setCondition(s, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${existing.metadata.name}"`, this.now));
        this.writeStatus(s);
      }
      return existing;
    }
    if (!create) return undefined;
    return this.createNewReplicaSet(oldRSs, newRevision);
  }

  private createNewReplicaSet(oldRSs: ReplicaSet[], newRevision: number): ReplicaSet {
    const d = this.d;
    const hash = hashKey(this.deps.keys.keyOf(d), d.status?.collisionCount);
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), [HASH_LABEL]: hash };
    const template = { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } };
    const selector = { ...d.spec.selector, matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH_LABEL]: hash } };
    const name = `${d.metadata.name}-${hash}`;
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels, ownerReferences: [newControllerRef(d)] },
      spec: { replicas: 0, ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}), selector, template },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    rs.spec.replicas = replicas;
    setNewReplicaSetAnnotations(d, rs, newRevision, false);
    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = this.deps.api.create(rs, ACTOR);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      const err = e;
      if (err.reason === 'AlreadyExists') {
        alreadyExists = true;
        const found = this.deps.store.get('ReplicaSet', d.metadata.namespace ?? '', name) as ReplicaSet | undefined;
        if (!found || controllerRefOf(found)?.uid !== d.metadata.uid || this.deps.keys.keyOf(found) !== this.deps.keys.keyOf(d)) {
          // A hash collision: a different template already owns the name, so hash again with a bumped count.
          const s = working(d.status);
          s.collisionCount = (s.collisionCount ?? 0) + 1;
          this.writeStatus(s);
          throw err;
        }
        created = found;
      } else {
        if (err.message.includes('because it is being terminated')) throw err;
        const msg = `Failed to create new replica set "${name}": ${err.message}`;
        if (hasProgressDeadline(d)) {
          const s = working(d.status);
          setCondition(s, newCondition('Progressing', 'False', 'ReplicaSetCreateError', msg, this.now));
          this.writeStatus(s);
        }
        this.event('ReplicaSetCreateError', msg, 'Warning');
        throw err;
      }
    }
    if (!alreadyExists && replicas > 0) this.event('ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
    this.setRevision(String(newRevision));
    if (!alreadyExists && hasProgressDeadline(this.d)) {
      const s = working(this.d.status);
      setCondition(s, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, this.now));
      this.writeStatus(s);
    }
    return created;
  }

  /** scaleReplicaSet sets a ReplicaSet's size and replica annotations; a size change is a ScalingReplicaSet event. */
  scaleReplicaSet(rs: ReplicaSet, newScale: number): { scaled: boolean; rs: ReplicaSet } {
    const cur = this.latest(rs) ?? rs;
    const desired = replicasOf(this.d);
    const max = desired + maxSurge(this.d);
    const oldScale = replicasOf(cur);
    const sizeNeedsUpdate = oldScale !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(cur, desired, max)) return { scaled: false, rs: cur };
    const copy: ReplicaSet = { ...cur, metadata: { ...cur.metadata }, spec: { ...cur.spec, replicas: newScale } };
    setReplicasAnnotations(copy, desired, max);
    const updated = this.deps.api.update(copy, ACTOR);
    if (sizeNeedsUpdate) this.event('ScalingReplicaSet', `Scaled ${oldScale < newScale ? 'up' : 'down'} replica set ${cur.metadata.name} from ${oldScale} to ${newScale}`);
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** scaleAndRecord is scaleReplicaSetAndRecordEvent: nothing to do when the size is already right. */
  scaleAndRecord(rs: ReplicaSet, newScale: number): { scaled: boolean; rs: ReplicaSet } {
    if (replicasOf(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale);
  }

  /** isScalingEvent: an active ReplicaSet was sized for a different replicas count than the Deployment's. */
  isScalingEvent(rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.getAll(rsList, false);
    return filterActive([...oldRSs, newRS]).some((rs) => {
      const desired = intAnnotation(rs, DESIRED_REPLICAS);
      return desired !== undefined && desired !== replicasOf(this.d);
    });
  }

  /** syncScaling is sync(): for scaling events and paused Deployments, scale without rolling out. */
  syncScaling(rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAll(rsList, false);
    this.scale(newRS, oldRSs);
    if (this.d.spec.paused) this.cleanup(oldRSs);
    this.syncStatusOnly(rsList);
  }

  /** syncStatusOnly recomputes the status without touching any ReplicaSet (used while deleting, too). */
  syncStatusOnly(rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAll(rsList, false);
    this.writeStatus(calculateStatus([...oldRSs, newRS], newRS, this.d, this.now));
  }

  /** scale sizes the ReplicaSets for the Deployment's replicas, proportionally when several are active. */
  private scale(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const d = this.d;
    const single = findActiveOrLatest(newRS, oldRSs);
    if (single) {
      this.scaleAndRecord(single, replicasOf(d));
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActive(oldRSs)) this.scaleAndRecord(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const all = filterActive([...oldRSs, newRS]);
    const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowed - sumSpec(all);
    // Scaling up favours the larger and then the newer; scaling down the larger and then the older.
    if (toAdd > 0) all.sort((a, b) => replicasOf(b) - replicasOf(a) || byCreation(b, a));
    else if (toAdd < 0) all.sort((a, b) => replicasOf(b) - replicasOf(a) || byCreation(a, b));
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of all) {
      const p = toAdd !== 0 ? getProportion(rs, d, toAdd, added) : 0;
      sizes.set(rs.metadata.name!, replicasOf(rs) + p);
      added += p;
    }
    // What rounding left over goes to the newest ReplicaSet (reference 5.3; upstream hands it to
    // the first in the sort order, which is the newest whenever sizes tie).
    const newest = [...all].sort(byCreation).at(-1);
    for (const rs of all) {
      let size = sizes.get(rs.metadata.name!)!;
      if (rs === newest && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      this.scaleReplicaSet(rs, size);
    }
  }

  /** cleanup deletes old, empty ReplicaSets beyond revisionHistoryLimit, lowest revision first. */
  cleanup(oldRSs: ReplicaSet[]): void {
    const d = this.d;
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 0);
    if (diff <= 0) return;
    cleanable.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
    for (const rs of cleanable.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.deps.api.delete('ReplicaSet', rs.metadata.namespace ?? '', rs.metadata.name!, ACTOR);
      } catch (e) {
        if (!(e instanceof StatusError) || e.reason !== 'NotFound') throw e;
      }
    }
  }

  /** checkPausedConditions marks Progressing Unknown when a Deployment is paused or resumed. */
  checkPausedConditions(): void {
    const d = this.d;
    if (!hasProgressDeadline(d)) return;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === 'ProgressDeadlineExceeded') return;
    const pausedCond = cond?.reason === 'DeploymentPaused';
    if (Boolean(d.spec.paused) === pausedCond) return;
    const s = working(d.status);
    if (d.spec.paused) setCondition(s, newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.now));
    else setCondition(s, newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', this.now));
    this.writeStatus(s);
  }
}

/** sameStatus compares statuses; both sides are built by compact(), so their keys come in one order. */
export function sameStatus(a: Deployment['status'], b: Deployment['status']): boolean {
  return jsonEqual(a ?? {}, b ?? {});
}
