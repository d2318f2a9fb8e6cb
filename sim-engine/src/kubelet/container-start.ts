/**
 * The pod worker's way from a pod bound to the node to its containers running: admission, the
 * sandbox (and its pod IP), then each container in order through image pull (or pull failure
 * and back-off), create and start.
 */
import type { Container, Pod } from '../api/pod.ts';
import { goDuration } from '../util/duration.ts';
import { scheduleBackoffSyncs } from './backoff.ts';
import { findImage, parseImage } from './images.ts';
import { allocatePodIP } from './pod-ip.ts';
import { BACKOFF_MAX_MS, BACKOFF_START_MS, containerSpec, type PodWorker } from './pod-worker.ts';
import { planProcess } from './process.ts';
import { appendLogs, initialized, isInitContainer, type ContainerRuntime, type PodRuntime } from './runtime.ts';

const SANDBOX_MS = 400;
const PULL_BYTES_PER_MS = 45_000;

/** admit takes a pod on: a fresh runtime record, with the sandbox ready a moment later. */
export function admit(w: PodWorker, pod: Pod): void {
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
    admittedAt: w.clock.now(),
    sandboxReady: false,
    containers: pod.spec.containers.map(fresh),
    ...(init.length ? { initContainers: init.map(fresh) } : {}),
    terminating: false,
    transitions: {},
  };
  w.state.pods[rt.uid] = rt;
  w.clock.schedule(SANDBOX_MS + w.random.int(300), w.name, { type: 'sandbox-ready', uid: rt.uid });
  w.report(pod, rt);
}

/** sandboxReady gives the pod its IP (the node's own on the host network) and starts its first container. */
export function sandboxReady(w: PodWorker, pod: Pod, rt: PodRuntime): void {
  rt.sandboxReady = true;
  if (!pod.spec.hostNetwork) rt.podIP = allocatePodIP(w.state, w.config);
  else rt.podIP = w.config.hostIP;
  if (!rt.terminating) startNext(w, pod, rt);
}

/**
 * startNext begins the first container that has not been started yet; containers start in
 * order, as the kubelet does. Init containers come first, one at a time: the next starts only
 * once the one before has completed, and app containers only once all have.
 */
export function startNext(w: PodWorker, pod: Pod, rt: PodRuntime): void {
  const notStarted = (c: ContainerRuntime) => c.state === 'waiting' && !c.pending && (c.reason === 'ContainerCreating' || c.reason === 'PodInitializing') && !c.containerID;
  if (!initialized(rt)) {
    const current = rt.initContainers!.find((c) => !(c.state === 'terminated' && c.terminated?.exitCode === 0))!;
    if (notStarted(current)) pull(w, pod, rt, current);
    return;
  }
  const next = rt.containers.find(notStarted);
  if (next) pull(w, pod, rt, next);
}

/** pull ensures a container's image is on the node, as the pull policy says: present, pulled (a timer), or failed. */
export function pull(w: PodWorker, pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
  const spec = containerSpec(pod, c.name);
  const ref = parseImage(c.image);
  if (!ref) {
    c.reason = 'InvalidImageName';
    c.message = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": invalid reference format`;
    w.event(pod, c, 'Warning', 'InspectFailed', c.message);
    w.event(pod, c, 'Warning', 'Failed', 'Error: InvalidImageName');
    startNext(w, pod, rt);
    return;
  }
  const present = w.state.images.includes(ref.normalized);
  const policy = spec.imagePullPolicy ?? 'IfNotPresent';
  if (present && policy !== 'Always') {
    w.event(pod, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
    c.pulled = true;
    createAndStart(w, pod, rt, c);
    return;
  }
  if (policy === 'Never') {
    c.reason = 'ErrImageNeverPull';
    c.message = `Container image "${c.image}" is not present with pull policy of Never`;
    w.event(pod, c, 'Warning', 'ErrImageNeverPull', c.message);
    w.event(pod, c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
    return;
  }
  w.event(pod, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
  c.pending = 'pull';
  const info = findImage(ref);
  // A cached image only needs the registry round trip; a fresh one is downloaded.
  const ms = present ? 300 + w.random.int(400) : info ? Math.round(info.sizeBytes / PULL_BYTES_PER_MS) + w.random.int(600) : 600 + w.random.int(500);
  w.clock.schedule(ms, w.name, { type: 'pulled', uid: rt.uid, container: c.name, ms });
}

/** onPulled finishes a pull that took `ms`: the image is on the node and the container starts, or the registry had no such image. */
export function onPulled(w: PodWorker, pod: Pod, rt: PodRuntime, c: ContainerRuntime, ms: number): void {
  c.pending = undefined;
  const ref = parseImage(c.image)!;
  const info = findImage(ref);
  if (!info) {
    const msg = `failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${ref.normalized}: not found`;
    c.reason = 'ErrImagePull';
    c.message = `rpc error: code = NotFound desc = ${msg}`;
    w.event(pod, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${c.message}`);
    w.event(pod, c, 'Warning', 'Failed', 'Error: ErrImagePull');
    w.clock.schedule(1000, w.name, { type: 'pull-backoff', uid: rt.uid, container: c.name });
    startNext(w, pod, rt);
    return;
  }
  if (!w.state.images.includes(ref.normalized)) w.state.images.push(ref.normalized);
  const took = goDuration(ms);
  w.event(pod, c, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${info.sizeBytes} bytes.`);
  c.pulled = true;
  c.pullBackoffMs = BACKOFF_START_MS;
  createAndStart(w, pod, rt, c);
}

/** enterPullBackoff turns a failed pull into ImagePullBackOff and schedules the retry after a doubling delay. */
export function enterPullBackoff(w: PodWorker, pod: Pod, c: ContainerRuntime): void {
  c.reason = 'ImagePullBackOff';
  c.message = `Back-off pulling image "${c.image}"`;
  c.pending = 'pull-backoff';
  w.event(pod, c, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
  w.event(pod, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
  const delay = c.pullBackoffMs;
  c.pullBackoffMs = Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS);
  const rt = w.state.pods[pod.metadata.uid!]!;
  w.clock.schedule(delay, w.name, { type: 'pull-retry', uid: rt.uid, container: c.name });
  scheduleBackoffSyncs(w, rt, c, delay);
}

/** createAndStart creates and starts a container whose image is on the node, then moves on to the next container. */
function createAndStart(w: PodWorker, pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
  const spec = containerSpec(pod, c.name);
  const info = findImage(parseImage(c.image)!)!;
  c.containerID = `containerd://${w.random.hex(64)}`;
  w.event(pod, c, 'Normal', 'Created', `Created container: ${c.name}`);
  w.event(pod, c, 'Normal', 'Started', `Started container ${c.name}`);
  c.state = 'running';
  c.reason = undefined;
  c.message = undefined;
  c.pending = undefined;
  c.startedAt = w.clock.now();
  c.terminated = undefined;
  const plan = planProcess(info.behaviour, spec.command, spec.args, spec.stdin);
  c.stopMs = plan.stopMs;
  appendLogs(c, plan.logs, w.clock.now());
  if (plan.runMs !== undefined) w.clock.schedule(plan.runMs, w.name, { type: 'exited', uid: rt.uid, container: c.name, id: c.containerID, code: plan.exitCode });
  // Readiness (without a readiness probe: ready at once), startup and liveness probes, and the script.
  w.activity.start(pod, rt, c, spec, plan);
  // An init container counts as ready only once it has completed.
  if (isInitContainer(rt, c)) c.ready = false;
  startNext(w, pod, rt);
}
