/**
 * podStatus turns what the kubelet knows about a pod's containers into the PodStatus it
 * reports: phase, conditions and container statuses, shaped like a real 1.32 kubelet's.
 */
import type { ContainerStatus, Pod, PodCondition, PodPhase, PodStatus } from '../api/pod.ts';
import { rfc3339 } from '../util/time.ts';
import { initContainerDone, initialized, type ContainerRuntime, type PodRuntime } from './runtime.ts';
import { findImage, parseImage } from './images.ts';

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
  const cs = rt.containers;
  const restartable = (c: ContainerRuntime) => {
    const policy = pod.spec.restartPolicy ?? 'Always';
    return !rt.terminating && (policy === 'Always' || (policy === 'OnFailure' && (c.terminated?.exitCode ?? 0) !== 0));
  };
  if (cs.every((c) => c.state === 'terminated' && !restartable(c))) {
    return cs.every((c) => c.terminated?.exitCode === 0) ? 'Succeeded' : 'Failed';
  }
  if (cs.some((c) => c.state === 'running' || c.restartCount > 0 || c.last || c.state === 'terminated')) return 'Running';
  return 'Pending';
}

/** podStatus builds the full status the kubelet writes for `pod`. */
export function podStatus(pod: Pod, rt: PodRuntime, hostIP: string, now: number): PodStatus {
  const phase = podPhase(pod, rt);
  const containerStatuses = rt.containers.map((c) => containerStatus(pod, c));
  const initContainerStatuses = rt.initContainers?.map((c) => containerStatus(pod, c));
  const unready = rt.containers.filter((c) => !c.ready).map((c) => c.name);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const cond = (type: PodCondition['type'], ok: boolean, reason?: string, message?: string): PodCondition => {
    const status = ok ? 'True' : 'False';
    const key = `${type}=${status}`;
    if (rt.transitions[key] === undefined) {
      // A condition keeps its transition time until its status flips.
      delete rt.transitions[`${type}=${ok ? 'False' : 'True'}`];
      rt.transitions[key] = now;
    }
    return { lastProbeTime: null, lastTransitionTime: rfc3339(rt.transitions[key]!), status, type, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
  };
  // A terminal pod's Ready and ContainersReady say how it ended (1.27+), without a message.
  const readyReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : 'ContainersNotReady';
  const readyMessage = terminal ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  // GeneratePodInitializedCondition: PodCompleted only for Succeeded; False while an init container is incomplete and no app container has started.
  const incomplete = (rt.initContainers ?? []).filter((c) => !initContainerDone(c)).map((c) => c.name);
  const appStarted = rt.containers.some((c) => c.containerID || c.restartCount > 0 || c.state !== 'waiting');
  const initOK = phase === 'Succeeded' || appStarted || incomplete.length === 0;
  const allReady = unready.length === 0 && !terminal;
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const conditions: PodCondition[] = [
    // generatePodReadyToStartContainersCondition is True only while a ready sandbox exists; once
    // the pod is terminal the pod worker kills its sandbox, so a completed pod reports False.
    cond('PodReadyToStartContainers', rt.sandboxReady && !terminal),
    initOK
      ? cond('Initialized', true, phase === 'Succeeded' ? 'PodCompleted' : undefined)
      : cond('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
    cond('Ready', allReady, allReady ? undefined : readyReason, allReady ? undefined : readyMessage),
    cond('ContainersReady', allReady, allReady ? undefined : readyReason, allReady ? undefined : readyMessage),
    scheduled ?? cond('PodScheduled', true),
  ];
  return {
    conditions,
    containerStatuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    ...(initContainerStatuses ? { initContainerStatuses } : {}),
    phase,
    ...(rt.podIP ? { podIP: rt.podIP, podIPs: [{ ip: rt.podIP }] } : {}),
    qosClass: pod.status?.qosClass ?? 'BestEffort',
    startTime: rfc3339(rt.admittedAt),
  };
}

function containerStatus(pod: Pod, c: ContainerRuntime): ContainerStatus {
  const spec = pod.spec.containers.find((s) => s.name === c.name) ?? pod.spec.initContainers?.find((s) => s.name === c.name);
  const ref = parseImage(c.image);
  const info = ref && findImage(ref);
  const pulled = c.pulled && ref && info;
  return {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image: pulled ? ref.normalized : c.image,
    imageID: pulled ? `${ref.repository}@${info.digest}` : '',
    lastState: c.last ? { terminated: terminatedState(c.last) } : {},
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    // A container with a startup probe counts as started only once the probe has passed.
    started: c.state === 'running' && c.startupDone !== false,
    state: stateOf(c),
    volumeMounts: spec?.volumeMounts?.map((m) => ({ ...m, ...(m.readOnly ? { recursiveReadOnly: 'Disabled' } : {}) })),
  };
}

function stateOf(c: ContainerRuntime): ContainerStatus['state'] {
  if (c.state === 'running') return { running: { startedAt: rfc3339(c.startedAt!) } };
  if (c.state === 'terminated' && c.terminated) return { terminated: terminatedState(c.terminated) };
  return { waiting: { reason: c.reason ?? 'ContainerCreating', ...(c.message ? { message: c.message } : {}) } };
}

function terminatedState(t: NonNullable<ContainerRuntime['terminated']>) {
  return {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: rfc3339(t.finishedAt),
    reason: t.reason,
    ...(t.signal ? { signal: t.signal } : {}),
    startedAt: rfc3339(t.startedAt),
  };
}
