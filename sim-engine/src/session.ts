/**
 * Session is one sandbox: a simulated cluster, the learner's shell and the kubectl that
 * connects them. The browser terminal and the transcript runner both drive a Session, so
 * they print the same bytes for the same input.
 */
import { Cluster, type ClusterSnapshot } from './cluster.ts';
import type { KubeContext } from './kubectl/command.ts';
import { kubectlCompleter } from './kubectl/completion.ts';
import { createKubectl } from './kubectl/kubectl.ts';
import { defaultCluster } from './scenario/default-cluster.ts';
import { Shell, type ShellState } from './shell/index.ts';
import type { Interrupt } from './shell/types.ts';

/** SessionOptions fix how a fresh session starts. */
export interface SessionOptions {
  seed?: number;
  startTime?: number;
  /** Files to seed the learner's home directory with, by path relative to it. */
  files?: Record<string, string>;
  /** A cluster to start from instead of the default one. */
  cluster?: Cluster;
}

/** SessionSnapshot is a whole sandbox as plain JSON. */
export interface SessionSnapshot {
  version: number;
  cluster: ClusterSnapshot;
  shell: ShellState;
  context: KubeContext;
}

/** SESSION_SNAPSHOT_VERSION changes whenever the snapshot's shape does. */
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
  private sleeper: (ms: number) => Promise<void>;

  constructor(opts: SessionOptions = {}, restored?: { shell: ShellState; context: KubeContext }) {
    this.cluster = opts.cluster ?? defaultCluster({ seed: opts.seed, startTime: opts.startTime });
    this.context = restored?.context ?? { name: 'kubernetes-admin@wheelhouse', cluster: 'wheelhouse', user: 'kubernetes-admin', namespace: 'default' };
    // Transcripts jump over waits; a browser host swaps in wall-clock sleeps with useSleep().
    this.sleeper = async (ms) => this.cluster.advance(ms);
    this.shell = new Shell({
      programs: { kubectl: createKubectl({ cluster: this.cluster, context: this.context, fs: () => this.shell.fs }) },
      sleep: (ms) => this.sleeper(ms),
      now: () => this.cluster.now(),
      state: restored?.shell,
      files: opts.files,
      completers: { kubectl: kubectlCompleter({ cluster: this.cluster, context: this.context }) },
    });
  }

  /** useSleep replaces how commands wait for cluster time (the browser's live clock). */
  useSleep(sleep: (ms: number) => Promise<void>): void {
    this.sleeper = sleep;
  }

  /** run executes one complete command line (heredocs included) and resolves to its exit status. */
  async run(input: string, out: Output, signal: Interrupt = { interrupted: false }): Promise<number> {
    const code = await this.shell.run(input, out, signal);
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
    return { version: SESSION_SNAPSHOT_VERSION, cluster: this.cluster.snapshot(), shell: this.shell.snapshot(), context: { ...this.context } };
  }

  /** restore rebuilds a session from a snapshot; it throws on a snapshot of another version or shape. */
  static restore(snap: SessionSnapshot): Session {
    if (snap?.version !== SESSION_SNAPSHOT_VERSION) throw new Error(`unsupported saved sandbox version ${String(snap?.version)}`);
    return new Session({ cluster: Cluster.restore(snap.cluster) }, { shell: snap.shell, context: snap.context });
  }
}
