/**
 * kubectl apply -f (client-side apply): create what is missing with the last-applied
 * annotation, patch what exists with a three-way strategic merge, and report each object as
 * created, configured or unchanged in file order.
 */
import type { KubeObject } from '../../api/meta.ts';
import { addSourceToErr, reportErrors } from '../check-err.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { readManifests, validationDirective, type ManifestInfo } from '../manifests.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { cursorForKind, type JSONMap } from '../apply/patch-meta.ts';
import { encodeObject, LAST_APPLIED, modifiedConfiguration, originalConfiguration, threeWayPatch, withApplyAnnotation } from '../apply/three-way.ts';
import { createObject, getLive, infoString, patchObject, type WriteOptions } from '../writes.ts';
import { dryRunMode } from './dry-run.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS, VALIDATE_FLAG } from './manifest-flags.ts';

const NO_ANNOTATION = (name: string) =>
  `Warning: resource ${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

/** applyCommand is `kubectl apply`. */
export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a configuration to a resource by file name or stdin',
  help: {
    description: 'Make the cluster match manifest files: create the objects that are missing and update the ones that differ, remembering what was applied for next time.',
    examples: [
      ['Apply a manifest file', 'kubectl apply -f web.yaml'],
      ['Apply every manifest in a directory', 'kubectl apply -f manifests/'],
      ['Show what would be applied, changing nothing', 'kubectl apply -f web.yaml --dry-run=server'],
    ],
    usage: 'apply (-f FILENAME | -k DIRECTORY)',
  },
  flags: [
    ...OUTPUT_FLAGS,
    VALIDATE_FLAG,
    DRY_RUN_FLAG,
    fieldManager('kubectl-client-side-apply'),
    { name: 'all', type: 'bool', default: 'false', help: 'Select all resources in the namespace of the specified resource types.' },
    { name: 'cascade', type: 'string', default: "'background'", help: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'The files that contain the configurations to apply.' },
    { name: 'force', type: 'bool', default: 'false', help: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'force-conflicts', type: 'bool', default: 'false', help: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'grace-period', type: 'int', default: '-1', help: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process a kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'openapi-patch', type: 'bool', default: 'true', help: 'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.' },
    { name: 'overwrite', type: 'bool', default: 'true', help: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    { name: 'prune', type: 'bool', default: 'false', help: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'server-side', type: 'bool', default: 'false', help: 'If true, apply runs in the server instead of the client.' },
    { name: 'timeout', type: 'duration', default: '0s', help: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', default: 'false', help: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run(inv) {
    const filenames = list(inv.flags, 'filename');
    if (str(inv.flags, 'kustomize')) throw new KubectlError('kustomize (-k) is not supported in this sandbox');
    if (filenames.length === 0) throw new KubectlError('must specify one of -f and -k');
    const mode = dryRunMode(inv);
    if (bool(inv.flags, 'server-side')) {
      if (mode === 'client') throw new KubectlError("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)");
      throw new KubectlError('server-side apply (--server-side) is not supported in this sandbox; client-side apply is');
    }
    if (bool(inv.flags, 'prune')) throw new KubectlError('--prune is not supported in this sandbox');
    if (bool(inv.flags, 'force')) throw new KubectlError('--force is not supported in this sandbox');
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const validate = validationDirective(str(inv.flags, 'validate'));
    const { infos, error } = readManifests(inv, { filenames, recursive: bool(inv.flags, 'recursive'), validate });
    const errors: Error[] = error ? [error] : [];
    if (infos.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
    const printer = new ResultPrinter(inv, output, mode);
    const opts: WriteOptions = { dryRun: mode, validate, fieldManager: str(inv.flags, 'field-manager', 'kubectl-client-side-apply') };
    for (const info of infos) {
      try {
        applyOne(inv, info, printer, opts);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    return reportErrors(inv, errors, 'apply');
  },
};

function applyOne(inv: Invocation, info: ManifestInfo, printer: ResultPrinter, opts: WriteOptions): void {
  const r = info.resource;
  const meta = info.object.metadata as unknown as Record<string, unknown> | undefined;
  if (!info.name && typeof meta?.generateName === 'string' && meta.generateName) {
    throw new Error(`from ${meta.generateName}: cannot use generate name with apply`);
  }
  const manifest = info.object as JSONMap;
  const modified = modifiedConfiguration(manifest);
  let live: KubeObject | undefined;
  try {
    live = getLive(inv, r, info.namespace, info.name);
  } catch (e) {
    throw addSourceToErr(`retrieving current configuration of:\n${infoString(r, info.namespace, info.name)}\nfrom server for:`, info.source, e as Error);
  }
  if (!live) {
    const toCreate = withApplyAnnotation(manifest);
    let created = toCreate as unknown as KubeObject;
    if (opts.dryRun !== 'client') {
      try {
        created = createObject(inv, toCreate, opts);
      } catch (e) {
        throw addSourceToErr('creating', info.source, e as Error);
      }
    }
    printer.print(created, 'created');
    return;
  }
  if (opts.dryRun === 'client') {
    printer.print(live, 'configured');
    return;
  }
  if (!live.metadata.annotations?.[LAST_APPLIED]) inv.ctx.stderr(NO_ANNOTATION(`${r.plural}/${info.name}`));
  const cursor = cursorForKind(live.kind);
  let patch: JSONMap;
  try {
    patch = threeWayPatch(originalConfiguration(live as unknown as JSONMap), modified, live as unknown as JSONMap, cursor);
  } catch (e) {
    const current = encodeObject(live);
    const original = live.metadata.annotations?.[LAST_APPLIED] ?? '';
    const wrapped = new Error(`creating patch with:\noriginal:\n${original}\nmodified:\n${encodeObject(modified)}\ncurrent:\n${current}\nfor:: ${(e as Error).message}`);
    throw addSourceToErr(`applying patch:\n\nto:\n${infoString(r, info.namespace, info.name)}\nfor:`, info.source, wrapped);
  }
  if (live.metadata.deletionTimestamp) inv.ctx.stderr(`Warning: Detected changes to resource ${info.name} which is currently being deleted.\n`);
  if (Object.keys(patch).length === 0) {
    if (!printer.machineReadable) {
      printer.print(live, 'unchanged');
      return;
    }
    printer.print(live, 'configured');
    return;
  }
  let result: KubeObject;
  try {
    result = patchObject(inv, live, patch, opts);
  } catch (e) {
    const patching = addSourceToErr('patching', info.source, e as Error);
    throw addSourceToErr(`applying patch:\n${encodeObject(patch).trimEnd()}\nto:\n${infoString(r, info.namespace, info.name)}\nfor:`, info.source, patching);
  }
  printer.print(result, 'configured');
}
