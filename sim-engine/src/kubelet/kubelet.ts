/**
 * Kubelet is the node agent: it watches the pods bound to its node, pulls images, starts and
 * restarts containers, stops them gracefully when a pod is deleted, and reports every change
 * as the pod's status and as events. What it knows beyond the store (images on the node,
 * containers and their timings) is its own state. The steps of a pod's life are in
 * container-start.ts, container-exit.ts, backoff.ts and termination.ts; this file routes
 * work and timers to them and reports.
 */
import type { Node } from '../api/node.ts';
import type { Pod } from '../api/pod.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { StatusError } from '../apiserver/errors.ts';
import type { Clock, Timer } from '../clock.ts';
import type { Component } from '../component.ts';
import type { NodeLeases } from '../controllers/nodelifecycle/leases.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';
import { freezeOwned, shareUnchanged } from '../util/stored.ts';
import { WorkQueue } from '../util/workqueue.ts';
import { ContainerActivity } from './activity.ts';
import { backoffSync } from './backoff.ts';
import { killContainer, onExit, restart } from './container-exit.ts';
import { admit, enterPullBackoff, onPulled, pull, sandboxReady } from './container-start.ts';
import { parseImage } from './images.ts';
import type { InContainer } from './in-container.ts';
import { newAgentState, noticeCordon, postNodeStatus, type NodeAgentState, type NodeReporter } from './node-status.ts';
import { podStatus } from './pod-status.ts';
import type { KubeletConfig, PodWorker } from './pod-worker.ts';
import { allContainers, appendLogs, containerNamed, type ContainerRuntime, type KubeletState, type PodRuntime } from './runtime.ts';
import { forget, shortenGrace, terminate } from './termination.ts';

export type { KubeletConfig } from './pod-worker.ts';

/** NODE_KEY is the work-queue key of the kubelet's own Node (pod keys are `namespace/name/uid`). */
const NODE_KEY = '@node';

/** Kubelet runs the pods of one node. */
export class Kubelet implements Component {
  readonly name: string;
  private agent: NodeAgentState;
  private readonly queue: WorkQueue;
  private readonly config: KubeletConfig;
  private readonly api: ApiServer;
  private readonly clock: Clock;
  private readonly recorder: EventRecorder;
  private readonly store: Store;
  private readonly leases: NodeLeases | undefined;
  private readonly reporter: NodeReporter;
  private readonly activity: ContainerActivity;
  /** What the pod-lifecycle steps share with this kubelet; it holds the kubelet's state. */
  private readonly worker: PodWorker;
  /** The source of the kubelet's events. */
  private readonly source: { component: string; host: string };

  constructor(
    config: KubeletConfig,
    deps: { api: ApiServer; store: Store; clock: Clock; random: Random; recorder: EventRecorder; leases?: NodeLeases; wake?: (k: Kubelet) => void; inContainer?: InContainer },
  ) {
    this.queue = new WorkQueue(() => deps.wake?.(this));
    this.config = config;
    this.name = `kubelet/${config.node}`;
    this.api = deps.api;
    this.clock = deps.clock;
    this.recorder = deps.recorder;
    this.store = deps.store;
    this.leases = deps.leases;
    this.agent = newAgentState(deps.clock.now());
    this.reporter = { api: deps.api, recorder: deps.recorder, node: config.node, actor: this.name };
    this.source = { component: 'kubelet', host: config.node };
    this.activity = new ContainerActivity({
      clock: deps.clock,
      owner: this.name,
      node: config.node,
      inContainer: deps.inContainer,
      event: (pod, c, type, reason, message) => this.event(pod, c, type, reason, message),
      kill: (pod, rt, c, graceMs) => killContainer(this.worker, rt, c, graceMs),
    });
    this.worker = {
      name: this.name,
      config,
      state: { node: config.node, images: [], lastIP: 1, pods: {} },
      api: deps.api,
      clock: deps.clock,
      random: deps.random,
      activity: this.activity,
      report: (pod, rt) => this.report(pod, rt),
      event: (pod, c, type, reason, message) => this.event(pod, c, type, reason, message),
    };
    this.leases?.register(config.node, () => ({ since: this.agent.leaseSince, stoppedAt: this.agent.stoppedAt }));
    deps.store.watch('Node', (e) => {
      const node = e.object as Node;
      if (node.metadata.name === config.node && e.type !== 'DELETED' && !!(e.old as Node | undefined)?.spec.unschedulable !== !!node.spec.unschedulable) this.queue.add(NODE_KEY);
    });
    deps.store.watchPodsOn(config.node, (e) => {
      const pod = e.object as Pod;
      // A write of only the status (this kubelet's own reports, mostly) to a pod it already
      // runs changes nothing a sync acts on: skip the empty sync.
      if (e.type === 'MODIFIED' && this.state.pods[pod.metadata.uid!] && statusOnly(e.old as Pod, pod)) return;
      this.queue.add(`${pod.metadata.namespace}/${pod.metadata.name}/${pod.metadata.uid}`);
    });
  }

