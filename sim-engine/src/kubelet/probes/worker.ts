/**
 * The prober's workers (pkg/kubelet/prober/worker.go), one per probe of a running container,
 * as timers on the cluster clock: the first run `initialDelaySeconds` after the container
 * started, then every `periodSeconds`. A result takes effect after `successThreshold` /
 * `failureThreshold` runs in a row. Readiness sets the container's `ready`; a startup probe
 * holds the other two back until it succeeds; a liveness (or startup) failure asks the kubelet
 * to kill the container, and the worker waits for the next container.
 */
import type { Container, Probe } from '../../api/pod.ts';
import type { ContainerRuntime } from '../runtime.ts';
import type { ProbeOutcome } from './check.ts';

/** ProbeKind names the three probes, as the timer action and the runtime record carry them. */
export type ProbeKind = 'startup' | 'readiness' | 'liveness';

/** ProbeRunState is a worker's memory: the last result and how many times in a row it came. */
export interface ProbeRunState {
  last?: 'success' | 'failure';
  run: number;
}

/** WorkerContext is what a worker asks of its kubelet. */
export interface WorkerContext {
  /** schedule runs the `kind` worker again in `ms`. */
  schedule(kind: ProbeKind, ms: number): void;
  /** unhealthy records the `Unhealthy` warning event. */
  unhealthy(message: string): void;
  /** check runs the probe once. */
  check(probe: Probe): ProbeOutcome;
  /** kill has the container killed (and restarted, per the pod's restartPolicy) after a failed liveness or startup probe. */
  kill(kind: 'liveness' | 'startup', probe: Probe): void;
}

const LABEL: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

function probeOf(spec: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? spec.startupProbe : kind === 'readiness' ? spec.readinessProbe : spec.livenessProbe;
}

const periodMs = (p: Probe) => (p.periodSeconds || 10) * 1000;

/** startWorkers resets a freshly started container's probe state and schedules its first probes. */
export function startWorkers(spec: Container, c: ContainerRuntime, ctx: Pick<WorkerContext, 'schedule'>): void {
  c.probes = {};
  // Without a readiness probe a container is ready as soon as it has started (and passed any startup probe).
  c.ready = !spec.readinessProbe && !spec.startupProbe;
  if (spec.startupProbe) {
    c.startupDone = false;
    ctx.schedule('startup', (spec.startupProbe.initialDelaySeconds ?? 0) * 1000);
    return;
  }
  delete c.startupDone;
  scheduleMain(spec, c, 0, ctx);
}

/** scheduleMain starts the readiness and liveness workers, each at its initial delay counted from the container's start. */
function scheduleMain(spec: Container, c: ContainerRuntime, sinceStartMs: number, ctx: Pick<WorkerContext, 'schedule'>): void {
  for (const kind of ['readiness', 'liveness'] as const) {
    const p = probeOf(spec, kind);
    if (p) ctx.schedule(kind, Math.max(0, (p.initialDelaySeconds ?? 0) * 1000 - sinceStartMs));
  }
  void c;
}

/** runWorker handles one due probe of a running container; it returns whether the container's status changed. */
export function runWorker(kind: ProbeKind, spec: Container, c: ContainerRuntime, sinceStartMs: number, ctx: WorkerContext): boolean {
  const probe = probeOf(spec, kind);
  if (!probe) return false;
  const outcome = ctx.check(probe);
  if (outcome.result === 'error') {
    // An errored probe is thrown away: it counts neither as a success nor as a failure.
    ctx.unhealthy(`${LABEL[kind]} probe errored: ${outcome.output}`);
    ctx.schedule(kind, periodMs(probe));
    return false;
  }
  if (outcome.result === 'failure') ctx.unhealthy(`${LABEL[kind]} probe failed: ${outcome.output}`);
  const state = (c.probes ??= {})[kind] ?? { run: 0 };
  if (state.last === outcome.result) state.run++;
  else {
    state.last = outcome.result;
    state.run = 1;
  }
  c.probes[kind] = state;
  const threshold = outcome.result === 'failure' ? (probe.failureThreshold || 3) : (probe.successThreshold || 1);
  if (state.run < threshold) {
    ctx.schedule(kind, periodMs(probe));
    return false;
  }
  switch (kind) {
    case 'readiness': {
      ctx.schedule(kind, periodMs(probe));
      const ready = outcome.result === 'success';
      if (c.ready === ready) return false;
      c.ready = ready;
      return true;
    }
    case 'startup':
      if (outcome.result === 'success') {
        c.startupDone = true;
        if (!spec.readinessProbe) c.ready = true;
        scheduleMain(spec, c, sinceStartMs, ctx);
        return true;
      }
      state.run = 0;
      ctx.kill('startup', probe);
      return false;
    case 'liveness':
      if (outcome.result === 'success') {
        ctx.schedule(kind, periodMs(probe));
        return false;
      }
      // On hold until a new container replaces this one.
      state.run = 0;
      ctx.kill('liveness', probe);
      return false;
  }
}
