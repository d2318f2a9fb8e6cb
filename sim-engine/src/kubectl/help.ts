/** The text of `kubectl --help` and `kubectl <command> --help`, in kubectl's layout. */
import type { Command } from './command.ts';
import { GLOBAL_FLAGS } from './command.ts';
import type { FlagSpec } from './flags.ts';

/** GROUPS is the top-level help's grouping of commands, as kubectl 1.32 lists them. */
export const GROUPS: readonly [string, readonly [string, string][]][] = [
  ['Basic Commands (Beginner)', [['create', 'Create a resource from a file or from stdin'], ['expose', 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service'], ['run', 'Run a particular image on the cluster'], ['set', 'Set specific features on objects']]],
  ['Basic Commands (Intermediate)', [['explain', 'Get documentation for a resource'], ['get', 'Display one or many resources'], ['edit', 'Edit a resource on the server'], ['delete', 'Delete resources by file names, stdin, resources and names, or by resources and label selector']]],
  ['Deploy Commands', [['rollout', 'Manage the rollout of a resource'], ['scale', 'Set a new size for a deployment, replica set, or replication controller'], ['autoscale', 'Auto-scale a deployment, replica set, stateful set, or replication controller']]],
  ['Cluster Management Commands', [['certificate', 'Modify certificate resources'], ['cluster-info', 'Display cluster information'], ['top', 'Display resource (CPU/memory) usage'], ['cordon', 'Mark node as unschedulable'], ['uncordon', 'Mark node as schedulable'], ['drain', 'Drain node in preparation for maintenance'], ['taint', 'Update the taints on one or more nodes']]],
  ['Troubleshooting and Debugging Commands', [['describe', 'Show details of a specific resource or group of resources'], ['logs', 'Print the logs for a container in a pod'], ['attach', 'Attach to a running container'], ['exec', 'Execute a command in a container'], ['port-forward', 'Forward one or more local ports to a pod'], ['proxy', 'Run a proxy to the Kubernetes API server'], ['cp', 'Copy files and directories to and from containers'], ['auth', 'Inspect authorization'], ['debug', 'Create debugging sessions for troubleshooting workloads and nodes'], ['events', 'List events']]],
  ['Advanced Commands', [['diff', 'Diff the live version against a would-be applied version'], ['apply', 'Apply a configuration to a resource by file name or stdin'], ['patch', 'Update fields of a resource'], ['replace', 'Replace a resource by file name or stdin'], ['wait', 'Experimental: Wait for a specific condition on one or many resources'], ['kustomize', 'Build a kustomization target from a directory or URL']]],
  ['Settings Commands', [['label', 'Update the labels on a resource'], ['annotate', 'Update the annotations on a resource'], ['completion', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)']]],
  ['Other Commands', [['api-resources', 'Print the supported API resources on the server'], ['api-versions', 'Print the supported API versions on the server, in the form of "group/version"'], ['config', 'Modify kubeconfig files'], ['plugin', 'Provides utilities for interacting with plugins'], ['version', 'Print the client and server version information']]],
];

/** ALL_COMMANDS lists every real kubectl command name, for "unknown command" suggestions. */
export const ALL_COMMANDS: readonly string[] = GROUPS.flatMap(([, cmds]) => cmds.map(([n]) => n)).concat(['help', 'options']);

const INTRO = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';

/** topLevelHelp is `kubectl --help`. */
export function topLevelHelp(): string {
  let out = INTRO;
  for (const [group, cmds] of GROUPS) {
    out += `\n${group}:\n`;
    for (const [name, summary] of cmds) out += `  ${name.padEnd(16)}${summary}\n`;
  }
  out += '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** HelpSpec is a command's help text as data: what `kubectl <command> --help` prints besides the options. */
export interface HelpSpec {
  /** description is the paragraph under the summary, in our own words. */
  description: string;
  /** examples are `[comment, command line]` pairs; every one runs in the sandbox. */
  examples: readonly (readonly [string, string])[];
  /** usage is the synopsis after `kubectl ` (kubectl adds ` [options]`); the command's name when absent. */
  usage?: string;
}

/** helpTopic is `kubectl help TOPIC...`: the help of the command the topics name (extra words ignored, as cobra's Find does). */
export function helpTopic(commands: readonly Command[], topics: readonly string[]): { out: string } | { err: string } {
  const found = commands.find((c) => c.name === topics[0]);
  if (!found) {
    if (ALL_COMMANDS.includes(topics[0]!)) return { err: `error: kubectl ${topics[0]} is not supported in this sandbox yet\n` };
    return { err: `Unknown help topic [\`${topics[0]}\`]\n\n${topLevelHelp().slice(INTRO.length)}` };
  }
  let cmd: Command = found;
  for (const topic of topics.slice(1)) {
    const sub: Command | undefined = cmd.subcommands?.find((c) => c.name === topic || c.aliases?.includes(topic));
    if (!sub) break;
    cmd = { ...sub, name: `${cmd.name} ${sub.name}` };
  }
  return { out: commandHelp(cmd) };
}

/** commandHelp is `kubectl <command> --help` in kubectl's layout: description, aliases, examples, subcommands, options and usage. */
export function commandHelp(cmd: Command): string {
  const help = cmd.help;
  let out = `${cmd.summary}.\n\n`;
  if (help) out += ` ${help.description}\n\n`;
  if (cmd.aliases?.length) out += `Aliases:\n${[cmd.name.split(' ').at(-1), ...cmd.aliases].join(', ')}\n\n`;
  if (help?.examples.length) out += `Examples:\n${help.examples.map(([comment, line]) => `  # ${comment}\n  ${line}\n`).join('  \n')}\n`;
  const subs = [...(cmd.subcommands ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (subs.length) {
    // cobra pads names to the longest (at least 11) plus three spaces.
    const width = Math.max(11, ...subs.map((c) => c.name.length)) + 3;
    out += `Available Commands:\n${subs.map((c) => `  ${c.name.padEnd(width)}${c.summary}\n`).join('')}\n`;
  }
  out += optionList(cmd.flags, 'Options:\n');
  out += `Usage:\n  kubectl ${help?.usage ?? (subs.length ? `${cmd.name} SUBCOMMAND` : cmd.name)} [options]\n\n`;
  if (subs.length) out += `Use "kubectl ${cmd.name} <command> --help" for more information about a given command.\n`;
  return `${out}Use "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

/** optionsHelp is `kubectl options`: the global flags this sandbox accepts. */
export function optionsHelp(): string {
  return optionList(GLOBAL_FLAGS.filter((f) => f.name !== 'help'), 'The following options can be passed to any command:\n\n');
}

/** optionList is pflag's flag listing under a heading, sorted by name; empty when there are no visible flags. */
function optionList(flags: readonly FlagSpec[], heading: string): string {
  const shown = flags.filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (!shown.length) return '';
  return heading + shown.map((f) => `    ${f.short ? `-${f.short}, --${f.name}` : `--${f.name}`}=${f.default ?? ''}:\n\t${f.help ?? ''}\n\n`).join('');
}

/** suggestions returns commands within edit distance 2 of a mistyped one, as cobra's "Did you mean this?" does. */
export function suggestions(typed: string): string[] {
  return ALL_COMMANDS.filter((c) => distance(typed, c) <= 2 || (c.startsWith(typed) && typed.length > 0));
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}
