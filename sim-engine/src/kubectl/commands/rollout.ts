/** kubectl rollout: status, history, undo, pause, resume and restart of Deployments. */
import type { KubeObject } from '../../api/meta.ts';
import { qualifiedKind, qualifiedResource, type ResourceInfo } from '../../api/resources.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError, formatError } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { str } from '../flags.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { rolloutHistory, rolloutUndo } from './rollout/history.ts';
import { rolloutPatch } from './rollout/patch.ts';
import { rolloutStatus } from './rollout/status.ts';
import { ROLLOUT_HELP } from './rollout/help.ts';
import { commandHelp } from '../help.ts';

const f = (name: string, type: FlagSpec['type'], def: string, help: string, short?: string): FlagSpec => ({ name, type, default: def, help, short });
const COMMON = [
  f('filename', 'stringArray', '[]', 'Filename, directory, or URL to files identifying the resource to get from a server.', 'f'),
  f('kustomize', 'string', "''", 'Process the kustomization directory.', 'k'),
  f('recursive', 'bool', 'false', 'Process the directory used in -f, --filename recursively.', 'R'),
  f('selector', 'string', "''", 'Selector (label query) to filter on.', 'l'),
];
const PRINT = [
  f('allow-missing-template-keys', 'bool', 'true', 'If true, ignore any errors in templates when a field or map key is missing in the template.'),
  f('output', 'string', "''", 'Output format.', 'o'),
  f('show-managed-fields', 'bool', 'false', 'If true, keep the managedFields when printing objects in JSON or YAML format.'),
  f('template', 'string', "''", 'Template string or path to template file to use when -o=go-template, -o=go-template-file.'),
];
const MANAGER = f('field-manager', 'string', "'kubectl-rollout'", 'Name of the manager used to track field ownership.');

/** SUBCOMMANDS are rollout's verbs with the flags each one accepts. */
const SUBCOMMANDS: Record<RolloutVerb, readonly FlagSpec[]> = {
  status: [...COMMON, f('revision', 'int', '0', 'Pin to a specific revision for showing its status.'), f('timeout', 'string', '0s', 'The length of time to wait before ending watch.'), f('watch', 'bool', 'true', 'Watch the status of the rollout until it\'s done.', 'w')],
  history: [...COMMON, ...PRINT, f('revision', 'int', '0', 'See the details, including podTemplate of the revision specified')],
  undo: [...COMMON, ...PRINT, f('dry-run', 'string', "'none'", 'Must be "none", "server", or "client".'), f('to-revision', 'int', '0', 'The revision to rollback to. Default to 0 (last revision).')],
  pause: [...COMMON, ...PRINT, MANAGER],
  resume: [...COMMON, ...PRINT, MANAGER],
  restart: [...COMMON, ...PRINT, MANAGER],
};

type RolloutVerb = 'status' | 'history' | 'undo' | 'pause' | 'resume' | 'restart';

/** RolloutTarget is one object a rollout subcommand works on. */
export interface RolloutTarget {
  resource: ResourceInfo;
  object: KubeObject;
}

/** groupKind is schema.GroupKind's String(): `Pod`, `Deployment.apps`. */
export function groupKind(r: ResourceInfo): string {
  return r.group ? `${r.kind}.${r.group}` : r.kind;
}

/** objectName is the name printer's `deployment.apps/web`. */
export function objectName(t: RolloutTarget): string {
  return `${qualifiedKind(t.resource)}/${t.object.metadata.name}`;
}

/** resourceError is how rollout reports a per-object failure: `deployments.apps "web" <what>`. */
export function resourceError(t: RolloutTarget, what: string): KubectlError {
  return new KubectlError(`${qualifiedResource(t.resource)} "${t.object.metadata.name}" ${what}`);
}

