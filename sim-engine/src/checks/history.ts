/**
 * CheckHistory records what the history checks need, from the moment grading starts, as plain
 * data that snapshots and restores with the sandbox:
 *
 * - who created and deleted what (the API server's audit log, copied before it is trimmed);
 * - each pod's creation and deletion with its labels and the actor who did it;
 * - every change of each Deployment's replica counts and pod template (a rollout is a template change);
 * - each Deployment revision's pod template, as its ReplicaSets announce it;
 * - for every `stableFor` check, since when its inner check has held without a break.
 *
 * It subscribes to the store's watch events, so it sees every state the cluster passes through,
 * and re-evaluates the tracked stability checks after every write: a check that fails for an
 * instant between two gradings loses its streak.
 */
import type { Deployment, ReplicaSet } from '../api/apps.ts';
import type { Pod } from '../api/pod.ts';
import { RESOURCES } from '../api/resources.ts';
import type { Cluster } from '../cluster.ts';
import type { WatchEvent } from '../store/store.ts';
import { evaluateInstant } from './evaluators/instant.ts';
import type { Check, InstantCheck } from './schema/check.ts';
import { stableJson, templateImages, templateKey } from './template.ts';

/** HISTORY_VERSION changes whenever CheckHistoryState's shape does. */
export const HISTORY_VERSION = 1;

/** How many records of each sort are kept; the oldest go first. */
const LIMIT = 5000;

/** HistoryWrite is one create or delete from the audit log. */
export interface HistoryWrite {
  rv: number;
  time: number;
  actor: string;
  verb: 'create' | 'delete';
  kind: string;
  namespace: string;
  name: string;
}

/** PodRecord is a pod's creation, its deletion being requested (`deleting`) or its removal (`deleted`). */
export interface PodRecord {
  rv: number;
  time: number;
  event: 'created' | 'deleting' | 'deleted';
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  /** Who made the write, from the audit log; missing only until the log is read. */
  actor?: string;
}

/** DeploymentSample is a Deployment's counts and template after a change to any of them. */
export interface DeploymentSample {
  rv: number;
  time: number;
  namespace: string;
  name: string;
  deleted: boolean;
  generation: number;
  observedGeneration: number;
  /** spec.replicas */
  replicas: number;
  /** status.replicas */
  current: number;
  updated: number;
  ready: number;
  available: number;
  /** templateKey of spec.template. */
  template: string;
  images: string;
}

/** RevisionRecord is a Deployment revision's pod template, first seen on one of its ReplicaSets. */
export interface RevisionRecord {
  namespace: string;
  deployment: string;
  revision: number;
  template: string;
  images: string;
  time: number;
}

/** StableRecord is a tracked stableFor inner check and since when it has held (null: it does not hold now). */
export interface StableRecord {
  key: string;
  check: InstantCheck;
  since: number | null;
}

/** CheckHistoryState is everything recorded, as plain JSON. */
export interface CheckHistoryState {
  version: number;
  startedAt: number;
  /** The highest audit resourceVersion read so far. */
  auditRv: number;
  writes: HistoryWrite[];
  pods: PodRecord[];
  deployments: DeploymentSample[];
  revisions: RevisionRecord[];
  stable: StableRecord[];
}

/** CheckHistoryOptions: checks to track from the start, or a saved state to continue from. */
export interface CheckHistoryOptions {
  /** Checks whose stableFor parts are tracked from the first moment. */
  checks?: readonly Check[];
  /** A snapshot to continue from (the sandbox was restored). */
  state?: CheckHistoryState;
}

const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';

/** stableKey identifies a stableFor inner check, so the same check is tracked once. */
export function stableKey(check: InstantCheck): string {
  return stableJson(check);
}

/** CheckHistory records the cluster's history for grading; see the file comment. */
export class CheckHistory {
  private readonly cluster: Cluster;
  private state: CheckHistoryState;
  private readonly unwatch: (() => void)[] = [];
  private readonly pendingActor = new Map<number, PodRecord>();
  private readonly lastSample = new Map<string, DeploymentSample>();
  private readonly knownRevisions = new Set<string>();
  private observing = false;

