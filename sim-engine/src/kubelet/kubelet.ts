/**
 * Kubelet is the node agent: it watches the pods bound to its node, pulls images, starts and
 * restarts containers, stops them gracefully when a pod is deleted, and reports every change
 * as the pod's status and as events. What it knows beyond the store (images on the node,
 * containers and their timings) is its own state.
 */
import type { Node } from '../api/node.ts';
import type { Container, Pod } from '../api/pod.ts';
import type { ApiServer } from '../apiserver/apiserver.ts';
import { StatusError } from '../apiserver/errors.ts';
import type { Clock, Timer } from '../clock.ts';
import type { Component } from '../component.ts';
import type { NodeLeases } from '../controllers/nodelifecycle/leases.ts';
import type { EventRecorder } from '../events/recorder.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store/store.ts';
import { goDuration } from '../util/duration.ts';
import { freezeOwned, shareUnchanged } from '../util/stored.ts';
import { WorkQueue } from '../util/workqueue.ts';
import { ContainerActivity } from './activity.ts';
import { findImage, parseImage } from './images.ts';
import type { InContainer } from './in-container.ts';
import { newAgentState, noticeCordon, postNodeStatus, type NodeAgentState, type NodeReporter } from './node-status.ts';
import { podStatus } from './pod-status.ts';
import { planProcess } from './process.ts';
import { allContainers, appendLogs, initialized, isInitContainer, type ContainerRuntime, type KubeletState, type PodRuntime } from './runtime.ts';

const SANDBOX_MS = 400;
const BACKOFF_START_MS = 10_000;
const BACKOFF_MAX_MS = 300_000;
const PULL_BYTES_PER_MS = 45_000;
/**
 * BACKOFF_SYNC_MS is how often a pod worker re-syncs a pod whose last sync failed (the
 * kubelet's backOffPeriod, 10 s; the real worker adds up to 50% jitter, left out to stay
 * deterministic). Each such sync during a back-off records the BackOff event again.
 */
const BACKOFF_SYNC_MS = 10_000;
/** NODE_KEY is the work-queue key of the kubelet's own Node (pod keys are `namespace/name/uid`). */
const NODE_KEY = '@node';

/** KubeletConfig is what the kubelet knows about its machine. */
export interface KubeletConfig {
  node: string;
  hostIP: string;
  /** The node's pod CIDR prefix, e.g. `10.244.1` for 10.244.1.0/24. */
  podSubnet: string;
}

/** Kubelet runs the pods of one node. */
export class Kubelet implements Component {
  readonly name: string;
  private state: KubeletState;
  private agent: NodeAgentState;
  private readonly queue: WorkQueue;
  private readonly config: KubeletConfig;
  private readonly api: ApiServer;
  private readonly clock: Clock;
  private readonly random: Random;
  private readonly recorder: EventRecorder;
  private readonly store: Store;
  private readonly leases: NodeLeases | undefined;
  private readonly reporter: NodeReporter;
  private readonly activity: ContainerActivity;