  /** state is everything the kubelet knows beyond the store; the pod worker holds it. */
  private get state(): KubeletState {
    return this.worker.state;
  }

  /** hasImage tells whether an image (normalised reference) is on the node. */
  hasImage(normalized: string): boolean {
    return this.state.images.includes(normalized);
  }

  /** preloadImages marks images as already present, as on a node that has run them before. */
  preloadImages(images: string[]): void {
    for (const i of images) {
      const ref = parseImage(i);
      if (ref && !this.state.images.includes(ref.normalized)) this.state.images.push(ref.normalized);
    }
  }

  /** logs returns a container's current (or previous) log lines, or undefined if the kubelet has no such container. */
  logs(uid: string, container: string, previous = false): string[] | undefined {
    const c = this.container(uid, container);
    if (!c) return undefined;
    return previous ? c.previousLogs : c.logs;
  }

  /** logTimes returns when each of a container's current (or previous) log lines was written. */
  logTimes(uid: string, container: string, previous = false): number[] | undefined {
    const c = this.container(uid, container);
    if (!c) return undefined;
    const lines = previous ? c.previousLogs : c.logs;
    const times = previous ? c.previousLogTimes : c.logTimes;
    return times?.length === lines.length ? times : lines.map(() => c.startedAt ?? 0);
  }

  /** container finds one of a pod's containers, init containers included. */
  container(uid: string, name: string): ContainerRuntime | undefined {
    const rt = this.state.pods[uid];
    return rt && containerNamed(rt, name);
  }

  /** runtime exposes a pod's runtime record (read-only use). */
  runtime(uid: string): PodRuntime | undefined {
    return this.state.pods[uid];
  }

  /** appendLog adds a line to a container's log (the network's access-log lines); false when the kubelet has no such container. */
  appendLog(uid: string, container: string, line: string): boolean {
    const c = this.container(uid, container);
    if (!c) return false;
    appendLogs(c, [line], this.clock.now());
    return true;
  }

  /** stopped tells whether the kubelet has been stopped (Cluster.stopNode). */
  get stopped(): boolean {
    return this.agent.stopped;
  }

  /**
   * stop silences the kubelet, as a crash or a cut network would: it stops renewing its lease,
   * posting status and syncing pods. Its containers keep running; whatever they would have
   * reported waits until start().
   */
  stop(): void {
    if (this.agent.stopped) return;
    this.agent.stopped = true;
    this.agent.stoppedAt = this.clock.now();
    this.leases?.changed(this.config.node);
  }

