/** The `kubectl create` generators the sandbox does not simulate: they answer plainly instead of failing on their flags. */
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';

/** NAMES are the generators with their aliases and kubectl's summaries, which `kubectl create --help` lists. */
const NAMES: [string, string[], string][] = [
  ['clusterrole', [], 'Create a cluster role'],
  ['clusterrolebinding', [], 'Create a cluster role binding for a particular cluster role'],
  ['configmap', ['cm'], 'Create a config map from a local file, directory or literal value'],
  ['cronjob', ['cj'], 'Create a cron job with the specified name'],
  ['ingress', ['ing'], 'Create an ingress with the specified name'],
  ['job', [], 'Create a job with the specified name'],
  ['poddisruptionbudget', ['pdb'], 'Create a pod disruption budget with the specified name'],
  ['priorityclass', ['pc'], 'Create a priority class with the specified name'],
  ['quota', ['resourcequota'], 'Create a quota with the specified name'],
  ['role', [], 'Create a role with single rule'],
  ['rolebinding', [], 'Create a role binding for a particular role or cluster role'],
  ['secret', [], 'Create a secret using a specified subcommand'],
  ['serviceaccount', ['sa'], 'Create a service account with the specified name'],
  ['token', [], 'Request a service account token'],
];

const LOOSE: FlagSpec[] = ['from-literal', 'from-file', 'from-env-file', 'image', 'schedule', 'rule', 'verb', 'resource', 'clusterrole', 'role', 'serviceaccount', 'user', 'group', 'type', 'hard', 'value', 'docker-server', 'docker-username', 'docker-password', 'cert', 'key', 'dry-run', 'output', 'class', 'min-available', 'max-unavailable', 'selector']
  .map((name) => ({ name, type: 'stringArray' as const, hidden: true }));

/** unsupportedCreateSubcommands returns a stub per generator the sandbox lacks. */
export function unsupportedCreateSubcommands(): Command[] {
  return NAMES.map(([name, aliases, summary]) => ({
    name,
    aliases,
    summary,
    flags: LOOSE,
    run() {
      throw new KubectlError(`kubectl create ${name} is not supported in this sandbox yet`);
    },
  }));
}
