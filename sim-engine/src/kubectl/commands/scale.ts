/** kubectl scale: set spec.replicas of deployments and replica sets through their scale subresource, with its preconditions. */
import type { KubeObject } from '../../api/meta.ts';
import { resourceForKind } from '../../api/resources.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { Aggregate, reportErrors } from '../check-err.ts';
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { dryRunMode } from './dry-run.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAGS } from './manifest-flags.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** scaleCommand is `kubectl scale`. */
export const scaleCommand: Command = {
  name: 'scale',
  summary: 'Set a new size for a deployment, replica set, or replication controller',
  help: {
    description: 'Set the number of replicas of a deployment, replica set or stateful set; its controller then adds or removes pods to match.',
    examples: [
      ['Scale to two replicas, but only if it runs three now', 'kubectl scale deployment web --current-replicas=3 --replicas=2'],
      ['Run five replicas of a deployment', 'kubectl scale deployment web --replicas=5'],
    ],
    usage: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  },
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    { name: 'all', type: 'bool', default: 'false', help: 'Select all resources in the namespace of the specified resource types' },
    { name: 'current-replicas', type: 'int', default: '-1', help: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files identifying the resource to set a new size' },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'replicas', type: 'int', default: '0', help: 'The new desired number of replicas. Required.' },
    { name: 'resource-version', type: 'string', default: "''", help: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'timeout', type: 'duration', default: '0s', help: "The length of time to wait before giving up on a scale operation, zero means don't wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h)." },
  ],
  run(inv) {
    if (!inv.flags.values.has('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    const replicas = Number(str(inv.flags, 'replicas'));
    const current = Number(str(inv.flags, 'current-replicas', '-1'));
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (current < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
    const filenames = list(inv.flags, 'filename');
    if (inv.flags.args.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    const selection = selectObjects(inv, inv.flags.args, { all: bool(inv.flags, 'all'), selector: str(inv.flags, 'selector'), filenames, recursive: bool(inv.flags, 'recursive') });
    if (selection.unread) return reportErrors(inv, [selection.unread], 'scale');
    const resourceVersion = str(inv.flags, 'resource-version');
    if (resourceVersion && selection.items.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
    if (selection.items.length === 0) {
      const why = selection.errors.length === 0 ? '%!w(<nil>)' : new Aggregate(selection.errors).message;
      throw new KubectlError(`no objects passed to scale ${why}`);
    }
    const printer = new ResultPrinter(inv, output, mode);
    for (const { obj } of selection.items) {
      if (mode !== 'client') scaleOne(inv, obj, replicas, current, resourceVersion, mode === 'server');
      printer.print(obj, 'scaled');
    }
    return 0;
  },
};

function scaleOne(inv: Parameters<Command['run']>[0], obj: KubeObject, replicas: number, current: number, resourceVersion: string, dryRun: boolean): void {
  if (obj.kind !== 'Deployment' && obj.kind !== 'ReplicaSet') {
    // No /scale route: the server's plain 404 page, which client-go words with the request it made.
    const r = resourceForKind(obj.kind);
    const resource = r ? (r.group ? `${r.plural}.${r.group}` : r.plural) : obj.kind.toLowerCase();
    const verb = current !== -1 || resourceVersion ? 'get' : 'patch';
    throw new StatusError('NotFound', 404, `the server could not find the requested resource (${verb} ${resource} ${obj.metadata.name})`);
  }
  const spec = (obj as KubeObject & { spec: { replicas?: number } }).spec;
  const now = spec.replicas ?? 1;
  if (current !== -1 && now !== current) throw new KubectlError(`Expected replicas to be ${current}, was ${now}`);
  if (resourceVersion && obj.metadata.resourceVersion !== resourceVersion) {
    throw new KubectlError(`Expected resource version to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`);
  }
  if (dryRun) return;
  inv.cluster.api.update({ ...obj, spec: { ...spec, replicas } } as KubeObject, 'kubectl');
  inv.cluster.drain();
}
