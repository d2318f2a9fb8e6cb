/** Command is one kubectl verb: its flags, its one-line summary for `kubectl --help`, and what it does. */
import type { Cluster } from '../cluster.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { ProgramContext } from '../shell/types.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import type { KubeconfigFile } from './kubeconfig-file.ts';
import type { ContainerTerminal } from './terminal.ts';
import type { HelpSpec } from './help.ts';

/** KubeContext is the part of kubeconfig kubectl reads: the current context's namespace. */
export interface KubeContext {
  name: string;
  cluster: string;
  user: string;
  namespace: string;
  /** server is the API server's URL; the default cluster's (CLUSTER_SERVER) when absent. A cluster built with kubeadm or minikube sets it. */
  server?: string;
}

/** Invocation is everything a command's run function gets. */
export interface Invocation {
  flags: ParsedFlags;
  ctx: ProgramContext;
  cluster: Cluster;
  /** The namespace to work in: `-n`, else the context's. */
  namespace: string;
  /** True when `-n` was given explicitly. */
  namespaceExplicit: boolean;
  kubeContext: KubeContext;
  /** The kubeconfig file kubectl read for this run, which `kubectl config` changes. */
  kubeconfig: KubeconfigFile;
  /** The sandbox's filesystem, for `-f FILE`; relative paths resolve against `ctx.env.PWD`. */
  fs: VirtualFS;
  /** The editor `kubectl edit` opens, when the host has one (the browser's); undefined in transcripts. */
  editor?: Editor;
  /** The learner's terminal, which `exec -it` and `run -it` attach to a container shell; undefined where nothing can type into one. */
  terminal?: ContainerTerminal;
}

/** Editor lets the learner change a text (an object's YAML) and resolves to the saved text, or undefined when the edit was abandoned. */
export type Editor = (text: string, opts: { filename: string }) => Promise<string | undefined>;

/** Command is a kubectl verb. */
export interface Command {
  name: string;
  summary: string;
  flags: readonly FlagSpec[];
  /** Subcommands (`create deployment`, `set image`, `config view`), chosen by the first argument. */
  subcommands?: readonly Command[];
  /** Other names of the command as a subcommand (`deploy` for `create deployment`). */
  aliases?: readonly string[];
  /** The description and examples `--help` prints; a verb the sandbox only refuses has none. */
  help?: HelpSpec;
  run(inv: Invocation): number | Promise<number>;
}

/** GLOBAL_FLAGS are accepted by every command. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: "''", help: 'If present, the namespace scope for this CLI request' },
  { name: 'help', short: 'h', type: 'bool', default: 'false', help: 'help for this command' },
  { name: 'request-timeout', type: 'string', default: "'0'", help: 'The length of time to wait before giving up on a single server request.' },
  { name: 'context', type: 'string', default: "''", help: 'The name of the kubeconfig context to use' },
  { name: 'kubeconfig', type: 'string', default: "''", help: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'v', short: 'v', type: 'int', default: '0', help: 'number for the log level verbosity' },
];

/** waitUntil sleeps in cluster time until `done()` holds, Ctrl+C is pressed, or `timeoutMs` passes; it reports whether `done()` held. */
export async function waitUntil(inv: Invocation, done: () => boolean, timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
  const deadline = inv.ctx.now() + timeoutMs;
  while (!done()) {
    if (inv.ctx.signal.interrupted || inv.ctx.now() >= deadline) return false;
    const next = inv.cluster.nextTimerAt();
    // Step to the next scheduled change so transcripts stay exact and browsers stay responsive.
    const step = next === undefined ? 1000 : Math.min(1000, Math.max(1, next - inv.ctx.now()));
    await inv.ctx.sleep(Math.min(step, deadline - inv.ctx.now()));
    inv.cluster.drain();
  }
  return true;
}