  constructor(
    config: KubeletConfig,
    deps: { api: ApiServer; store: Store; clock: Clock; random: Random; recorder: EventRecorder; leases?: NodeLeases; wake?: (k: Kubelet) => void; inContainer?: InContainer },
  ) {
    this.queue = new WorkQueue(() => deps.wake?.(this));
    this.config = config;
    this.name = `kubelet/${config.node}`;
    this.api = deps.api;
    this.clock = deps.clock;
    this.random = deps.random;
    this.recorder = deps.recorder;
    this.store = deps.store;
    this.leases = deps.leases;
    this.state = { node: config.node, images: [], lastIP: 1, pods: {} };
    this.agent = newAgentState(deps.clock.now());
    this.reporter = { api: deps.api, recorder: deps.recorder, node: config.node, actor: this.name };
    this.activity = new ContainerActivity({
      clock: deps.clock,
      owner: this.name,
      node: config.node,
      inContainer: deps.inContainer,
      event: (pod, c, type, reason, message) => this.event(pod, c, type, reason, message),
      kill: (pod, rt, c, graceMs) => this.killContainer(rt, c, graceMs),
    });
    this.leases?.register(config.node, () => ({ since: this.agent.leaseSince, stoppedAt: this.agent.stoppedAt }));
    deps.store.watch('Node', (e) => {
      const node = e.object as Node;
      if (node.metadata.name === config.node && e.type !== 'DELETED' && !!(e.old as Node | undefined)?.spec.unschedulable !== !!node.spec.unschedulable) this.queue.add(NODE_KEY);
    });
    deps.store.watchPodsOn(config.node, (e) => {
      const pod = e.object as Pod;
      this.queue.add(`${pod.metadata.namespace}/${pod.metadata.name}/${pod.metadata.uid}`);
    });
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
    return rt && allContainers(rt).find((x) => x.name === name);
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
    const c = allContainers(rt).find((x) => x.name === action.container);
    switch (action.type) {
      case 'sandbox-ready':
        rt.sandboxReady = true;
        if (!pod.spec.hostNetwork) rt.podIP = this.allocateIP();
        else rt.podIP = this.config.hostIP;
        if (!rt.terminating) this.startNext(pod, rt);
        break;
      case 'pulled':
        if (c && !rt.terminating) this.onPulled(pod, rt, c, action.ms as number);
        break;
      case 'pull-backoff':
        if (c && c.reason === 'ErrImagePull' && !rt.terminating) this.enterPullBackoff(pod, c);
        break;
      case 'pull-retry':
        if (c && !rt.terminating) this.pull(pod, rt, c);
        break;
      case 'exited':
        if (c && c.containerID === action.id && c.state === 'running') this.onExit(pod, rt, c, action.code as number, 0);
        break;
      case 'backoff-sync':
        if (c && c.pending === action.pending && c.restartCount === action.restarts && !rt.terminating) this.backoffSync(pod, c);
        // The status did not change: nothing to write.
        return;
      case 'crash-restart':
        if (c && c.pending === 'crash-backoff' && !rt.terminating) this.restart(pod, rt, c);
        break;
      case 'stopped':
        if (c && c.containerID === action.id && c.state === 'running') this.onExit(pod, rt, c, action.code as number, action.signal as number);
        break;
      case 'probe':
        if (c && c.containerID === action.id && !rt.terminating && !this.activity.onProbe(pod, rt, c, action.kind as 'startup' | 'readiness' | 'liveness')) return;
        break;
      case 'script':
        if (c && c.containerID === action.id && !rt.terminating) this.activity.onScript(pod, rt, c);
        break;
      case 'grace-expired':
        for (const x of allContainers(rt)) if (x.state === 'running') this.onExit(pod, rt, x, 137, 9);
        break;
    }
    this.report(pod, rt);
  }

  snapshot(): unknown {
    return { state: canonical(this.state), agent: canonical(this.agent), queue: this.queue.snapshot() };
  }

  restore(s: unknown): void {
    const snap = s as { state: KubeletState; agent?: NodeAgentState; queue: string[] };
    this.state = structuredData(snap.state);
    if (snap.agent) this.agent = structuredData(snap.agent);
    this.queue.restore(snap.queue);
  }

