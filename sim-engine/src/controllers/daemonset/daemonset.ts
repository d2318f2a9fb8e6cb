/**
 * DaemonSetController (pkg/controller/daemon) keeps exactly one pod of each DaemonSet on every
 * node that qualifies: it compares the pods it controls, grouped by the node each is meant
 * for, with the nodes that should run one, creates what is missing (bound by the default
 * scheduler through a `metadata.name` node affinity), deletes pods on nodes that no longer
 * qualify and extra or failed pods, replaces out-of-date pods by its update strategy, and
 * reports the counts in the status. Pods of other owners cost it one ownerReference check.
 */
import type { DaemonSet } from '../../api/apps.ts';
import type { Node } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import type { ApiServer } from '../../apiserver/apiserver.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { labelSelectorAsSelector, selectorMatches } from '../../apiserver/label-selector.ts';
import type { Clock, Timer } from '../../clock.ts';
import type { Component } from '../../component.ts';
import type { EventRecorder } from '../../events/recorder.ts';
import type { Store, WatchEvent } from '../../store/store.ts';
import { jsonEqual } from '../../util/json-equal.ts';
import { WorkQueue } from '../../util/workqueue.ts';
import { controllerRefOf, syncQueuedRound, keyOf, Requeues, splitKey, withOwner, withoutOwner } from '../controller-utils.ts';
import type { ControllerDeps } from '../index.ts';
import { isPodUpdated, newDaemonPod, revisionHash, templateGeneration } from './pods.ts';
import { rollingUpdatePlan } from './rolling.ts';
import { NodePlacements } from './nodes.ts';
import type { Placement } from './should-run.ts';
import { daemonSetStatus, nextAvailabilityCheck } from './status.ts';
import { podsToDeleteOnNode } from './node-pods.ts';

const ACTOR = 'daemonset-controller';
const SOURCE = { component: ACTOR };
/** BURST_REPLICAS caps how many pods one sync creates or deletes (the controller's BurstReplicas). */
const BURST_REPLICAS = 250;

