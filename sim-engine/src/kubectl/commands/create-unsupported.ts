/** The `kubectl create` generators the sandbox does not simulate: they answer plainly instead of failing on their flags. */
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';

const NAMES: [string, string[]][] = [
  ['clusterrole', []],
  ['clusterrolebinding', []],
  ['configmap', ['cm']],
  ['cronjob', ['cj']],
  ['ingress', ['ing']],
  ['job', []],
  ['poddisruptionbudget', ['pdb']],
  ['priorityclass', ['pc']],
  ['quota', ['resourcequota']],
  ['role', []],
  ['rolebinding', []],
  ['secret', []],
  ['serviceaccount', ['sa']],
  ['token', []],
];

const LOOSE: FlagSpec[] = ['from-literal', 'from-file', 'from-env-file', 'image', 'schedule', 'rule', 'verb', 'resource', 'clusterrole', 'role', 'serviceaccount', 'user', 'group', 'type', 'hard', 'value', 'docker-server', 'docker-username', 'docker-password', 'cert', 'key', 'dry-run', 'output', 'class', 'min-available', 'max-unavailable', 'selector']
  .map((name) => ({ name, type: 'stringArray' as const, hidden: true }));

/** unsupportedCreateSubcommands returns a stub per generator the sandbox lacks. */
export function unsupportedCreateSubcommands(): Command[] {
  return NAMES.map(([name, aliases]) => ({
    name,
    aliases,
    summary: `Create a ${name}`,
    flags: LOOSE,
    run() {
      throw new KubectlError(`kubectl create ${name} is not supported in this sandbox yet`);
    },
  }));
}