  private syncPod(key: string): void {
    const [namespace, name, uid] = key.split('/') as [string, string, string];
    const pod = this.api.tryGet<Pod>('Pod', namespace, name);
    const rt = this.state.pods[uid];
    if (!pod || pod.metadata.uid !== uid || pod.spec.nodeName !== this.config.node) {
      // Removed (or force-deleted) from the API: the containers are simply torn down.
      if (rt) this.forget(rt);
      return;
    }
    if (!rt) {
      if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      this.admit(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp && !rt.terminating) this.terminate(pod, rt);
    else if (pod.metadata.deletionTimestamp) this.shortenGrace(pod, rt);
  }

  /** shortenGrace brings the SIGKILL forward when a second delete gave a shorter grace period. */
  private shortenGrace(pod: Pod, rt: PodRuntime): void {
    const killAt = this.clock.now() + (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    if (rt.killAt === undefined || killAt >= rt.killAt) return;
    rt.killAt = killAt;
    this.clock.cancel(this.name, (a) => a.uid === rt.uid && a.type === 'grace-expired');
    this.clock.schedule(killAt - this.clock.now(), this.name, { type: 'grace-expired', uid: rt.uid });
  }

  private admit(pod: Pod): void {
    // In a pod with init containers, a container not yet created waits as PodInitializing (the kubelet's default waiting state).
    const init = pod.spec.initContainers ?? [];
    const waiting = init.length ? 'PodInitializing' : 'ContainerCreating';
    const fresh = (c: Container): ContainerRuntime => ({
      name: c.name,
      image: c.image ?? '',
      state: 'waiting',
      reason: waiting,
      pulled: false,
      restartCount: 0,
      ready: false,
      crashBackoffMs: BACKOFF_START_MS,
      pullBackoffMs: BACKOFF_START_MS,
      logs: [],
      logTimes: [],
      previousLogs: [],
    });
    const rt: PodRuntime = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name!,
      admittedAt: this.clock.now(),
      sandboxReady: false,
      containers: pod.spec.containers.map(fresh),
      ...(init.length ? { initContainers: init.map(fresh) } : {}),
      terminating: false,
      transitions: {},
    };
    this.state.pods[rt.uid] = rt;
    this.clock.schedule(SANDBOX_MS + this.random.int(300), this.name, { type: 'sandbox-ready', uid: rt.uid });
    this.report(pod, rt);
  }

  /**
   * startNext begins the first container that has not been started yet; containers start in
   * order, as the kubelet does. Init containers come first, one at a time: the next starts only
   * once the one before has completed, and app containers only once all have.
   */
  private startNext(pod: Pod, rt: PodRuntime): void {
    const notStarted = (c: ContainerRuntime) => c.state === 'waiting' && !c.pending && (c.reason === 'ContainerCreating' || c.reason === 'PodInitializing') && !c.containerID;
    if (!initialized(rt)) {
      const current = rt.initContainers!.find((c) => !(c.state === 'terminated' && c.terminated?.exitCode === 0))!;
      if (notStarted(current)) this.pull(pod, rt, current);
      return;
    }
    const next = rt.containers.find(notStarted);
    if (next) this.pull(pod, rt, next);
  }

  private pull(pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
    const spec = containerSpec(pod, c.name);
    const ref = parseImage(c.image);
    if (!ref) {
      c.reason = 'InvalidImageName';
      c.message = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format`;
      this.event(pod, c, 'Warning', 'InspectFailed', c.message);
      this.event(pod, c, 'Warning', 'Failed', 'Error: InvalidImageName');
      this.startNext(pod, rt);
      return;
    }
    const present = this.state.images.includes(ref.normalized);
    const policy = spec.imagePullPolicy ?? 'IfNotPresent';
    if (present && policy !== 'Always') {
      this.event(pod, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      c.pulled = true;
      this.createAndStart(pod, rt, c);
      return;
    }
    if (policy === 'Never') {
      c.reason = 'ErrImageNeverPull';
      c.message = `Container image "${c.image}" is not present with pull policy of Never`;
      this.event(pod, c, 'Warning', 'ErrImageNeverPull', c.message);
      this.event(pod, c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
      return;
    }
    this.event(pod, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    c.pending = 'pull';
    const info = findImage(ref);
    // A cached image only needs the registry round trip; a fresh one is downloaded.
    const ms = present ? 300 + this.random.int(400) : info ? Math.round(info.sizeBytes / PULL_BYTES_PER_MS) + this.random.int(600) : 600 + this.random.int(500);
    this.clock.schedule(ms, this.name, { type: 'pulled', uid: rt.uid, container: c.name, ms });
  }

  private onPulled(pod: Pod, rt: PodRuntime, c: ContainerRuntime, ms: number): void {
    c.pending = undefined;
    const ref = parseImage(c.image)!;
    const info = findImage(ref);
    if (!info) {
      const msg = `failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${ref.normalized}: not found`;
      c.reason = 'ErrImagePull';
      c.message = `rpc error: code = NotFound desc = ${msg}`;
      this.event(pod, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${c.message}`);
      this.event(pod, c, 'Warning', 'Failed', 'Error: ErrImagePull');
      this.clock.schedule(1000, this.name, { type: 'pull-backoff', uid: rt.uid, container: c.name });
      this.startNext(pod, rt);
      return;
    }
    if (!this.state.images.includes(ref.normalized)) this.state.images.push(ref.normalized);
    const took = goDuration(ms);
    this.event(pod, c, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${info.sizeBytes} bytes.`);
    c.pulled = true;
    c.pullBackoffMs = BACKOFF_START_MS;
    this.createAndStart(pod, rt, c);
  }

  private enterPullBackoff(pod: Pod, c: ContainerRuntime): void {
    c.reason = 'ImagePullBackOff';
    c.message = `Back-off pulling image "${c.image}"`;
    c.pending = 'pull-backoff';
    this.event(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
    this.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    const delay = c.pullBackoffMs;
    c.pullBackoffMs = Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS);
    this.clock.schedule(delay, this.name, { type: 'pull-retry', uid: this.runtimeOf(pod).uid, container: c.name });
    this.scheduleBackoffSyncs(this.runtimeOf(pod), c, delay);
  }

  /**
   * scheduleBackoffSyncs queues the pod worker's re-syncs that fall inside a back-off of
   * `delay` ms; each finds the container still backing off and says so again.
   */
  private scheduleBackoffSyncs(rt: PodRuntime, c: ContainerRuntime, delay: number): void {
    for (let at = BACKOFF_SYNC_MS; at < delay; at += BACKOFF_SYNC_MS) {
      this.clock.schedule(at, this.name, { type: 'backoff-sync', uid: rt.uid, container: c.name, pending: c.pending, restarts: c.restartCount });
    }
  }

  /** backoffSync is a sync skipped for back-off: the events of doBackOff, or of EnsureImageExists and startContainer. */
  private backoffSync(pod: Pod, c: ContainerRuntime): void {
    if (c.pending === 'crash-backoff') {
      this.event(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
    } else {
      this.event(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
      this.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    }
  }

  private createAndStart(pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
    const spec = containerSpec(pod, c.name);
    const info = findImage(parseImage(c.image)!)!;
    c.containerID = `containerd://${this.random.hex(64)}`;
    this.event(pod, c, 'Normal', 'Created', `Created container: ${c.name}`);
    this.event(pod, c, 'Normal', 'Started', `Started container ${c.name}`);
    c.state = 'running';
    c.reason = undefined;
    c.message = undefined;
    c.pending = undefined;
    c.startedAt = this.clock.now();
    c.terminated = undefined;
    const plan = planProcess(info.behaviour, spec.command, spec.args, spec.stdin);
    c.stopMs = plan.stopMs;
    appendLogs(c, plan.logs, this.clock.now());
    if (plan.runMs !== undefined) this.clock.schedule(plan.runMs, this.name, { type: 'exited', uid: rt.uid, container: c.name, id: c.containerID, code: plan.exitCode });
    // Readiness (without a readiness probe: ready at once), startup and liveness probes, and the script.
    this.activity.start(pod, rt, c, spec, plan);
    // An init container counts as ready only once it has completed.
    if (isInitContainer(rt, c)) c.ready = false;
    this.startNext(pod, rt);
  }

  private onExit(pod: Pod, rt: PodRuntime, c: ContainerRuntime, code: number, _signal: number): void {
    c.state = 'terminated';
    c.ready = false;
    delete c.script;
    delete c.killing;
    c.terminated = {
      exitCode: code,
      // containerd reports a SIGKILLed process as exit code 137 and leaves `signal` unset.
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt: c.startedAt!,
      finishedAt: this.clock.now(),
      containerID: c.containerID!,
    };
    if (rt.terminating) {
      if (allContainers(rt).every((x) => x.state !== 'running')) this.finishTermination(pod, rt);
      return;
    }
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (isInitContainer(rt, c) && code === 0) {
      // A completed init container is done for good, whatever the restart policy: on to the next.
      c.ready = true;
      this.startNext(pod, rt);
      return;
    }
    if (policy === 'Never' || (policy === 'OnFailure' && code === 0)) return;
    // The first crash restarts at once; later ones wait out a doubling back-off, which is
    // forgotten once the container has run for twice the maximum back-off (10 minutes).
    const fresh = c.restartCount === 0 || this.clock.now() - c.startedAt! > 2 * BACKOFF_MAX_MS;
    if (fresh) c.crashBackoffMs = BACKOFF_START_MS;
    const delay = fresh ? 0 : c.crashBackoffMs;
    if (!fresh) c.crashBackoffMs = Math.min(c.crashBackoffMs * 2, BACKOFF_MAX_MS);
    c.pending = 'crash-backoff';
    if (delay > 0) {
      c.last = c.terminated;
      c.terminated = undefined;
      c.state = 'waiting';
      c.reason = 'CrashLoopBackOff';
      c.message = `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
      this.event(pod, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`);
      this.scheduleBackoffSyncs(rt, c, delay);
    }
    this.clock.schedule(delay || 1000, this.name, { type: 'crash-restart', uid: rt.uid, container: c.name });
  }