/** DaemonSetController reconciles DaemonSets with the nodes and their pods. */
export class DaemonSetController implements Component {
  readonly name = ACTOR;
  private readonly queue = new WorkQueue();
  private readonly requeues: Requeues;
  // Keys of DaemonSets that may have orphans to adopt: looking for them walks the namespace's pods.
  private orphanScans = new Set<string>();
  private readonly nodes: NodePlacements;
  // Derived from the DaemonSets; never part of a snapshot.
  private readonly hashes = new Map<string, { template: DaemonSet['spec']['template']; collisionCount: number | undefined; hash: string }>();
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
    deps.store.watch('DaemonSet', (e) => this.onDaemonSet(e));
    deps.store.watch('Pod', (e) => this.onPod(e));
    this.nodes = new NodePlacements(deps.store);
    deps.store.watch('Node', (e) => {
      this.nodes.observe(e);
      this.onNode(e);
    });
  }

  processQueue(): boolean {
    return syncQueuedRound(this.queue, (key) => this.sync(key));
  }

  onTimer(action: Timer['action']): void {
    if (action.type === 'resync') this.queue.add(this.requeues.fired(action));
  }

  snapshot(): unknown {
    return { requeues: this.requeues.snapshot(), queue: this.queue.snapshot(), orphanScans: [...this.orphanScans] };
  }

  restore(s: unknown): void {
    const snap = s as { requeues: Record<string, number>; queue: string[]; orphanScans?: string[] };
    this.requeues.restore(snap.requeues);
    this.queue.restore(snap.queue);
    this.orphanScans = new Set(snap.orphanScans ?? []);
    this.nodes.reset();
  }

  private onDaemonSet(e: WatchEvent): void {
    const ds = e.object as DaemonSet;
    if (e.type === 'DELETED') {
      this.requeues.forget(keyOf(ds));
      this.orphanScans.delete(keyOf(ds));
      this.nodes.forget(ds.metadata.uid!);
      this.hashes.delete(ds.metadata.uid!);
      return;
    }
    // Its own status writes change nothing a sync looks at.
    const old = e.old as DaemonSet | undefined;
    if (old && old.metadata.generation === ds.metadata.generation && old.metadata.deletionTimestamp === ds.metadata.deletionTimestamp && old.status?.collisionCount === ds.status?.collisionCount) return;
    if (!old || old.metadata.generation !== ds.metadata.generation) this.orphanScans.add(keyOf(ds));
    this.queue.add(keyOf(ds));
  }

  private onPod(e: WatchEvent): void {
    const pod = e.object as Pod;
    const ref = controllerRefOf(pod);
    const old = e.old as Pod | undefined;
    const oldRef = old && controllerRefOf(old);
    if (ref?.kind === 'DaemonSet' && (e.type !== 'MODIFIED' || !old || oldRef?.uid !== ref.uid || mattersToDaemonSet(old, pod))) this.queue.add(`${pod.metadata.namespace}/${ref.name}`);
    if (oldRef?.kind === 'DaemonSet' && oldRef.uid !== ref?.uid) this.queue.add(`${pod.metadata.namespace}/${oldRef.name}`);
    if (ref || e.type === 'DELETED') return;
    // An orphan interests the DaemonSets that could adopt it, when it appears or its labels or owner change.
    if (e.type !== 'ADDED' && oldRef === undefined && jsonEqual(old?.metadata.labels, pod.metadata.labels)) return;
    for (const ds of this.store.list('DaemonSet', pod.metadata.namespace) as DaemonSet[]) {
      if (!selectorMatches(labelSelectorAsSelector(ds.spec.selector), pod.metadata.labels)) continue;
      this.orphanScans.add(keyOf(ds));
      this.queue.add(keyOf(ds));
    }
  }

  private onNode(e: WatchEvent): void {
    const node = e.object as Node;
    const old = e.old as Node | undefined;
    // Heartbeats and condition changes don't move daemon pods; labels and taints do (shouldIgnoreNodeUpdate).
    if (e.type === 'MODIFIED' && old && jsonEqual(old.metadata.labels, node.metadata.labels) && jsonEqual(old.spec?.taints, node.spec?.taints)) return;
    for (const ds of this.store.list('DaemonSet')) this.queue.add(keyOf(ds));
  }

  private sync(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = this.store.get('DaemonSet', ns, name) as DaemonSet | undefined;
    if (!ds || ds.metadata.deletionTimestamp) return;
    const hash = this.hashOf(ds);
    const generation = templateGeneration(ds);
    const placements = this.nodes.placements(ds);
    let nodePods = this.nodePods(ds);
    let acted = this.manage(ds, placements, nodePods, hash, generation);
    // As with the controller's expectations: a strategy step waits until what manage did has been observed.
    if (acted) nodePods = this.nodePods(ds);
    else if (ds.spec.updateStrategy?.type !== 'OnDelete' && hasOutdated(nodePods, hash, generation) && this.rollingUpdate(ds, placements, nodePods, hash, generation)) {
      nodePods = this.nodePods(ds);
    }
    const now = this.clock.now();
    const status = daemonSetStatus(ds, placements, nodePods, hash, generation, now);
    this.updateStatus(ds, status);
    const check = nextAvailabilityCheck(ds, nodePods, now);
    if (check !== undefined) this.requeues.at(key, check);
  }

  /** nodePods claims the DaemonSet's pods (adopting matching orphans, releasing pods that stopped matching) and groups them by target node. */
  private nodePods(ds: DaemonSet): Map<string, Pod[]> {
    const selector = labelSelectorAsSelector(ds.spec.selector);
    const out = new Map<string, Pod[]>();
    const add = (pod: Pod) => {
      const node = targetNode(pod);
      if (node === undefined) return;
      const list = out.get(node);
      if (list) list.push(pod);
      else out.set(node, [pod]);
    };
    for (const obj of this.store.dependentsOf(ds.metadata.uid!)) {
      if (obj.kind !== 'Pod' || controllerRefOf(obj)?.uid !== ds.metadata.uid) continue;
      const pod = obj as Pod;
      if (selectorMatches(selector, pod.metadata.labels)) add(pod);
      else this.tryWrite(() => this.api.update(withoutOwner(pod, ds.metadata.uid!), ACTOR));
    }
    const key = keyOf(ds);
    if (!this.orphanScans.has(key)) return sorted(out);
    this.orphanScans.delete(key);
    for (const pod of this.store.list('Pod', ds.metadata.namespace) as Pod[]) {
      if (pod.metadata.ownerReferences?.some((r) => r.controller) || pod.metadata.deletionTimestamp || !selectorMatches(selector, pod.metadata.labels)) continue;
      const adopted = this.tryWrite(() => this.api.update(withOwner(pod, ds), ACTOR));
      if (adopted) add(adopted);
    }
    return sorted(out);
  }

  private manage(ds: DaemonSet, placements: Map<string, Placement>, nodePods: Map<string, Pod[]>, hash: string, generation: string): boolean {
    const creations: string[] = [];
    const deletions: Pod[] = [];
    for (const [node, placement] of placements) {
      const pods = nodePods.get(node);
      if (placement.shouldRun && !pods) creations.push(node);
      else if (!pods || (placement.shouldContinueRunning && pods.length === 1 && isHealthy(pods[0]!))) continue;
      else deletions.push(...podsToDeleteOnNode(ds, node, placement, pods ?? [], hash, this.clock.now(), this.recorder));
    }
    // Unscheduled pods meant for nodes that are gone can never run (getUnscheduledPodsWithoutNode); bound ones are the pod GC's.
    for (const [node, pods] of nodePods) if (!placements.has(node)) deletions.push(...pods.filter((p) => !p.spec.nodeName && !p.metadata.deletionTimestamp));
    return this.syncNodes(ds, deletions, creations, hash, generation);
  }

  private rollingUpdate(ds: DaemonSet, placements: Map<string, Placement>, nodePods: Map<string, Pod[]>, hash: string, generation: string): boolean {
    const wanted = new Map<string, readonly Pod[]>();
    for (const [node, pods] of nodePods) wanted.set(node, pods);
    let desired = 0;
    for (const [node, p] of placements) {
      if (!p.shouldRun) continue;
      desired++;
      if (!wanted.has(node)) wanted.set(node, []);
    }
    const plan = rollingUpdatePlan({ ds, nodePods: wanted, shouldRun: (n) => placements.get(n)?.shouldRun ?? false, desired, hash, generation, now: this.clock.now() });
    const byName = new Map([...nodePods.values()].flat().map((p) => [p.metadata.name!, p]));
    return this.syncNodes(ds, plan.deletions.map((n) => byName.get(n)!).filter(Boolean), plan.creations, hash, generation);
  }

  /** syncNodes creates pods on `nodes` in slow-start batches and deletes `pods`; it tells whether it did anything. */
  private syncNodes(ds: DaemonSet, pods: readonly Pod[], nodes: readonly string[], hash: string, generation: string): boolean {
    let remaining = Math.min(nodes.length, BURST_REPLICAS);
    let next = 0;
    create: for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
      for (let i = 0; i < batch; i++) {
        try {
          const pod = this.api.create(newDaemonPod(ds, nodes[next++]!, hash, generation), ACTOR);
          this.recorder.record(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
          if (e.message.includes('because it is being terminated')) break create;
          this.recorder.record(ds, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, SOURCE);
          this.requeues.at(keyOf(ds), this.clock.now() + 1000);
          break create;
        }
      }
      remaining -= batch;
    }
    for (const pod of pods.slice(0, BURST_REPLICAS)) {
      try {
        this.api.delete('Pod', pod.metadata.namespace ?? '', pod.metadata.name!, ACTOR);
        this.recorder.record(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      } catch (e) {
        if (!(e instanceof StatusError)) throw e;
        if (e.reason === 'NotFound') continue;
        this.recorder.record(ds, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, SOURCE);
      }
    }
    return next > 0 || pods.length > 0;
  }

  private updateStatus(ds: DaemonSet, status: NonNullable<DaemonSet['status']>): void {
    const current = this.store.get('DaemonSet', ds.metadata.namespace ?? '', ds.metadata.name!) as DaemonSet | undefined;
    if (!current || current.metadata.uid !== ds.metadata.uid || jsonEqual(status, current.status)) return;
    this.api.updateStatus<DaemonSet>({ ...current, status }, ACTOR);
  }

  /** hashOf is the revision hash of the DaemonSet's template, worked out once per template. */
  private hashOf(ds: DaemonSet): string {
    const cached = this.hashes.get(ds.metadata.uid!);
    if (cached && cached.template === ds.spec.template && cached.collisionCount === ds.status?.collisionCount) return cached.hash;
    const hash = revisionHash(ds);
    this.hashes.set(ds.metadata.uid!, { template: ds.spec.template, collisionCount: ds.status?.collisionCount, hash });
    return hash;
  }

  private tryWrite(fn: () => Pod): Pod | undefined {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      return undefined;
    }
  }
}

