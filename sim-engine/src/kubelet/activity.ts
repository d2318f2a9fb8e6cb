/**
 * ContainerActivity is what a running container does over time, beside the kubelet's
 * lifecycle work: its shell script advancing on the cluster clock (a timer per `sleep`), and
 * its probes. Both are timers naming the container ID, so a timer left over from an earlier
 * container of the same name is ignored.
 */
import type { Container, Pod, Probe } from '../api/pod.ts';
import type { Clock } from '../clock.ts';
import type { InContainer } from './in-container.ts';
import { checkProbe } from './probes/check.ts';
import { runWorker, startWorkers, type ProbeKind } from './probes/worker.ts';
import type { ProcessPlan } from './process.ts';
import { appendLogs, type ContainerRuntime, type PodRuntime } from './runtime.ts';
import { newScriptState, runScript, type ScriptHost } from './script/run.ts';

/** BUSY_MS is how long a script that spent its step budget without sleeping keeps the CPU before it runs on. */
const BUSY_MS = 1000;
/** MIN_SLEEP_MS keeps sub-tick sleeps (`sleep 0`, `sleep 0.01`) from firing at one instant for ever. */
const MIN_SLEEP_MS = 100;

/** ActivityHost is what ContainerActivity needs from its kubelet. */
export interface ActivityHost {
  clock: Clock;
  owner: string;
  node: string;
  inContainer?: InContainer;
  event(pod: Pod, c: ContainerRuntime, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** kill stops a container as a liveness kill does: SIGTERM, then SIGKILL after the grace period. */
  kill(pod: Pod, rt: PodRuntime, c: ContainerRuntime, graceMs: number): void;
}

/** ContainerActivity runs container scripts and probes for one kubelet. */
export class ContainerActivity {
  private readonly host: ActivityHost;

  constructor(host: ActivityHost) {
    this.host = host;
  }

  /** start begins a freshly started container's script (if its command is one) and its probes. */
  start(pod: Pod, rt: PodRuntime, c: ContainerRuntime, spec: Container, plan: ProcessPlan): void {
    delete c.killing;
    delete c.script;
    startWorkers(spec, c, { schedule: (kind, ms) => this.scheduleProbe(rt, c, kind, ms) });
    if (plan.script !== undefined) {
      const env = this.host.inContainer?.env(pod, c.name) ?? {};
      c.script = { src: plan.script, state: newScriptState(env) };
      this.stepScript(pod, rt, c);
    }
  }

  /** onScript wakes a sleeping script. */
  onScript(pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
    if (c.script && c.state === 'running') this.stepScript(pod, rt, c);
  }

  /** onProbe runs a due probe; true when the container's readiness or started state changed. */
  onProbe(pod: Pod, rt: PodRuntime, c: ContainerRuntime, kind: ProbeKind): boolean {
    const spec = pod.spec.containers.find((s) => s.name === c.name);
    const hooks = this.host.inContainer;
    if (!spec || !hooks || c.state !== 'running' || c.killing || rt.terminating || !rt.podIP) return false;
    return runWorker(kind, spec, c, this.host.clock.now() - c.startedAt!, {
      schedule: (k, ms) => this.scheduleProbe(rt, c, k, ms),
      unhealthy: (message) => this.host.event(pod, c, 'Warning', 'Unhealthy', message),
      check: (probe) => checkProbe(probe, { pod, container: spec, podIP: rt.podIP!, node: this.host.node }, hooks),
      kill: (k, probe) => this.killUnhealthy(pod, rt, c, k, probe),
    });
  }

  private killUnhealthy(pod: Pod, rt: PodRuntime, c: ContainerRuntime, kind: 'liveness' | 'startup', probe: Probe): void {
    const restart = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
    this.host.event(pod, c, 'Normal', 'Killing', `Container ${c.name} failed ${kind} probe${restart ? ', will be restarted' : ''}`);
    c.killing = true;
    // A probe's own terminationGracePeriodSeconds overrides the pod's for this kill.
    this.host.kill(pod, rt, c, (probe.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000);
  }

  private scheduleProbe(rt: PodRuntime, c: ContainerRuntime, kind: ProbeKind, ms: number): void {
    this.host.clock.schedule(ms, this.host.owner, { type: 'probe', uid: rt.uid, container: c.name, id: c.containerID, kind });
  }

  private stepScript(pod: Pod, rt: PodRuntime, c: ContainerRuntime): void {
    const run = c.script!;
    const hooks = this.host.inContainer;
    const clock = this.host.clock;
    const host: ScriptHost = {
      debian: hooks?.debian(pod, c.name) ?? false,
      log: (line) => appendLogs(c, [line], clock.now()),
      exec: (argv, write) => (hooks ? hooks.exec(pod, c.name, argv, write) : { status: 127, waitedMs: 0, notFound: true }),
    };
    const r = runScript(run.src, run.state, host);
    const id = c.containerID;
    if (r.kind === 'exit') {
      delete c.script;
      clock.schedule(0, this.host.owner, { type: 'exited', uid: rt.uid, container: c.name, id, code: r.code });
    } else if (r.kind === 'busy') clock.schedule(BUSY_MS, this.host.owner, { type: 'script', uid: rt.uid, container: c.name, id });
    else if (Number.isFinite(r.ms)) clock.schedule(Math.max(MIN_SLEEP_MS, r.ms), this.host.owner, { type: 'script', uid: rt.uid, container: c.name, id });
  }
}
