/**
 * Cluster wires the simulated control plane and nodes together and runs them in one
 * deterministic loop: watch events put keys on each component's work queue, `drain()` runs
 * the queues in a fixed order until they are empty, and `advance()` moves virtual time,
 * firing due timers in time order and draining after each.
 */
import type { Node } from './api/node.ts';
import { ApiServer } from './apiserver/apiserver.ts';
import { Clock, type ClockState } from './clock.ts';
import type { Component } from './component.ts';
import { createControllers } from './controllers/index.ts';
import { NodeLeases } from './controllers/nodelifecycle/leases.ts';
import { EventTTL } from './apiserver/event-ttl.ts';
import { EventRecorder, type RecorderState } from './events/recorder.ts';
import { inContainer } from './kubectl/commands/exec/in-container.ts';
import { Kubelet, type KubeletConfig } from './kubelet/kubelet.ts';
import { Network } from './network/network.ts';
import { Random } from './random.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { Store, type StoreState } from './store/store.ts';
import { MinHeap } from './util/min-heap.ts';

/** ClusterOptions fixes what a fresh cluster starts from. */
export interface ClusterOptions {
  /** Seed for every generated name, IP and uid. */
  seed?: number;
  /** Virtual time at start, in ms since the epoch. */
  startTime?: number;
}

/** SNAPSHOT_VERSION changes whenever the snapshot's shape does; older snapshots are refused. */
export const SNAPSHOT_VERSION = 1;

/** ClusterSnapshot is a whole cluster as plain JSON: store, clock, randomness and each component's state. */
export interface ClusterSnapshot {
  version: number;
  clock: ClockState;
  random: number[];
  store: StoreState;
  recorder: RecorderState;
  kubelets: KubeletConfig[];
  components: Record<string, unknown>;
}

/** DEFAULT_START is the virtual time a cluster starts at unless told otherwise. */
export const DEFAULT_START = Date.UTC(2026, 0, 12, 9, 0, 0);

const MAX_DRAIN_ROUNDS = 10_000;

/** Cluster is one simulated Kubernetes cluster. */
export class Cluster {
  readonly clock: Clock;
  readonly random: Random;
  readonly store: Store;
  readonly api: ApiServer;
  readonly recorder: EventRecorder;
  /** Events' one-hour lifetime (kube-apiserver's --event-ttl), enforced as the clock passes it. */
  readonly eventTTL: EventTTL;
  readonly scheduler: Scheduler;
  readonly kubelets = new Map<string, Kubelet>();
  /** Kubelets with queued work, and each kubelet's place in drain order. */
  private readonly dirtyKubelets = new Set<Kubelet>();
  private readonly kubeletOrder = new Map<Kubelet, number>();
  /** The drain-order places of the dirty kubelets, smallest first, and the kubelet at each place. */
  private readonly dirtyOrder = new MinHeap();
  private readonly kubeletAt: Kubelet[] = [];
  private readonly byName = new Map<string, Component>();
  /** The kubelets' node leases, which the node lifecycle controller watches. */
  readonly leases = new NodeLeases();
  /** The pod network and kube-proxy: what a connection from a pod reaches. */
  readonly network: Network;
  /** The controller manager's loops, drained before the scheduler and the kubelets. */
  readonly controllers: Component[];
  private readonly kubeletConfigs: KubeletConfig[] = [];

  constructor(opts: ClusterOptions = {}) {
    this.clock = new Clock(opts.startTime ?? DEFAULT_START);
    this.random = new Random(opts.seed ?? 1);
    this.store = new Store();
    this.api = new ApiServer(this.store, this.clock, this.random);
    this.recorder = new EventRecorder(this.api, this.clock);
    this.eventTTL = new EventTTL({ store: this.store, api: this.api, clock: this.clock });
    this.controllers = createControllers(this.deps());
    this.scheduler = new Scheduler(this.deps());
    this.network = new Network({ api: this.api, clock: this.clock, kubelet: (node) => this.kubelets.get(node) });
  }

  /** now is the current virtual time. */
  now(): number {
    return this.clock.now();
  }

  /** addKubelet starts the kubelet of a node (the Node object is registered separately). */
  addKubelet(config: KubeletConfig): Kubelet {
    const kubelet = new Kubelet(config, { ...this.deps(), wake: (k) => this.wakeKubelet(k), inContainer: inContainer(this) });
    this.kubelets.set(config.node, kubelet);
    this.kubeletOrder.set(kubelet, this.kubeletOrder.size);
    this.kubeletAt.push(kubelet);
    this.byName.set(kubelet.name, kubelet);
    this.wakeKubelet(kubelet);
    this.kubeletConfigs.push(config);
    return kubelet;
  }

  /** kubeletFor returns the kubelet running on a node. */
  kubeletFor(node: string): Kubelet | undefined {
    return this.kubelets.get(node);
  }

  /**
   * stopNode silences a node's kubelet, as a crash or a cut network would: its containers
   * keep running, but it stops renewing its lease and reporting, so about 40 s later the
   * node goes NotReady and, 300 s after that, its pods are evicted.
   */
  stopNode(name: string): void {
    this.mustKubelet(name).stop();
  }

  /** startNode brings a stopped node's kubelet back: the node turns Ready and its taints go. */
  startNode(name: string): void {
    this.mustKubelet(name).start();
  }

  /** isNodeStopped tells whether stopNode silenced a node. */
  isNodeStopped(name: string): boolean {
    return this.kubelets.get(name)?.stopped ?? false;
  }

