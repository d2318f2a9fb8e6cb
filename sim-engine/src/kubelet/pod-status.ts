/**
 * podStatus turns what the kubelet knows about a pod's containers into the PodStatus it
 * reports: phase, conditions and container statuses, shaped like a real 1.32 kubelet's.
 */
import type { Pod, PodCondition, PodPhase, PodStatus } from '../api/pod.ts';
import { definedKeysAre } from '../util/stored.ts';
import { rfc3339 } from '../util/time.ts';
import { containerStatuses } from './container-status.ts';
import { initContainerDone, initialized, type ContainerRuntime, type PodRuntime } from './runtime.ts';

/**
 * podPhase follows the kubelet's getPhase: Pending until a container runs (so while init
 * containers run), Failed when an init container failed and nothing restarts, terminal once
 * all containers have stopped for good.
 */
export function podPhase(pod: Pod, rt: PodRuntime): PodPhase {
  if (!initialized(rt)) {
    const failed = rt.initContainers!.some((c) => (c.state === 'terminated' ? c.terminated?.exitCode : c.last?.exitCode) ?? 0);
    return failed && (pod.spec.restartPolicy ?? 'Always') === 'Never' ? 'Failed' : 'Pending';
  }
  // Plain loops: the phase is worked out for every report of every pod.
  const cs = rt.containers;
  const policy = pod.spec.restartPolicy ?? 'Always';
  let stoppedForGood = true;
  let allSucceeded = true;
  let started = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    const restartable = !rt.terminating && (policy === 'Always' || (policy === 'OnFailure' && (c.terminated?.exitCode ?? 0) !== 0));
    if (c.state !== 'terminated' || restartable) stoppedForGood = false;
    if (c.terminated?.exitCode !== 0) allSucceeded = false;
    if (c.state === 'running' || c.restartCount > 0 || c.last || c.state === 'terminated') started = true;
  }
  if (stoppedForGood) return allSucceeded ? 'Succeeded' : 'Failed';
  return started ? 'Running' : 'Pending';
}

/**
 * podStatus builds the full status the kubelet writes for `pod`. Each condition and container
 * status that comes out the same as in the pod's current status is that stored object itself
 * (see container-status.ts), so a report that changes one thing builds only that thing.
 */
