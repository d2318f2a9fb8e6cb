/**
 * kubectl set env: set (`KEY=value`, `-e KEY=value`) or remove (`KEY-`) environment variables in
 * pods and pod templates, or list them with --list. Changing a template starts a rollout.
 */
import type { EnvVar } from '../../api/pod.ts';
import { reportErrors } from '../check-err.ts';
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { dryRunMode } from './dry-run.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS } from './manifest-flags.ts';
import { resourcesAndPairs } from './metadata-update.ts';
import { updatePodTemplates } from './pod-template.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_MESSAGE =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** parseEnv is ParseEnv: `KEY=value` sets, `KEY-` removes. */
export function parseEnv(specs: string[]): { set: EnvVar[]; remove: string[] } {
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') throw new KubectlError('reading environment variables from stdin (--env -) is not supported in this sandbox');
    const eq = spec.indexOf('=');
    if (eq > 0) {
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name)) throw new KubectlError(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MESSAGE}`);
      set.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-') && spec.length > 1) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`environment variables must be of the form key=value: ${spec}`);
  }
  return { set, remove };
}

function envLine(e: EnvVar & { valueFrom?: { fieldRef?: { fieldPath: string }; configMapKeyRef?: { name: string; key: string }; secretKeyRef?: { name: string; key: string } } }): string {
  const from = e.valueFrom;
  if (from?.fieldRef) return `# ${e.name} from field path ${from.fieldRef.fieldPath}\n`;
  if (from?.configMapKeyRef) return `# ${e.name} from configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}\n`;
  if (from?.secretKeyRef) return `# ${e.name} from secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}\n`;
  return `${e.name}=${e.value ?? ''}\n`;
}

/** updateEnv applies the changes to one container's env, keeping the order of what stays. */
export function updateEnv(env: EnvVar[] | undefined, set: EnvVar[], remove: string[]): EnvVar[] | undefined {
  const out = [...(env ?? [])];
  for (const e of set) {
    const at = out.findIndex((x) => x.name === e.name);
    if (at >= 0) out[at] = e;
    else out.push(e);
  }
  const kept = out.filter((e) => !remove.includes(e.name));
  return kept.length ? kept : undefined;
}

/** envCommand is `kubectl set env`. */
export const envCommand: Command = {
  name: 'env',
  summary: 'Update environment variables on a pod template',
  help: {
    description: 'Add, change, remove or list the environment variables of the containers in a pod template.',
    examples: [
      ['Set a variable', 'kubectl set env deployment/web MODE=debug'],
      ['List the variables', 'kubectl set env deployment/web --list'],
      ['Remove a variable', 'kubectl set env deployment/web MODE-'],
    ],
    usage: 'set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
  },
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    fieldManager('kubectl-set'),
    { name: 'all', type: 'bool', default: 'false', help: 'If true, select all resources in the namespace of the specified resource types' },
    { name: 'containers', short: 'c', type: 'string', default: "'*'", help: 'The names of containers in the selected pod templates to change - may use wildcards' },
    { name: 'env', short: 'e', type: 'stringArray', default: '[]', help: 'Specify a key-value pair for an environment variable to set into each container.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files the resource to update the env' },
    { name: 'from', type: 'string', default: "''", help: 'The name of a resource from which to inject environment variables' },
    { name: 'keys', type: 'stringArray', default: '[]', help: 'Comma-separated list of keys to import from specified resource' },
    { name: 'list', type: 'bool', default: 'false', help: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.' },
    { name: 'local', type: 'bool', default: 'false', help: 'If true, set env will NOT contact api-server but run locally.' },
    { name: 'overwrite', type: 'bool', default: 'true', help: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
    { name: 'prefix', type: 'string', default: "''", help: 'Prefix to append to variable names' },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'resolve', type: 'bool', default: 'false', help: 'If true, show secret or configmap references when listing variables' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on' },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    const listOnly = bool(inv.flags, 'list');
    if (listOnly && output) throw new KubectlError("--list and --output may not be specified together");
    for (const unsupported of ['from', 'prefix']) if (str(inv.flags, unsupported)) throw new KubectlError(`kubectl set env --${unsupported} is not supported in this sandbox: ConfigMaps and Secrets are not simulated`);
    if (bool(inv.flags, 'local')) throw new KubectlError('--local is not supported in this sandbox: it edits only the files you pass, use a text editor');
    if (inv.flags.values.has('overwrite') && !bool(inv.flags, 'overwrite', true)) throw new KubectlError('kubectl set env --overwrite=false is not supported in this sandbox');
    const { resources, pairs } = resourcesAndPairs(inv.flags.args, 'env');
    const { set, remove } = parseEnv([...pairs, ...list(inv.flags, 'env')]);
    const filenames = list(inv.flags, 'filename');
    if (resources.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    const selection = selectObjects(inv, resources, { all: bool(inv.flags, 'all'), selector: str(inv.flags, 'selector'), filenames, recursive: bool(inv.flags, 'recursive') });
    if (selection.unread) return reportErrors(inv, [selection.unread], 'set env');
    const pattern = str(inv.flags, 'containers', '*');
    const printer = new ResultPrinter(inv, output, mode);
    const errors = updatePodTemplates(inv, selection.items, printer, mode, {
      pattern,
      operation: 'env updated',
      write: !listOnly,
      noMatch(obj) {
        inv.ctx.stderr(`Warning: ${obj.kind}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(pattern)}\n`);
        return undefined;
      },
      change(obj, containers) {
        for (const c of containers) {
          const env = updateEnv(c.env, set, remove);
          if (env) c.env = env;
          else delete c.env;
          if (listOnly) inv.ctx.stdout(`# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n${(env ?? []).map(envLine).join('')}`);
        }
      },
    });
    return reportErrors(inv, [...selection.errors, ...errors], 'set env');
  },
};