  constructor(cluster: Cluster, opts: CheckHistoryOptions = {}) {
    this.cluster = cluster;
    if (opts.state) {
      if (opts.state.version !== HISTORY_VERSION) throw new Error(`unsupported check history version ${String(opts.state.version)}`);
      this.state = JSON.parse(JSON.stringify(opts.state)) as CheckHistoryState;
      for (const p of this.state.pods) if (p.actor === undefined) this.pendingActor.set(p.rv, p);
      for (const s of this.state.deployments) this.lastSample.set(`${s.namespace}/${s.name}`, s);
      for (const r of this.state.revisions) this.knownRevisions.add(`${r.namespace}/${r.deployment}/${r.revision}`);
    } else {
      this.state = { version: HISTORY_VERSION, startedAt: cluster.now(), auditRv: 0, writes: [], pods: [], deployments: [], revisions: [], stable: [] };
      // What exists when grading starts is the baseline: earlier creations, current Deployments and their revisions.
      this.readAudit();
      for (const d of cluster.api.list<Deployment>('Deployment')) this.sampleDeployment(d, false);
      for (const rs of cluster.api.list<ReplicaSet>('ReplicaSet')) this.noteRevisions(rs);
    }
    for (const r of RESOURCES) {
      if (r.kind === 'Event') continue;
      this.unwatch.push(cluster.store.watch(r.kind, (e) => this.onEvent(e)));
    }
    if (opts.checks) this.track(opts.checks);
  }

  /** restore continues a saved history on a (restored) cluster. */
  static restore(cluster: Cluster, state: CheckHistoryState): CheckHistory {
    return new CheckHistory(cluster, { state });
  }

  /** startedAt is the virtual time recording began. */
  get startedAt(): number {
    return this.state.startedAt;
  }

  /** now is the cluster's current virtual time. */
  now(): number {
    return this.cluster.now();
  }

  /** track starts timing the stableFor checks among `checks` (nested ones too); tracking a check twice is harmless. */
  track(checks: readonly Check[]): void {
    for (const c of checks) {
      if (c.type !== 'stableFor') continue;
      const key = stableKey(c.check);
      if (this.state.stable.some((s) => s.key === key)) continue;
      const holds = evaluateInstant(this.cluster, c.check).passed;
      this.state.stable.push({ key, check: c.check, since: holds ? this.cluster.now() : null });
    }
  }

  /** heldSince is when the tracked check started holding without a break (null if it does not hold, undefined if untracked). */
  heldSince(check: InstantCheck): number | null | undefined {
    this.sync();
    return this.state.stable.find((s) => s.key === stableKey(check))?.since;
  }

  /** sync reads the audit entries written since the last look; evaluation calls it first. */
  sync(): void {
    this.readAudit();
    this.observeStable();
  }

  /** writes are the recorded creates and deletes, oldest first. */
  get writes(): readonly HistoryWrite[] {
    return this.state.writes;
  }

  /** pods are the recorded pod creations and deletions, oldest first. */
  get pods(): readonly PodRecord[] {
    return this.state.pods;
  }

  /** deploymentSamples are one Deployment's recorded states, oldest first. */
  deploymentSamples(namespace: string, name: string): DeploymentSample[] {
    return this.state.deployments.filter((s) => s.namespace === namespace && s.name === name);
  }

  /** revisions are one Deployment's recorded revisions, by number. */
  revisions(namespace: string, deployment: string): RevisionRecord[] {
    return this.state.revisions.filter((r) => r.namespace === namespace && r.deployment === deployment).sort((a, b) => a.revision - b.revision);
  }

  /** snapshot returns the recorded history as plain JSON. */
  snapshot(): CheckHistoryState {
    this.readAudit();
    return JSON.parse(JSON.stringify(this.state)) as CheckHistoryState;
  }

  /** dispose stops recording (the sandbox was reset or closed). */
  dispose(): void {
    for (const u of this.unwatch.splice(0)) u();
  }

  private onEvent(e: WatchEvent): void {
    // The audit entry of this write is appended after watchers run; entries of earlier writes are in.
    this.readAudit();
    const obj = e.object;
    if (obj.kind === 'Pod') this.notePod(e);
    else if (obj.kind === 'Deployment') this.sampleDeployment(obj as Deployment, e.type === 'DELETED');
    else if (obj.kind === 'ReplicaSet' && e.type !== 'DELETED') this.noteRevisions(obj as ReplicaSet);
    this.observeStable();
  }