  /** start brings a stopped kubelet back: it posts a Ready status at once, catches up on its pods and reports them afresh. */
  start(): void {
    if (!this.agent.stopped) return;
    this.agent.stopped = false;
    delete this.agent.stoppedAt;
    this.agent.leaseSince = this.clock.now();
    postNodeStatus(this.reporter, this.clock.now());
    for (const action of this.agent.deferred.splice(0)) this.clock.schedule(0, this.name, action);
    const keys = (this.store.podsOnNode(this.config.node) as Pod[]).map((p) => `${p.metadata.namespace}/${p.metadata.name}/${p.metadata.uid}`);
    for (const uid of Object.keys(this.state.pods).sort()) {
      const rt = this.state.pods[uid]!;
      keys.push(`${rt.namespace}/${rt.name}/${rt.uid}`);
      const pod = this.api.tryGet<Pod>('Pod', rt.namespace, rt.name);
      // The node controller marked its pods not Ready while it was silent.
      if (pod?.metadata.uid === rt.uid) this.report(pod, rt);
    }
    for (const key of keys.sort()) this.queue.add(key);
    this.queue.add(NODE_KEY);
    this.leases?.changed(this.config.node);
  }

  /** queued is how many pods (and the node itself) wait to be synced. */
  get queued(): number {
    return this.queue.size;
  }

  processQueue(): boolean {
    if (this.agent.stopped) return false;
    let worked = false;
    for (let key = this.queue.take(); key !== undefined; key = this.queue.take()) {
      worked = true;
      if (key === NODE_KEY) noticeCordon(this.reporter, this.agent);
      else this.syncPod(key);
    }
    return worked;
  }

  /** reportReadyAfter makes a freshly registered (NotReady) kubelet post a Ready status `ms` from now, once its pod network would be up. */
  reportReadyAfter(ms: number): void {
    this.clock.schedule(ms, this.name, { type: 'node-ready' });
  }

  onTimer(action: Timer['action']): void {
    if (this.agent.stopped) {
      this.agent.deferred.push(action);
      return;
    }
    if (action.type === 'node-ready') {
      postNodeStatus(this.reporter, this.clock.now());
      return;
    }
    const rt = this.state.pods[action.uid as string];
    if (!rt) return;
    const pod = this.api.tryGet<Pod>('Pod', rt.namespace, rt.name);
    if (!pod || pod.metadata.uid !== rt.uid) return;
    const c = containerNamed(rt, action.container);
    const w = this.worker;
    switch (action.type) {
      case 'sandbox-ready':
        sandboxReady(w, pod, rt);
        break;
      case 'pulled':
        if (c && !rt.terminating) onPulled(w, pod, rt, c, action.ms as number);
        break;
      case 'pull-backoff':
        if (c && c.reason === 'ErrImagePull' && !rt.terminating) enterPullBackoff(w, pod, c);
        break;
      case 'pull-retry':
        if (c && !rt.terminating) pull(w, pod, rt, c);
        break;
      case 'exited':
        if (c && c.containerID === action.id && c.state === 'running') onExit(w, pod, rt, c, action.code as number, 0);
        break;
      case 'backoff-sync':
        if (c && c.pending === action.pending && c.restartCount === action.restarts && !rt.terminating) backoffSync(w, pod, c);
        // The status did not change: nothing to write.
        return;
      case 'crash-restart':
        if (c && c.pending === 'crash-backoff' && !rt.terminating) restart(w, pod, rt, c);
        break;
      case 'stopped':
        if (c && c.containerID === action.id && c.state === 'running') onExit(w, pod, rt, c, action.code as number, action.signal as number);
        break;
      case 'probe':
        if (c && c.containerID === action.id && !rt.terminating && !this.activity.onProbe(pod, rt, c, action.kind as 'startup' | 'readiness' | 'liveness')) return;
        break;
      case 'script':
        if (c && c.containerID === action.id && !rt.terminating) this.activity.onScript(pod, rt, c);
        break;
      case 'grace-expired':
        for (const x of allContainers(rt)) if (x.state === 'running') onExit(w, pod, rt, x, 137, 9);
        break;
    }
    this.report(pod, rt);
  }

