/**
 * Container statuses as the kubelet reports them. A pod's status is written three times or
 * more on its way to running, and most of its containers' statuses do not change between two
 * reports: each part that would come out the same as in the stored status is that (frozen)
 * part itself, checked field by field before anything is built, so an unchanged report
 * allocates nothing for it and the API server compares it by identity.
 */
import type { Container, ContainerState, ContainerStatus, Pod } from '../api/pod.ts';
import { jsonEqual } from '../util/json-equal.ts';
import { definedKeysAre } from '../util/stored.ts';
import { rfc3339 } from '../util/time.ts';
import { findImage, imageID, parseImage } from './images.ts';
import { containerSpec } from './pod-worker.ts';
import type { ContainerRuntime, TerminatedInfo } from './runtime.ts';

/** containerStatuses reports a list of containers, keeping `had` (the stored list) when nothing in it changed. */
export function containerStatuses(pod: Pod, containers: ContainerRuntime[], had: readonly ContainerStatus[] | undefined): ContainerStatus[] {
  const out = new Array<ContainerStatus>(containers.length);
  let same = had?.length === containers.length;
  for (let i = 0; i < containers.length; i++) {
    out[i] = containerStatus(pod, containers[i]!, had?.[i]);
    if (out[i] !== had?.[i]) same = false;
  }
  return same ? (had as ContainerStatus[]) : out;
}

// The fields of a ContainerStatus in the order the kubelet sets them, with and without the optional ones.
const STATUS_KEYS = ['image', 'imageID', 'lastState', 'name', 'ready', 'restartCount', 'started', 'state'];
const STATUS_KEYS_BY_SHAPE = [
  STATUS_KEYS,
  ['containerID', ...STATUS_KEYS],
  [...STATUS_KEYS, 'volumeMounts'],
  ['containerID', ...STATUS_KEYS, 'volumeMounts'],
] as const;

function containerStatus(pod: Pod, c: ContainerRuntime, had: ContainerStatus | undefined): ContainerStatus {
  const spec = containerSpec(pod, c.name) as Container | undefined;
  const ref = parseImage(c.image);
  const info = ref && findImage(ref);
  const pulled = c.pulled && ref && info;
  const image = pulled ? ref.normalized : c.image;
  const id = pulled ? imageID(info) : '';
  const lastState = c.last ? lastStateOf(c.last, had?.lastState) : emptyState(had?.lastState);
  // A container with a startup probe counts as started only once the probe has passed.
  const started = c.state === 'running' && c.startupDone !== false;
  const state = stateOf(c, had?.state);
  const volumeMounts = spec?.volumeMounts && mountsOf(spec.volumeMounts, had?.volumeMounts);
  if (
    had &&
    had.containerID === c.containerID &&
    had.image === image &&
    had.imageID === id &&
    had.lastState === lastState &&
    had.name === c.name &&
    had.ready === c.ready &&
    had.restartCount === c.restartCount &&
    had.started === started &&
    had.state === state &&
    had.volumeMounts === volumeMounts &&
    definedKeysAre(had, STATUS_KEYS_BY_SHAPE[(c.containerID ? 1 : 0) + (volumeMounts ? 2 : 0)]!)
  ) {
    return had;
  }
  return {
    ...(c.containerID ? { containerID: c.containerID } : {}),
    image,
    imageID: id,
    lastState,
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    started,
    state,
    volumeMounts,
  };
}

function stateOf(c: ContainerRuntime, had: ContainerState | undefined): ContainerState {
  if (c.state === 'running') {
    const startedAt = rfc3339(c.startedAt!);
    if (had?.running?.startedAt === startedAt && definedKeysAre(had, RUNNING) && definedKeysAre(had.running, STARTED_AT)) return had;
    return { running: { startedAt } };
  }
  if (c.state === 'terminated' && c.terminated) return { terminated: terminatedState(c.terminated) };
  const reason = c.reason ?? 'ContainerCreating';
  const waiting = had?.waiting;
  if (waiting?.reason === reason && waiting.message === (c.message || undefined) && definedKeysAre(had!, WAITING) && definedKeysAre(waiting, c.message ? REASON_MESSAGE : REASON)) return had!;
  return { waiting: { reason, ...(c.message ? { message: c.message } : {}) } };
}

const RUNNING = ['running'];
const STARTED_AT = ['startedAt'];
const WAITING = ['waiting'];
const REASON = ['reason'];
const REASON_MESSAGE = ['reason', 'message'];

/** emptyState is a container's lastState before it has ever exited: `{}`, the stored one when it is that already. */
function emptyState(had: ContainerState | undefined): ContainerState {
  return had && definedKeysAre(had, NONE) ? had : {};
}

const NONE: readonly string[] = [];

function lastStateOf(last: TerminatedInfo, had: ContainerState | undefined): ContainerState {
  const fresh = { terminated: terminatedState(last) };
  return had && jsonEqual(fresh, had) ? had : fresh;
}

function terminatedState(t: TerminatedInfo): NonNullable<ContainerState['terminated']> {
  return {
    containerID: t.containerID,
    exitCode: t.exitCode,
    finishedAt: rfc3339(t.finishedAt),
    reason: t.reason,
    ...(t.signal ? { signal: t.signal } : {}),
    startedAt: rfc3339(t.startedAt),
  };
}

type Mounts = NonNullable<Container['volumeMounts']>;
type ReportedMounts = NonNullable<ContainerStatus['volumeMounts']>;

/** mountsOf is a container's volumeMounts as its status reports them (a read-only mount says its recursiveReadOnly). */
function mountsOf(mounts: Mounts, had: ContainerStatus['volumeMounts']): ReportedMounts {
  // A stored spec never changes, so what it reports is worked out once per spec, for as long
  // as the spec is alive (every version of a pod shares its spec's containers).
  const frozen = Object.isFrozen(mounts);
  let reported = frozen ? reportedMounts.get(mounts) : undefined;
  if (!reported) {
    reported = mounts.map((m) => ({ ...m, ...(m.readOnly ? { recursiveReadOnly: 'Disabled' } : {}) }));
    if (had && jsonEqual(reported, had)) reported = had;
    if (frozen) reportedMounts.set(mounts, reported);
  }
  return reported;
}

const reportedMounts = new WeakMap<Mounts, ReportedMounts>();