  private readAudit(): void {
    const audit = this.cluster.api.audit;
    let start = audit.length;
    while (start > 0 && Number(audit[start - 1]!.resourceVersion) > this.state.auditRv) start--;
    for (let i = start; i < audit.length; i++) {
      const a = audit[i]!;
      const rv = Number(a.resourceVersion);
      if (a.kind === 'Pod') {
        const rec = this.pendingActor.get(rv);
        if (rec) {
          rec.actor = a.actor;
          this.pendingActor.delete(rv);
        }
      }
      if ((a.verb === 'create' || a.verb === 'delete') && a.kind !== 'Event') {
        push(this.state.writes, { rv, time: a.time, actor: a.actor, verb: a.verb, kind: a.kind, namespace: a.namespace, name: a.name });
      }
      this.state.auditRv = Math.max(this.state.auditRv, rv);
    }
  }

  private notePod(e: WatchEvent): void {
    const pod = e.object as Pod;
    let event: PodRecord['event'] | undefined;
    if (e.type === 'ADDED') event = 'created';
    else if (e.type === 'DELETED') event = 'deleted';
    else if (pod.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp) event = 'deleting';
    if (!event) return;
    const rec: PodRecord = {
      rv: Number(pod.metadata.resourceVersion),
      time: this.cluster.now(),
      event,
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name ?? '',
      uid: pod.metadata.uid ?? '',
      labels: { ...(pod.metadata.labels ?? {}) },
    };
    push(this.state.pods, rec);
    this.pendingActor.set(rec.rv, rec);
  }

  private sampleDeployment(d: Deployment, deleted: boolean): void {
    const key = `${d.metadata.namespace}/${d.metadata.name}`;
    const s: DeploymentSample = {
      rv: Number(d.metadata.resourceVersion),
      time: this.cluster.now(),
      namespace: d.metadata.namespace ?? '',
      name: d.metadata.name ?? '',
      deleted,
      generation: d.metadata.generation ?? 0,
      observedGeneration: d.status?.observedGeneration ?? 0,
      replicas: d.spec.replicas ?? 1,
      current: d.status?.replicas ?? 0,
      updated: d.status?.updatedReplicas ?? 0,
      ready: d.status?.readyReplicas ?? 0,
      available: d.status?.availableReplicas ?? 0,
      template: templateKey(d.spec.template),
      images: templateImages(d.spec.template),
    };
    const last = this.lastSample.get(key);
    if (last && sameSample(last, s)) return;
    push(this.state.deployments, s);
    this.lastSample.set(key, s);
  }

  private noteRevisions(rs: ReplicaSet): void {
    const owner = (rs.metadata.ownerReferences ?? []).find((r) => r.kind === 'Deployment' && r.controller !== false);
    const annotations = rs.metadata.annotations ?? {};
    if (!owner || annotations[REVISION] === undefined) return;
    const revs = [annotations[REVISION], ...(annotations[REVISION_HISTORY] ?? '').split(',')].map((r) => Number(r)).filter((r) => Number.isInteger(r) && r > 0);
    for (const revision of revs) {
      const key = `${rs.metadata.namespace}/${owner.name}/${revision}`;
      if (this.knownRevisions.has(key)) continue;
      this.knownRevisions.add(key);
      this.state.revisions.push({
        namespace: rs.metadata.namespace ?? '',
        deployment: owner.name,
        revision,
        template: templateKey(rs.spec.template),
        images: templateImages(rs.spec.template),
        time: this.cluster.now(),
      });
    }
  }

  private observeStable(): void {
    if (this.observing || this.state.stable.length === 0) return;
    this.observing = true;
    try {
      const now = this.cluster.now();
      for (const s of this.state.stable) {
        const holds = evaluateInstant(this.cluster, s.check).passed;
        if (!holds) s.since = null;
        else if (s.since === null) s.since = now;
      }
    } finally {
      this.observing = false;
    }
  }
}

function sameSample(a: DeploymentSample, b: DeploymentSample): boolean {
  return (
    a.deleted === b.deleted &&
    a.generation === b.generation &&
    a.observedGeneration === b.observedGeneration &&
    a.replicas === b.replicas &&
    a.current === b.current &&
    a.updated === b.updated &&
    a.ready === b.ready &&
    a.available === b.available &&
    a.template === b.template
  );
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > LIMIT * 1.2) list.splice(0, list.length - LIMIT);
}

