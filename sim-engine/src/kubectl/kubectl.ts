/**
 * kubectl is the sandbox's kubectl: it parses the command line like cobra and pflag, runs the
 * verb against the simulated cluster's API server and reports errors as kubectl does. Verbs
 * the sandbox does not simulate say so plainly instead of pretending.
 */
import type { Cluster } from '../cluster.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { Program, ProgramContext } from '../shell/types.ts';
import { GLOBAL_FLAGS, type Command, type Editor, type KubeContext } from './command.ts';
import { formatError } from './errors.ts';
import { bool, parseFlags, str, type ParsedFlags } from './flags.ts';
import type { KubeconfigFile } from './kubeconfig-file.ts';
import { requestContext } from './request-context.ts';
import { Klog, loggedCluster } from './request-log.ts';
import { heartbeatView } from './node-heartbeat.ts';
import { CLUSTER_SERVER } from './commands/kubeconfig.ts';
import { HOME } from '../shell/paths.ts';
import { ALL_COMMANDS, commandHelp, helpTopic, optionsHelp, suggestions, topLevelHelp } from './help.ts';
import { loadCommands } from './verbs.ts';
import { parseRoot } from './root-args.ts';
import type { ContainerTerminal } from './terminal.ts';

/** KubectlHost is what kubectl talks to: the cluster, and the kubeconfig's current context. */
export interface KubectlHost {
  cluster: Cluster;
  context: KubeContext;
  /** The filesystem `-f` reads; resolved lazily because the shell that owns it is built after kubectl. */
  fs: () => VirtualFS;
  /** The editor for `kubectl edit`; hosts without one (the transcript runner) leave it undefined. */
  editor?: Editor;
  /** The terminal `exec -it` and `run -it` attach to a container shell. */
  terminal?: ContainerTerminal;
  /** apiServer is the URL the simulated API server answers at (CLUSTER_SERVER when absent); contexts whose cluster names another server are refused. */
  apiServer?: () => string | undefined;
}

/** createKubectl returns kubectl as a shell program bound to a cluster. */
export function createKubectl(host: KubectlHost): Program {
  return (ctx) => runKubectl(host, ctx);
}

async function runKubectl(host: KubectlHost, ctx: ProgramContext): Promise<number> {
  const args = ctx.args;
  const root = parseRoot(args, (n) => ALL_COMMANDS.includes(n));
  if (root.kind === 'root') return runRoot(ctx);
  if (root.kind === 'flags-before-plugin') {
    ctx.stderr(`error: flags cannot be placed before plugin name: ${root.flag}\n`);
    return 1;
  }
  if (root.kind === 'unknown') {
    const guesses = suggestions(root.name);
    // Stock kubectl silences cobra's own printing and sends every error through CheckErr, so
    // root-level errors are lowercase too (the distro build installed here prints a capital E).
    ctx.stderr(`error: unknown command "${root.name}" for "kubectl"\n${guesses.length ? `\nDid you mean this?\n${guesses.map((g) => `\t${g}\n`).join('')}\n` : ''}`);
    return 1;
  }
  const { name, at: first } = root;
  if (name === 'options') {
    ctx.stdout(optionsHelp());
    return 0;
  }
  const topics = name === 'help' ? args.slice(first + 1).filter((a) => !a.startsWith('-')) : [];
  if (name === 'help' && topics.length === 0) {
    ctx.stdout(topLevelHelp());
    return 0;
  }
  let commands: readonly Command[];
  try {
    commands = await loadCommands();
  } catch (e) {
    // In the browser the verbs arrive over the network on first use, and that can fail.
    ctx.stderr(`error: kubectl could not be loaded (${e instanceof Error ? e.message : String(e)}); check your connection and try again\n`);
    return 1;
  }
  if (name === 'help') {
    // cobra answers an unknown topic on stderr and still exits 0.
    const topic = helpTopic(commands, topics);
    if ('out' in topic) ctx.stdout(topic.out);
    else ctx.stderr(topic.err);
    return 'out' in topic || topic.err.startsWith('Unknown') ? 0 : 1;
  }
  let command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr(`error: kubectl ${name} is not supported in this sandbox yet\n`);
    return 1;
  }
  let rest = [...args.slice(0, first), ...args.slice(first + 1)];
  // A subcommand is the first argument that is not a flag or a flag's value: `create -n dev deployment web`.
  for (let sub = pickSubcommand(command, rest); sub; sub = pickSubcommand(command, rest)) {
    rest = [...rest.slice(0, sub.at), ...rest.slice(sub.at + 1)];
    command = { ...sub.command, name: `${command.name} ${sub.command.name}` };
  }
  try {
    const flags = parseFlags(rest, [...command.flags, ...GLOBAL_FLAGS]);
    if (bool(flags, 'help')) {
      ctx.stdout(commandHelp(command));
      return 0;
    }
    const kube = await kubeconfigFor(host, ctx, flags, command.name);
    if ('error' in kube) {
      ctx.stderr(kube.error);
      return 1;
    }
    const verbosity = Number(str(flags, 'v', '0'));
    if (verbosity >= 7) {
      ctx.stderr('error: -v=7 and higher (request headers and bodies) is not supported in this sandbox: -v=6 logs each request\n');
      return 1;
    }
    const explicit = str(flags, 'namespace');
    const code = await command.run({
      flags,
      ctx,
      cluster: verbosity >= 6 ? requestLogging(host, ctx, flags, command.name, kube) : heartbeatView(host.cluster),
      namespace: explicit || kube.context.namespace,
      namespaceExplicit: explicit !== '',
      kubeContext: kube.context,
      kubeconfig: kube.file,
      fs: host.fs(),
      editor: host.editor,
      terminal: host.terminal,
    });
    // `kubectl config` may have switched or changed the current context.
    if (command.name.startsWith('config') && !str(flags, 'kubeconfig')) {
      const { contextNamed } = await import('./kubeconfig-file.ts');
      const current = contextNamed(kube.file.doc, kube.file.doc.currentContext);
      if (current) mirror(host, current);
    }
    host.cluster.drain();
    return code;
  } catch (err) {
    host.cluster.drain();
    ctx.stderr(formatError(err, command.name));
    return 1;
  }
}