  snapshot(): unknown {
    return { state: canonical(this.state), agent: canonical(this.agent), queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state: KubeletState; agent?: NodeAgentState; queue: string[] };
    this.worker.state = structuredData(snap.state);
    if (snap.agent) this.agent = structuredData(snap.agent);
    this.queue.restore(snap.queue);
  }

  private syncPod(key: string): void {
    // Pod keys are `namespace/name/uid` (neither namespace nor name holds a slash).
    const nameAt = key.indexOf('/') + 1;
    const uidAt = key.indexOf('/', nameAt) + 1;
    const namespace = key.slice(0, nameAt - 1);
    const name = key.slice(nameAt, uidAt - 1);
    const uid = key.slice(uidAt);
    const pod = this.api.tryGet<Pod>('Pod', namespace, name);
    const rt = this.state.pods[uid];
    if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName !== this.config.node) {
      // Removed (or force-deleted) from the API: the containers are simply torn down.
      if (rt) forget(this.worker, rt);
      return;
    }
    if (!rt) {
      if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      admit(this.worker, pod);
      return;
    }
    if (pod.metadata.deletionTimestamp && !rt.terminating) terminate(this.worker, pod, rt);
    else if (pod.metadata.deletionTimestamp) shortenGrace(this.worker, pod, rt);
  }

  private report(pod: Pod, rt: PodRuntime): void {
    if (!this.state.pods[rt.uid]) return;
    const current = this.api.tryGet<Pod>('Pod', rt.namespace, rt.name);
    if (!current || current.metadata.uid !== rt.uid) return;
    // Sharing what did not change with the current status, and frozen, the fresh status is
    // handed to the API server as it is, not copied.
    const status = freezeOwned(shareUnchanged(podStatus(current, rt, this.config.hostIP, this.clock.now()), current.status));
    // The very status already stored: the API server would find nothing to write.
    if (status === current.status) return;
    this.api.updateStatus({ ...current, status }, this.name);
    void pod;
  }

  private event(pod: Pod, c: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void {
    try {
      this.recorder.record(pod, type, reason, message, this.source, fieldPathOf(pod, c.name));
    } catch (e) {
      // A namespace being deleted refuses new events; the kubelet drops them ("will not retry").
      if (!(e instanceof StatusError)) throw e;
    }
  }
}

/** fieldPathOf is the field path a kubelet event about a container names, `spec.containers{web}` (or `spec.initContainers{…}`). */
function fieldPathOf(pod: Pod, container: string): string {
  const init = pod.spec.initContainers?.some((x) => x.name === container) ?? false;
  const paths = init ? initFieldPaths : fieldPaths;
  let path = paths.get(container);
  if (path === undefined) {
    // Most pods name their containers alike (web, app, nginx): each path is built once and shared.
    if (paths.size >= FIELD_PATH_LIMIT) paths.clear();
    path = init ? `spec.initContainers{${container}}` : `spec.containers{${container}}`;
    paths.set(container, path);
  }
  return path;
}

const FIELD_PATH_LIMIT = 1024;
const fieldPaths = new Map<string, string>();
const initFieldPaths = new Map<string, string>();

function structuredData<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/**
 * canonical copies plain data with every object's keys sorted, so that a snapshot's bytes do
 * not depend on the order fields were first set (a restored runtime record has lost the
 * fields that were undefined, and re-adds them at the end when they are set again).
 */
function canonical<T>(x: T): T {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
    return out;
  };
  return sort(structuredData(x)) as T;
}

/** statusOnly tells whether a pod write left alone everything syncPod looks at: spec, uid and deletion. */
function statusOnly(old: Pod, pod: Pod): boolean {
  const a = old.metadata;
  const b = pod.metadata;
  return old.spec === pod.spec && a.uid === b.uid && a.deletionTimestamp === b.deletionTimestamp && a.deletionGracePeriodSeconds === b.deletionGracePeriodSeconds;
}
