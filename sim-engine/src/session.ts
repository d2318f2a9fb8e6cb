/**
 * Session is one sandbox: a simulated cluster, the learner's shell and the kubectl that
 * connects them. The browser terminal and the transcript runner both drive a Session, so
 * they print the same bytes for the same input.
 */
import { Cluster, type ClusterSnapshot } from './cluster.ts';
import type { Editor, KubeContext } from './kubectl/command.ts';
import { kubectlCompleter } from './kubectl/completion.ts';
import { createKubectl } from './kubectl/kubectl.ts';
import { ContainerTerminal, type AttachedShell } from './kubectl/terminal.ts';
import { CLUSTER_SERVER } from './kubectl/commands/kubeconfig.ts';
import { gateKubectl } from './machines/kubectl-gate.ts';
import { kubeconfigText } from './machines/kubeconfig.ts';
import type { MachineHost } from './machines/host.ts';
import { Machines } from './machines/machines.ts';
import { newMachinesState, type MachinesState } from './machines/state.ts';
import { defaultCluster } from './scenario/default-cluster.ts';
import type { NodeSpecInput } from './scenario/nodes.ts';
import { HOME } from './shell/paths.ts';
import { Shell, type RunOptions, type ShellState } from './shell/index.ts';
import { createKubeadm } from './shell/tools/kubeadm.ts';
import { createMinikube } from './shell/tools/minikube.ts';
import { createSsh } from './shell/tools/ssh.ts';
import type { Interrupt, Program } from './shell/types.ts';

/** SessionOptions fix how a fresh session starts. */
export interface SessionOptions {
  seed?: number;
  startTime?: number;
  /** Files to seed the learner's home directory with, by path relative to it. */
  files?: Record<string, string>;
  /** A cluster to start from instead of the default one. */
  cluster?: Cluster;
  /**
   * Bare machines to start from instead of a ready cluster (a scenario's `cluster: none`): no
   * API objects exist and kubectl has no kubeconfig until the learner builds a cluster with
   * kubeadm (after `ssh` to a machine) or minikube.
   */
  bareMachines?: readonly NodeSpecInput[];
}

/** SessionSnapshot is a whole sandbox as plain JSON. */
export interface SessionSnapshot {
  version: number;
  cluster: ClusterSnapshot;
  shell: ShellState;
  context: KubeContext;
  /** machines is present only in sessions that started from bare machines; its absence means a ready cluster, so older snapshots read as before. */
  machines?: MachinesState;
  /** container is the container shell the terminal is attached to (kubectl exec -it), when it is. */
  container?: AttachedShell;
}

/** SESSION_SNAPSHOT_VERSION changes whenever the snapshot's shape does (an optional addition that older snapshots lack does not count). */
export const SESSION_SNAPSHOT_VERSION = 1;

/** Output receives what a command line prints, in order. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Session runs command lines against one simulated cluster. */
export class Session {
  readonly cluster: Cluster;
  readonly shell: Shell;
  readonly context: KubeContext;
  /** machines are the bare machines of a `cluster: none` session (undefined for a ready cluster). */
  readonly machines: Machines | undefined;
  /** terminal is where the learner types: their shell, or a container's after `kubectl exec -it`. */
  readonly terminal: ContainerTerminal;
  private sleeper: (ms: number) => Promise<void>;
  private editor: Editor | undefined;