  /** drain runs every component's queue until all are empty, at the current instant. */
  drain(): void {
    for (let round = 0; round < MAX_DRAIN_ROUNDS; round++) {
      let worked = false;
      for (const c of this.controllers) worked = c.processQueue() || worked;
      worked = this.scheduler.processQueue() || worked;
      worked = this.drainKubelets() || worked;
      worked = this.network.processQueue() || worked;
      if (!worked) return;
    }
    throw new Error('cluster did not settle: a control loop keeps requeueing');
  }

  /**
   * drainKubelets runs, in node order, only the kubelets that have queued work: with a
   * thousand nodes, visiting every idle kubelet after every timer would dominate the run.
   * A kubelet woken by one processed earlier in the pass is still visited in this pass,
   * exactly as a plain in-order loop over all of them would.
   */
  private drainKubelets(): boolean {
    let worked = false;
    let last = -1;
    // Kubelets woken behind the pass, or left with work, wait for the next pass.
    const later: number[] = [];
    for (let i = this.dirtyOrder.pop(); i !== undefined; i = this.dirtyOrder.pop()) {
      if (i <= last) {
        later.push(i);
        continue;
      }
      last = i;
      const next = this.kubeletAt[i]!;
      worked = next.processQueue() || worked;
      if (next.queued === 0) this.dirtyKubelets.delete(next);
      else later.push(i);
    }
    for (const i of later) this.dirtyOrder.push(i);
    return worked;
  }

  /** wakeKubelet marks a kubelet as having queued work. */
  private wakeKubelet(k: Kubelet): void {
    if (this.dirtyKubelets.has(k)) return;
    this.dirtyKubelets.add(k);
    this.dirtyOrder.push(this.kubeletOrder.get(k)!);
  }

  /** advance moves virtual time forward by `ms`, firing due timers in order. */
  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  /** advanceTo moves virtual time to `t`, firing every timer due by then. */
  advanceTo(t: number): void {
    this.drain();
    for (let timer = this.clock.takeDue(t); timer; timer = this.clock.takeDue(t)) {
      // Events whose hour ran out before this moment are gone before anything happens at it.
      this.eventTTL.expire(this.clock.now());
      this.componentNamed(timer.owner)?.onTimer(timer.action);
      this.drain();
    }
    this.clock.setNow(t);
    this.eventTTL.expire(t);
    this.drain();
  }

  /** nextTimerAt is when the next piece of time-based work is due (undefined when the cluster is idle). */
  nextTimerAt(): number | undefined {
    return this.clock.nextAt();
  }

  /** runUntilIdle fires timers until none are due within `limitMs`, and returns the time it stopped at. */
  runUntilIdle(limitMs = 3_600_000): number {
    const end = this.clock.now() + limitMs;
    // Queued reactions come first: they are what schedules the timers.
    this.drain();
    for (let next = this.clock.nextAt(); next !== undefined && next <= end; next = this.clock.nextAt()) this.advanceTo(next);
    this.drain();
    return this.clock.now();
  }

  /** nodes returns the registered Node objects. */
  nodes(): Node[] {
    return this.api.list<Node>('Node');
  }

  /**
   * snapshot captures the whole cluster as plain JSON data. It only observes: pending work
   * stays in the components' queues (which are part of the snapshot), so taking a snapshot
   * never changes what happens next.
   */
  snapshot(): ClusterSnapshot {
    const components: Record<string, unknown> = {};
    for (const c of this.components()) components[c.name] = c.snapshot();
    return JSON.parse(
      JSON.stringify({
        version: SNAPSHOT_VERSION,
        clock: this.clock.snapshot(),
        random: this.random.snapshot(),
        store: this.store.snapshot(),
        recorder: this.recorder.state,
        kubelets: this.kubeletConfigs,
        components,
      }),
    ) as ClusterSnapshot;
  }

  /** restore rebuilds a cluster from a snapshot; it continues exactly as the original would have. */
  static restore(snap: ClusterSnapshot): Cluster {
    if (snap?.version !== SNAPSHOT_VERSION) throw new Error(`unsupported snapshot version ${String(snap?.version)} (expected ${SNAPSHOT_VERSION})`);
    const copy = JSON.parse(JSON.stringify(snap)) as ClusterSnapshot;
    const cluster = new Cluster();
    cluster.clock.restore(copy.clock);
    cluster.random.restore(copy.random);
    cluster.store.restore(copy.store);
    cluster.recorder.state = copy.recorder;
    for (const k of copy.kubelets) cluster.addKubelet(k);
    for (const c of cluster.components()) if (copy.components[c.name] !== undefined) c.restore(copy.components[c.name]);
    // A snapshot from before Events expired lists no leases: the stored Events get them now.
    cluster.eventTTL.adoptStored();
    return cluster;
  }

  private components(): Component[] {
    return [...this.controllers, this.scheduler, ...this.kubelets.values(), this.network, this.eventTTL];
  }

  private mustKubelet(name: string): Kubelet {
    const kubelet = this.kubelets.get(name);
    if (!kubelet) throw new Error(`no kubelet runs on node "${name}"`);
    return kubelet;
  }

  private componentNamed(name: string): Component | undefined {
    return this.byName.get(name) ?? this.components().find((c) => c.name === name);
  }

  private deps() {
    return { api: this.api, store: this.store, clock: this.clock, random: this.random, recorder: this.recorder, leases: this.leases };
  }
}