export function podStatus(pod: Pod, rt: PodRuntime, hostIP: string, now: number): PodStatus {
  const had = pod.status;
  const phase = podPhase(pod, rt);
  const appStatuses = containerStatuses(pod, rt.containers, had?.containerStatuses);
  const initContainerStatuses = rt.initContainers && containerStatuses(pod, rt.initContainers, had?.initContainerStatuses);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  let unready: string | undefined;
  // Indexed loops throughout: a status is built for every report of every pod.
  for (let i = 0; i < rt.containers.length; i++) {
    const c = rt.containers[i]!;
    if (!c.ready) unready = unready === undefined ? c.name : `${unready} ${c.name}`;
  }
  // A terminal pod's Ready and ContainersReady say how it ended (1.27+), without a message.
  const readyReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : 'ContainersNotReady';
  const readyMessage = terminal || unready === undefined ? undefined : `containers with unready status: [${unready}]`;
  // GeneratePodInitializedCondition: PodCompleted only for Succeeded; False while an init container is incomplete and no app container has started.
  let incomplete: string | undefined;
  const init = rt.initContainers ?? NO_CONTAINERS;
  for (let i = 0; i < init.length; i++) {
    const c = init[i]!;
    if (!initContainerDone(c)) incomplete = incomplete === undefined ? c.name : `${incomplete} ${c.name}`;
  }
  let appStarted = false;
  for (let i = 0; i < rt.containers.length; i++) {
    const c = rt.containers[i]!;
    if (c.containerID || c.restartCount > 0 || c.state !== 'waiting') appStarted = true;
  }
  const initOK = phase === 'Succeeded' || appStarted || incomplete === undefined;
  const allReady = unready === undefined && !terminal;
  const scheduled = conditionOfType(had, 'PodScheduled');
  const was = had?.conditions;
  const conditions: PodCondition[] = [
    // generatePodReadyToStartContainersCondition is True only while a ready sandbox exists; once
    // the pod is terminal the pod worker kills its sandbox, so a completed pod reports False.
    condition(rt, was?.[0], now, 'PodReadyToStartContainers', rt.sandboxReady && !terminal),
    initOK
      ? condition(rt, was?.[1], now, 'Initialized', true, phase === 'Succeeded' ? 'PodCompleted' : undefined)
      : condition(rt, was?.[1], now, 'Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete}]`),
    condition(rt, was?.[2], now, 'Ready', allReady, allReady ? undefined : readyReason, allReady ? undefined : readyMessage),
    condition(rt, was?.[3], now, 'ContainersReady', allReady, allReady ? undefined : readyReason, allReady ? undefined : readyMessage),
    scheduled ?? condition(rt, was?.[4], now, 'PodScheduled', true),
  ];
  const status: PodStatus = {
    conditions: was && sameItems(conditions, was) ? was : conditions,
    containerStatuses: appStatuses,
    hostIP,
    hostIPs: ipList(hostIP, had?.hostIPs),
  };
  if (initContainerStatuses) status.initContainerStatuses = initContainerStatuses;
  status.phase = phase;
  if (rt.podIP) {
    status.podIP = rt.podIP;
    status.podIPs = ipList(rt.podIP, had?.podIPs);
  }
  status.qosClass = had?.qosClass ?? 'BestEffort';
  status.startTime = rfc3339(rt.admittedAt);
  return status;
}

/** sameItems tells whether two lists hold the very same items. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** conditionOfType finds a status condition by type. */
function conditionOfType(status: PodStatus | undefined, type: PodCondition['type']): PodCondition | undefined {
  const conditions = status?.conditions;
  if (conditions) for (let i = 0; i < conditions.length; i++) if (conditions[i]!.type === type) return conditions[i];
  return undefined;
}

/**
 * condition is one pod condition, which keeps its transition time until its status flips
 * (rt.transitions remembers when each `Type=Status` began); `had`, the stored condition in
 * its place, is kept when it is exactly the condition to report.
 */
function condition(rt: PodRuntime, had: PodCondition | undefined, now: number, type: PodCondition['type'], ok: boolean, reason?: string, message?: string): PodCondition {
  const status = ok ? 'True' : 'False';
  const keys = TRANSITION_KEYS[type];
  const isKey = ok ? keys[0] : keys[1];
  const wasKey = ok ? keys[1] : keys[0];
  if (rt.transitions[isKey] === undefined) {
    delete rt.transitions[wasKey];
    rt.transitions[isKey] = now;
  }
  const lastTransitionTime = rfc3339(rt.transitions[isKey]!);
  if (
    had &&
    had.type === type &&
    had.status === status &&
    had.lastTransitionTime === lastTransitionTime &&
    had.lastProbeTime === null &&
    had.reason === (reason || undefined) &&
    had.message === (message || undefined) &&
    definedKeysAre(had, CONDITION_KEYS[(reason ? 1 : 0) + (message ? 2 : 0)]!)
  ) {
    return had;
  }
  const c: PodCondition = { lastProbeTime: null, lastTransitionTime, status, type };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** TRANSITION_KEYS are each condition type's keys in rt.transitions: `Type=True`, then `Type=False`. */
const TRANSITION_KEYS = Object.fromEntries(
  (['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'] as const).map((t) => [t, [`${t}=True`, `${t}=False`] as const]),
) as Record<PodCondition['type'], readonly [string, string]>;

// A condition's fields in the order `condition` sets them: without and with reason and message.
const CONDITION_KEYS = [
  ['lastProbeTime', 'lastTransitionTime', 'status', 'type'],
  ['lastProbeTime', 'lastTransitionTime', 'status', 'type', 'reason'],
  ['lastProbeTime', 'lastTransitionTime', 'status', 'type', 'message'],
  ['lastProbeTime', 'lastTransitionTime', 'status', 'type', 'reason', 'message'],
] as const;

/** ipList is `[{ ip }]`, the stored list when it is that already. */
function ipList(ip: string, had: readonly { ip: string }[] | undefined): { ip: string }[] {
  if (had?.length === 1 && had[0]!.ip === ip && definedKeysAre(had[0]!, IP_KEYS)) return had as { ip: string }[];
  return [{ ip }];
}

const IP_KEYS = ['ip'];
const NO_CONTAINERS: readonly ContainerRuntime[] = [];