  constructor(opts: SessionOptions = {}, restored?: { shell: ShellState; context: KubeContext; machines?: MachinesState; container?: AttachedShell }) {
    const machinesState = restored ? restored.machines : opts.bareMachines && newMachinesState(opts.bareMachines);
    this.machines = machinesState && new Machines(machinesState);
    this.cluster = opts.cluster ?? (this.machines ? new Cluster({ seed: opts.seed, startTime: opts.startTime }) : defaultCluster({ seed: opts.seed, startTime: opts.startTime }));
    this.context = restored?.context ?? { name: 'kubernetes-admin@wheelhouse', cluster: 'wheelhouse', user: 'kubernetes-admin', namespace: 'default' };
    // Transcripts jump over waits; a browser host swaps in wall-clock sleeps with useSleep().
    this.sleeper = async (ms) => this.cluster.advance(ms);
    const terminal = new ContainerTerminal(this.cluster, (ms) => this.sleeper(ms), restored?.container);
    this.terminal = terminal;
    const fs = () => this.shell.fs;
    const editor = () => this.editor;
    const kubectl = createKubectl({
      cluster: this.cluster,
      context: this.context,
      fs,
      get editor() {
        return editor();
      },
      terminal,
      // On bare machines the API server is whatever kubeadm or minikube built; the gate refuses kubectl until then.
      apiServer: () => this.machines?.apiServer()?.server ?? CLUSTER_SERVER,
    });
    const machines = this.machines;
    const programs: Record<string, Program> = { kubectl };
    if (machines) {
      const host: MachineHost = { cluster: this.cluster, machines, context: this.context, fs };
      programs.kubectl = gateKubectl(kubectl, machines, fs);
      programs.ssh = createSsh(host);
      programs.kubeadm = createKubeadm(host);
      programs.minikube = createMinikube(host, kubectl);
    }
    this.shell = new Shell({
      programs,
      sleep: (ms) => this.sleeper(ms),
      now: () => this.cluster.now(),
      state: restored?.shell,
      files: opts.files,
      guest: () => (terminal.attached ? terminal : undefined),
      completers: {
        kubectl: kubectlCompleter({ cluster: this.cluster, context: this.context }),
        // ssh completes machine names, as bash-completion does from known hosts.
        ...(machines && { ssh: (words: string[], current: string) => (words.length === 1 ? machines.list().map((m) => m.name).filter((n) => n.startsWith(current)) : []) }),
      },
      ...(machines && {
        hostname: () => machines.hostname(),
        logout: (io) => {
          const left = machines.leave();
          if (left !== undefined) io.stderr(`logout\nConnection to ${left} closed.\n`);
          return left !== undefined;
        },
      }),
    });
    const config = `${HOME}/.kube/config`;
    // A ready cluster's kubeconfig is a file like any other: kubectl reads and writes it there (a saved sandbox from before had an empty placeholder).
    if (!machines && this.shell.fs.kind(config) === 'file' && this.shell.fs.read(config) === '') this.shell.fs.write(config, kubeconfigText(this.context));
    // A bare machine has no ~/.kube yet (the default home has an empty config), so `cp -i` of admin.conf does not ask to overwrite.
    if (machines && !restored && this.shell.fs.kind(config) === 'file' && this.shell.fs.read(config) === '') {
      this.shell.fs.remove(config);
      if (this.shell.fs.list(`${HOME}/.kube`).length === 0) this.shell.fs.remove(`${HOME}/.kube`);
    }
  }

  /** useSleep replaces how commands wait for cluster time (the browser's live clock). */
  useSleep(sleep: (ms: number) => Promise<void>): void {
    this.sleeper = sleep;
  }

  /** useEditor gives `kubectl edit` an editor (the browser's editor panel); without one it says it has none. */
  useEditor(editor: Editor | undefined): void {
    this.editor = editor;
  }

  /** run executes one complete command line (heredocs included) and resolves to its exit status; `opts.quiet` keeps it out of the learner's history and `$?`. */
  async run(input: string, out: Output, signal: Interrupt = { interrupted: false }, opts: RunOptions = {}): Promise<number> {
    const code = await this.shell.run(input, out, signal, opts);
    this.cluster.drain();
    return code;
  }

  /** exited is true once the learner ran `exit`. */
  get exited(): boolean {
    return this.shell.exited;
  }

  /** needsMore tells whether `input` is incomplete and the terminal should read another line. */
  needsMore(input: string): boolean {
    return this.shell.needsMore(input);
  }

  /** snapshot captures the session as plain JSON. */
  snapshot(): SessionSnapshot {
    const snap: SessionSnapshot = { version: SESSION_SNAPSHOT_VERSION, cluster: this.cluster.snapshot(), shell: this.shell.snapshot(), context: { ...this.context } };
    if (this.machines) snap.machines = this.machines.state;
    if (this.terminal.attached) snap.container = { ...this.terminal.attached };
    return snap;
  }

  /** restore rebuilds a session from a snapshot; it throws on a snapshot of another version or shape. */
  static restore(snap: SessionSnapshot): Session {
    if (snap?.version !== SESSION_SNAPSHOT_VERSION) throw new Error(`unsupported saved sandbox version ${String(snap?.version)}`);
    return new Session({ cluster: Cluster.restore(snap.cluster) }, { shell: snap.shell, context: snap.context, machines: snap.machines, container: snap.container });
  }
}