/** targets resolves `TYPE NAME`, `TYPE/NAME` or `TYPE -l SELECTOR` to objects; NotFound errors are returned formatted. */
function targets(inv: Invocation): { found: RolloutTarget[]; errors: string[] } {
  const args = inv.flags.args;
  if (args.length === 0) throw new KubectlError('required resource not specified');
  const selectorText = str(inv.flags, 'selector');
  const found: RolloutTarget[] = [];
  const errors: string[] = [];
  const requests = parseResourceArgs(args);
  if (selectorText && requests.some((r) => r.names.length)) {
    throw new KubectlError(args.some((a) => a.includes('/')) ? 'selectors and the all flag cannot be used when passing resource/name arguments' : 'name cannot be provided when a selector is specified');
  }
  for (const req of requests) {
    const ns = req.resource.namespaced ? inv.namespace : '';
    if (req.names.length === 0) {
      const sel = selectorText ? parseSelector(selectorText) : undefined;
      for (const object of inv.cluster.api.list(req.resource.kind, ns || undefined, { labelSelector: sel })) found.push({ resource: req.resource, object });
      continue;
    }
    for (const name of req.names) {
      const object = inv.cluster.api.tryGet(req.resource.kind, ns, name);
      if (object) found.push({ resource: req.resource, object });
      else errors.push(formatError(notFound(req.resource, name), 'rollout'));
    }
  }
  return { found, errors };
}

/** runRollout runs one rollout verb on every object its arguments name. */
async function runRollout(inv: Invocation, sub: RolloutVerb): Promise<number> {
  if (inv.flags.values.has('filename')) throw new KubectlError(`rollout ${sub} -f is not supported in this sandbox yet`);
  for (const name of ['revision', 'to-revision']) {
    if (SUBCOMMANDS[sub].some((s) => s.name === name) && Number(str(inv.flags, name, '0')) < 0 && sub !== 'undo') throw new KubectlError(`revision must be a positive integer: ${str(inv.flags, name)}`);
  }
  const { found, errors } = targets(inv);
  let code = 0;
  const fail = (e: unknown) => {
    inv.ctx.stderr(formatError(e, 'rollout'));
    code = 1;
  };
  for (const t of found) {
    try {
      if (sub === 'status') code = Math.max(code, await rolloutStatus(inv, t));
      else if (sub === 'history') rolloutHistory(inv, t);
      else if (sub === 'undo') rolloutUndo(inv, t);
      else rolloutPatch(inv, t, sub);
    } catch (e) {
      fail(e);
      // status stops at the first failure; the patching verbs report each object and go on.
      if (sub === 'status' || sub === 'history' || sub === 'undo') break;
    }
  }
  for (const e of errors) inv.ctx.stderr(e);
  if (found.length === 0 && errors.length === 0 && sub === 'status') inv.ctx.stderr(`No resources found in ${inv.namespace} namespace.\n`);
  return errors.length ? 1 : code;
}

const SUMMARIES: Record<RolloutVerb, string> = {
  history: 'View rollout history',
  pause: 'Mark the provided resource as paused',
  restart: 'Restart a resource',
  resume: 'Resume a paused resource',
  status: 'Show the status of the rollout',
  undo: 'Undo a previous rollout',
};

/** rolloutCommand is `kubectl rollout`. */
export const rolloutCommand: Command = {
  name: 'rollout',
  summary: 'Manage the rollout of a resource',
  flags: [],
  help: ROLLOUT_HELP.rollout,
  subcommands: (Object.keys(SUMMARIES) as RolloutVerb[]).map((sub) => ({
    name: sub,
    summary: SUMMARIES[sub],
    flags: SUBCOMMANDS[sub],
    help: ROLLOUT_HELP[sub],
    run: (inv: Invocation) => runRollout(inv, sub),
  })),
  run(inv) {
    if (inv.flags.args.length === 0) {
      inv.ctx.stdout(commandHelp(rolloutCommand));
      return 0;
    }
    throw new KubectlError(`unknown command "${inv.flags.args.join(' ')}"\nSee 'kubectl rollout -h' for help and examples`);
  },
};
