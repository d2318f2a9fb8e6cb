/**
 * minikube: `start` builds (or restarts) a one-node cluster and points kubectl at it, `status`
 * and `stop` as minikube prints them, `ip`, and `kubectl -- ARGS`. Output is minikube 1.35's
 * with the docker driver and the containerd runtime (the runtime the nodes report), shortened
 * to the lines a learner reads; waits are cluster time.
 */
import type { MachineHost } from '../../machines/host.ts';
import { MINIKUBE_MACHINE } from '../../machines/machines.ts';
import { configureKubectl, createMinikubeCluster } from '../../machines/minikube.ts';
import { nap } from '../builtins/time.ts';
import { INTERRUPTED } from '../run/executor.ts';
import type { Program, ProgramContext } from '../types.ts';

const HELP = `minikube provisions and manages local Kubernetes clusters optimized for development workflows.

Commands in this sandbox:
  start          Starts a local Kubernetes cluster
  status         Gets the status of a local Kubernetes cluster
  stop           Stops a running local Kubernetes cluster
  ip             Retrieves the IP address of the specified node
  kubectl        Run a kubectl binary matching the cluster version

Use "minikube <command> --help" for more information about a given command.
`;

const NO_PROFILE = '🤷  Profile "minikube" not found. Run "minikube profile list" to view all profiles.\n👉  To start a cluster, run: "minikube start"\n';

/** createMinikube returns minikube as a shell program; `kubectl` is the sandbox's kubectl, for `minikube kubectl --`. */
export function createMinikube(host: MachineHost, kubectl: Program): Program {
  return async (ctx) => {
    const [verb, ...rest] = ctx.args;
    switch (verb) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        ctx.stdout(HELP);
        return 0;
      case 'start':
        return start(host, ctx);
      case 'status':
        return status(host, ctx);
      case 'stop':
        return stop(host, ctx);
      case 'ip':
        if (!host.machines.minikube) return noProfile(ctx);
        ctx.stdout(`${MINIKUBE_MACHINE.internalIP}\n`);
        return 0;
      case 'kubectl':
        if (!host.machines.minikube?.running) return noProfile(ctx);
        return kubectl({ ...ctx, args: rest[0] === '--' ? rest.slice(1) : rest });
    }
    ctx.stderr(`error: minikube ${verb} is not supported in this sandbox\n`);
    return 1;
  };
}

/** Step is one line minikube start prints, how long it then waits, and what it does before printing, if anything. */
interface Step {
  line: string;
  ms?: number;
  act?: () => void;
}

/**
 * start creates the cluster the first time and restarts it afterwards, ending with the line
 * every tutorial shows. Ctrl+C stops the printing but not the work: the remaining steps still
 * happen, so an interrupted start never leaves half a cluster.
 */
async function start(host: MachineHost, ctx: ProgramContext): Promise<number> {
  const { machines } = host;
  if (machines.kubeadm) {
    ctx.stderr(`error: minikube start is not supported in this sandbox once kubeadm has built a cluster: the sandbox runs one cluster\n`);
    return 1;
  }
  const existing = machines.minikube;
  const steps: Step[] = [
    { line: '😄  minikube v1.35.0 on Ubuntu 24.04' },
    { line: existing ? '✨  Using the docker driver based on existing profile' : '✨  Automatically selected the docker driver. Other choices: ssh, none' },
    ...(existing ? [] : [{ line: '📌  Using Docker driver with root privileges' }]),
    { line: '👍  Starting "minikube" primary control-plane node in "minikube" cluster' },
    { line: '🚜  Pulling base image v0.0.46 ...', ms: 1000 },
    !existing
      ? { line: '🔥  Creating docker container (CPUs=2, Memory=3900MB) ...', ms: 3000 }
      : existing.running
        ? { line: '🏃  Updating the running docker "minikube" container ...', ms: 1000 }
        : { line: '🔄  Restarting existing docker container for "minikube" ...', ms: 2000 },
    { line: '📦  Preparing Kubernetes v1.32.2 on containerd 1.7.24 ...' },
    ...(existing
      ? []
      : [
          { line: '    ▪ Generating certificates and keys ...', ms: 1000 },
          { line: '    ▪ Booting up control plane ...', ms: 3000, act: () => createMinikubeCluster(host) },
          { line: '    ▪ Configuring RBAC rules ...', ms: 1000 },
          { line: '🔗  Configuring CNI (Container Networking Interface) ...', ms: 1000 },
        ]),
    {
      line: '🔎  Verifying Kubernetes components...',
      ms: 2000,
      act: () => {
        machines.minikube = { running: true };
        configureKubectl(host, ctx.env);
      },
    },
    { line: '🏄  Done! kubectl is now configured to use "minikube" cluster and "default" namespace by default' },
  ];
  let interrupted = false;
  for (const step of steps) {
    step.act?.();
    if (interrupted) continue;
    ctx.stdout(`${step.line}\n`);
    if (step.ms) interrupted = await nap(ctx, step.ms);
  }
  return interrupted ? INTERRUPTED : 0;
}

/** status prints minikube's four lines; exit status 7 when stopped, 85 when there is no cluster. */
function status(host: MachineHost, ctx: ProgramContext): number {
  const m = host.machines.minikube;
  if (!m) return noProfile(ctx);
  const state = m.running ? 'Running' : 'Stopped';
  ctx.stdout(`minikube\ntype: Control Plane\nhost: ${state}\nkubelet: ${state}\napiserver: ${state}\nkubeconfig: ${m.running ? 'Configured' : 'Stopped'}\n\n`);
  return m.running ? 0 : 7;
}

/** stop powers the minikube node off: kubectl's API server goes away until the next start. */
async function stop(host: MachineHost, ctx: ProgramContext): Promise<number> {
  const m = host.machines.minikube;
  if (!m) return noProfile(ctx);
  ctx.stdout('✋  Stopping node "minikube"  ...\n');
  host.machines.minikube = { running: false };
  if (m.running) {
    ctx.stdout('🛑  Powering off "minikube" via SSH ...\n');
    if (await nap(ctx, 2000)) return INTERRUPTED;
  }
  ctx.stdout('🛑  1 node stopped.\n');
  return 0;
}

function noProfile(ctx: ProgramContext): number {
  ctx.stdout(NO_PROFILE);
  return 85;
}