/**
 * kubeconfigFor reads the kubeconfig afresh, as every kubectl run does, and picks the context the
 * command works in. `config` edits the file and `version --client` sends no request, so only the
 * other verbs need a context that reaches the cluster. The host's context mirrors the current one
 * for what reads it between runs (completion, snapshots).
 */
async function kubeconfigFor(host: KubectlHost, ctx: ProgramContext, flags: ParsedFlags, verb: string): Promise<{ file: KubeconfigFile; context: KubeContext } | { error: string }> {
  // The YAML decoder comes with the verbs, loaded on first use (see verbs.ts).
  const { KubeconfigLoadError, loadKubeconfig } = await import('./kubeconfig-file.ts');
  const explicit = str(flags, 'kubeconfig');
  let file: KubeconfigFile;
  try {
    file = loadKubeconfig(host.fs(), ctx.env, explicit, HOME);
  } catch (e) {
    if (e instanceof KubeconfigLoadError) return { error: `error: ${e.message}\n` };
    throw e;
  }
  if (verb.startsWith('config') || (verb === 'version' && bool(flags, 'client'))) return { file, context: host.context };
  if (explicit && host.fs().kind(file.path) !== 'file') return { error: `error: stat ${explicit}: no such file or directory\n` };
  const resolved = requestContext(file, str(flags, 'context'), host.apiServer?.() ?? CLUSTER_SERVER);
  if ('error' in resolved) return resolved;
  if (!str(flags, 'context') && !explicit) mirror(host, resolved.context);
  return { file, context: resolved.context };
}

/** mirror copies the current context into the host's, which completion and snapshots read between runs. */
function mirror(host: KubectlHost, context: KubeContext): void {
  for (const key of Object.keys(host.context) as (keyof KubeContext)[]) delete host.context[key];
  Object.assign(host.context, context);
}

/** requestLogging starts `-v=6`'s log with the kubeconfig it loaded and returns the cluster whose API calls it logs as requests. */
function requestLogging(host: KubectlHost, ctx: ProgramContext, flags: ParsedFlags, verb: string, kube: { file: KubeconfigFile; context: KubeContext }): Cluster {
  const klog = new Klog(ctx.now(), ctx.stderr);
  if (host.fs().kind(kube.file.path) === 'file') klog.info('loader.go:402', `Config loaded from file:  ${kube.file.path}`, 1375);
  const selectors = verb === 'get' ? [['fieldSelector', str(flags, 'field-selector')], ['labelSelector', str(flags, 'selector')]].filter(([, v]) => v) : [];
  const params = [...selectors.map(([k, v]) => `${k}=${encodeURIComponent(v!)}`), ...(verb === 'get' ? ['limit=500'] : [])];
  return loggedCluster(heartbeatView(host.cluster), klog, { server: kube.context.server ?? CLUSTER_SERVER, listQuery: params.length ? `?${params.join('&')}` : '', fieldManager: `kubectl-${verb.split(' ')[0]}` });
}

/** runRoot is kubectl with flags and no verb: its help, or pflag's error for a flag the root command lacks (`kubectl -A`). */
function runRoot(ctx: ProgramContext): number {
  try {
    parseFlags(ctx.args, GLOBAL_FLAGS);
  } catch (err) {
    ctx.stderr(`error: ${err instanceof Error ? err.message : String(err)}\nSee 'kubectl --help' for usage.\n`);
    return 1;
  }
  ctx.stdout(topLevelHelp());
  return 0;
}

/** pickSubcommand finds a command's subcommand named by the first positional argument, and where it is. */
function pickSubcommand(command: Command, rest: string[]): { command: Command; at: number } | undefined {
  if (!command.subcommands?.length) return undefined;
  const specs = [...command.flags, ...GLOBAL_FLAGS, ...command.subcommands.flatMap((c) => c.flags)];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') return undefined;
    if (a.startsWith('--')) {
      const spec = specs.find((s) => s.name === a.slice(2));
      if (spec && spec.type !== 'bool' && !a.includes('=')) i++;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const spec = specs.find((s) => s.short === a[1]);
      if (spec && spec.type !== 'bool' && a.length === 2) i++;
      continue;
    }
    const sub = command.subcommands.find((c) => c.name === a || c.aliases?.includes(a));
    return sub ? { command: sub, at: i } : undefined;
  }
  return undefined;
}