  private restart(pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
    if (c.terminated) c.last = c.terminated;
    c.terminated = undefined;
    c.previousLogs = c.logs;
    c.previousLogTimes = c.logTimes;
    c.logs = [];
    c.logTimes = [];
    c.restartCount++;
    c.pending = undefined;
    c.state = 'waiting';
    c.reason = rt.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
    c.containerID = undefined;
    this.pull(pod, rt, c);
  }

  /** killContainer stops one container, as a failed liveness probe has it: SIGTERM, then SIGKILL once `graceMs` runs out. */
  private killContainer(rt: PodRuntime, c: ContainerRuntime, graceMs: number): void {
    const stop = { type: 'stopped', uid: rt.uid, container: c.name, id: c.containerID };
    if (c.stopMs !== undefined && c.stopMs < graceMs) this.clock.schedule(c.stopMs, this.name, { ...stop, code: 0, signal: 0 });
    else this.clock.schedule(graceMs, this.name, { ...stop, code: 137, signal: 9 });
  }

  private terminate(pod: Pod, rt: PodRuntime): void {
    rt.terminating = true;
    this.clock.cancel(this.name, (a) => a.uid === rt.uid);
    const running = allContainers(rt).filter((c) => c.state === 'running');
    if (running.length === 0) {
      this.finishTermination(pod, rt);
      return;
    }
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    for (const c of running) {
      this.event(pod, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
      if (c.stopMs !== undefined && c.stopMs < grace) {
        this.clock.schedule(c.stopMs, this.name, { type: 'stopped', uid: rt.uid, container: c.name, id: c.containerID, code: 0, signal: 0 });
      }
    }
    rt.killAt = this.clock.now() + grace;
    this.clock.schedule(grace, this.name, { type: 'grace-expired', uid: rt.uid });
    this.report(pod, rt);
  }

  private finishTermination(pod: Pod, rt: PodRuntime): void {
    this.clock.cancel(this.name, (a) => a.uid === rt.uid);
    for (const c of allContainers(rt)) {
      c.pending = undefined;
      c.ready = false;
    }
    this.report(pod, rt);
    const current = this.api.tryGet<Pod>('Pod', rt.namespace, rt.name);
    if (current?.metadata.uid === rt.uid) this.api.delete('Pod', rt.namespace, rt.name, this.name, { gracePeriodSeconds: 0 });
    this.forget(rt);
  }

  private forget(rt: PodRuntime): void {
    this.clock.cancel(this.name, (a) => a.uid === rt.uid);
    delete this.state.pods[rt.uid];
  }

  private report(pod: Pod, rt: PodRuntime): void {
    if (!this.state.pods[rt.uid]) return;
    const current = this.api.tryGet<Pod>('Pod', rt.namespace, rt.name);
    if (!current || current.metadata.uid !== rt.uid) return;
    // Sharing what did not change with the current status, and frozen, the fresh status is
    // handed to the API server as it is, not copied.
    const status = freezeOwned(shareUnchanged(podStatus(current, rt, this.config.hostIP, this.clock.now()), current.status));
    this.api.updateStatus({ ...current, status }, this.name);
    void pod;
  }

  private event(pod: Pod, c: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void {
    try {
      const field = pod.spec.initContainers?.some((x) => x.name === c.name) ? 'initContainers' : 'containers';
      this.recorder.record(pod, type, reason, message, { component: 'kubelet', host: this.config.node }, `spec.${field}{${c.name}}`);
    } catch (e) {
      // A namespace being deleted refuses new events; the kubelet drops them ("will not retry").
      if (!(e instanceof StatusError)) throw e;
    }
  }

  private runtimeOf(pod: Pod): PodRuntime {
    return this.state.pods[pod.metadata.uid!]!;
  }

  private allocateIP(): string {
    // host-local IPAM hands out addresses in order, skipping ones still in use, and wraps.
    const used = new Set(Object.values(this.state.pods).map((p) => p.podIP));
    for (let i = 0; i < 253; i++) {
      this.state.lastIP = this.state.lastIP >= 254 ? 2 : this.state.lastIP + 1;
      const ip = `${this.config.podSubnet}.${this.state.lastIP}`;
      if (!used.has(ip)) return ip;
    }
    throw new Error(`no free pod IPs on ${this.config.node}`);
  }
}

/** containerSpec is the spec of a pod's container (or init container) by name. */
function containerSpec(pod: Pod, name: string): Container {
  return (pod.spec.containers.find((s) => s.name === name) ?? pod.spec.initContainers?.find((s) => s.name === name))!;
}

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
