/**
 * kubectl is the sandbox's kubectl: it parses the command line like cobra and pflag, runs the
 * verb against the simulated cluster's API server and reports errors as kubectl does. Verbs
 * the sandbox does not simulate say so plainly instead of pretending.
 */
import type { Cluster } from '../cluster.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { Program, ProgramContext } from '../shell/types.ts';
import { GLOBAL_FLAGS, type Command, type Editor, type KubeContext } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { formatError } from './errors.ts';
import { bool, parseFlags, str } from './flags.ts';
import { ALL_COMMANDS, commandHelp, suggestions, topLevelHelp } from './help.ts';

/** KubectlHost is what kubectl talks to: the cluster, and the kubeconfig's current context. */
export interface KubectlHost {
  cluster: Cluster;
  context: KubeContext;
  /** The filesystem `-f` reads; resolved lazily because the shell that owns it is built after kubectl. */
  fs: () => VirtualFS;
  /** The editor for `kubectl edit`; hosts without one (the transcript runner) leave it undefined. */
  editor?: Editor;
}

/** createKubectl returns kubectl as a shell program bound to a cluster. */
export function createKubectl(host: KubectlHost): Program {
  return (ctx) => runKubectl(host, ctx);
}

async function runKubectl(host: KubectlHost, ctx: ProgramContext): Promise<number> {
  const args = ctx.args;
  const first = args.findIndex((a) => !a.startsWith('-'));
  const name = first < 0 ? undefined : args[first];
  if (name === undefined || name === 'help') {
    if (args.length === 0 || name === 'help' || args.includes('--help') || args.includes('-h')) {
      ctx.stdout(topLevelHelp());
      return 0;
    }
  }
  let command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name && ALL_COMMANDS.includes(name)) {
      ctx.stderr(`error: kubectl ${name} is not supported in this sandbox yet\n`);
      return 1;
    }
    const guesses = name ? suggestions(name) : [];
    ctx.stderr(`error: unknown command "${name ?? args[0]}" for "kubectl"\n${guesses.length ? `\nDid you mean this?\n${guesses.map((g) => `\t${g}\n`).join('')}\n` : ''}`);
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
    for (const unsupported of ['context', 'kubeconfig']) {
      if (str(flags, unsupported)) {
        ctx.stderr(`error: --${unsupported} is not supported in this sandbox: it has one cluster and one kubeconfig\n`);
        return 1;
      }
    }
    const explicit = str(flags, 'namespace');
    const code = await command.run({
      flags,
      ctx,
      cluster: host.cluster,
      namespace: explicit || host.context.namespace,
      namespaceExplicit: explicit !== '',
      kubeContext: host.context,
      fs: host.fs(),
      editor: host.editor,
    });
    host.cluster.drain();
    return code;
  } catch (err) {
    host.cluster.drain();
    ctx.stderr(formatError(err, command.name));
    return 1;
  }
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
