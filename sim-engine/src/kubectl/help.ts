/** The text of `kubectl --help` and `kubectl <command> --help`, in kubectl's layout. */
import type { Command } from './command.ts';
import { GLOBAL_FLAGS } from './command.ts';

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
export const ALL_COMMANDS: readonly string[] = GROUPS.flatMap(([, cmds]) => cmds.map(([n]) => n)).concat(['help']);

/** topLevelHelp is `kubectl --help`. */
export function topLevelHelp(): string {
  let out = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';
  for (const [group, cmds] of GROUPS) {
    out += `\n${group}:\n`;
    for (const [name, summary] of cmds) out += `  ${name.padEnd(16)}${summary}\n`;
  }
  out += '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

/** commandHelp is `kubectl <command> --help`: the summary, the options and the usage line. */
export function commandHelp(cmd: Command): string {
  let out = `${cmd.summary}.\n\nOptions:\n`;
  const flags = [...cmd.flags].filter((f) => !f.hidden).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const f of flags) {
    const names = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
    out += `    ${names}=${f.default ?? ''}:\n\t${f.help ?? ''}\n\n`;
  }
  out += `Usage:\n  kubectl ${cmd.name} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  void GLOBAL_FLAGS;
  return out;
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