/** isHealthy: a live pod that has not finished, the usual state, which leaves manage nothing to do on its node. */
function isHealthy(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded';
}

/** mattersToDaemonSet tells whether a pod update changed what a sync reads: its node, labels, deletion, phase or readiness. */
function mattersToDaemonSet(old: Pod, pod: Pod): boolean {
  if (old.spec.nodeName !== pod.spec.nodeName || old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || old.status?.phase !== pod.status?.phase) return true;
  if (!jsonEqual(old.metadata.labels, pod.metadata.labels)) return true;
  return readyCondition(old) !== readyCondition(pod);
}

function readyCondition(pod: Pod): string {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return c ? `${c.status}@${c.lastTransitionTime}` : '';
}

/** hasOutdated tells whether any live pod was made from an older template: only then has a rolling update anything to do. */
function hasOutdated(nodePods: ReadonlyMap<string, readonly Pod[]>, hash: string, generation: string): boolean {
  for (const pods of nodePods.values()) for (const p of pods) if (!p.metadata.deletionTimestamp && !isPodUpdated(p, hash, generation)) return true;
  return false;
}

/** targetNode is util.GetTargetNodeName: the node a pod is bound to, or the one its `metadata.name` affinity names. */
export function targetNode(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = (pod.spec.affinity as { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key: string; operator: string; values?: string[] }[] }[] } } } | undefined)
    ?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
  }
  return undefined;
}

function sorted(byNode: Map<string, Pod[]>): Map<string, Pod[]> {
  for (const list of byNode.values()) if (list.length > 1) list.sort(byCreation);
  return byNode;
}

/** byCreation is podByCreationTimestampAndPhase: scheduled pods first, then oldest first, then by name. */
function byCreation(a: Pod, b: Pod): number {
  if (!a.spec.nodeName !== !b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : a.metadata.name! < b.metadata.name! ? -1 : 1;
}
