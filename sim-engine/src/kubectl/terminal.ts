/**
 * The learner's terminal while it is attached to a shell inside a container (`kubectl exec -it
 * POD -- sh`, `kubectl run -it --image=busybox -- sh`): each line typed goes to the container's
 * tools instead of the learner's bash, under the container shell's prompt, until `exit`. The
 * attachment is plain data, so it survives Session.snapshot() and restore(); the code that runs
 * lines in the container loads with kubectl's verbs.
 */
import type { Cluster } from '../cluster.ts';
import type { Interrupt } from '../shell/types.ts';

/** AttachedShell is where the terminal is attached: the container, its shell and working directory. */
export interface AttachedShell {
  namespace: string;
  pod: string;
  uid: string;
  container: string;
  /** The shell program: sh, ash or bash. */
  shell: string;
  /** The image's userland: busybox and alpine run ash, debian runs dash as sh. */
  family: string;
  /** The container's hostname, for bash's prompt. */
  hostname: string;
  /** -t: the shell has a terminal, so it shows a prompt. */
  tty: boolean;
  cwd: string;
  /** Set when `kubectl run -i` created the pod: what ending the session prints and whether the pod goes (--rm). */
  run?: { restartPolicy: string; rm: boolean };
}

/** TerminalIO is where the container's output goes. */
export interface TerminalIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** ContainerTerminal holds the attachment, if any, and hands the learner's lines to it. */
export class ContainerTerminal {
  /** The current attachment; undefined while the learner types into their own shell. */
  attached: AttachedShell | undefined;
  readonly cluster: Cluster;
  readonly sleep: (ms: number) => Promise<void>;

  constructor(cluster: Cluster, sleep: (ms: number) => Promise<void>, attached?: AttachedShell) {
    this.cluster = cluster;
    this.sleep = sleep;
    this.attached = attached && { ...attached };
  }

  /** attach moves the terminal into a container shell. */
  attach(shell: AttachedShell): void {
    this.attached = { ...shell };
  }

  /** prompt is the container shell's: busybox ash `/ # `, dash `# `, bash `root@web:/# `; none without -t. */
  prompt(): string {
    const a = this.attached;
    if (!a?.tty) return '';
    const dir = a.cwd === '/root' ? '~' : a.cwd.startsWith('/root/') ? `~${a.cwd.slice(5)}` : a.cwd;
    if (a.shell === 'bash') return `root@${a.hostname}:${dir}# `;
    return a.family === 'debian' ? '# ' : `${dir} # `;
  }

  /** run runs one input in the container shell; it reports the status and whether the session ended (exit, or the container went away). */
  async run(input: string, io: TerminalIO, signal: Interrupt): Promise<{ status: number; ended: boolean }> {
    const { runAttached } = await import('./commands/exec/attached-shell.ts');
    return runAttached(this, input, io, signal);
  }
}
