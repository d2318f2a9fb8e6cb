/**
 * kubectl patch: change fields of live objects with a strategic-merge (default), JSON merge or
 * RFC 6902 JSON patch given by -p or --patch-file; the server applies it (or, for
 * --dry-run=client and --local, kubectl does) and the result reads `patched` or
 * `patched (no change)`.
 */
import type { KubeObject } from '../../api/meta.ts';
import { PATCH_TYPES, patchLocally, patchOnServer, patchToJSON, type PatchType } from '../apply/patch-body.ts';
import { strictDecode } from '../../api/schema/decode.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { deepEqual, goV, type JSONMap } from '../apply/patch-meta.ts';
import { reportErrors } from '../check-err.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { readManifests } from '../manifests.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { goQuote } from '../printers/go-fmt.ts';
import { toCompactJSON } from '../printers/json.ts';
import { decodeBody, printWarnings } from '../writes.ts';
import { dryRunMode, type DryRunMode } from './dry-run.ts';
import { DRY_RUN_FLAG, fieldManager, filenameFlags, OUTPUT_FLAGS } from './manifest-flags.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** patchCommand is `kubectl patch`. */
export const patchCommand: Command = {
  name: 'patch',
  summary: 'Update fields of a resource',
  help: {
    description: 'Change fields of an object in place with a strategic merge patch, a JSON merge patch or a JSON patch.',
    examples: [
      ['Scale a deployment with a strategic merge patch', 'kubectl patch deployment web -p \'{"spec":{"replicas":2}}\''],
      ['Change a label with a JSON merge patch', 'kubectl patch deployment web --type=merge -p \'{"metadata":{"labels":{"tier":"front"}}}\''],
      ['Replace a container image with a JSON patch', 'kubectl patch deployment web --type=json -p \'[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]\''],
    ],
    usage: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  },
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    fieldManager('kubectl-patch'),
    ...filenameFlags('identifying the resource to update'),
    { name: 'local', type: 'bool', default: 'false', help: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    { name: 'patch', short: 'p', type: 'string', default: "''", help: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', default: "''", help: 'A file containing a patch to be applied to the resource.' },
    { name: 'subresource', type: 'string', default: "''", help: 'If specified, patch will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'type', type: 'string', default: "'strategic'", help: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    const text = str(inv.flags, 'patch');
    const patchFile = str(inv.flags, 'patch-file');
    const local = bool(inv.flags, 'local');
    const args = inv.flags.args;
    if (text && patchFile) throw new KubectlError('cannot specify --patch and --patch-file together');
    if (!text && !patchFile) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
    if (local && args.length) throw new KubectlError('cannot specify --local and server resources');
    if (local && mode === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    const type = str(inv.flags, 'type', 'strategic').toLowerCase() as PatchType;
    if (!PATCH_TYPES.includes(type)) throw new KubectlError(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(str(inv.flags, 'type'))}`);
    if (str(inv.flags, 'subresource')) throw new KubectlError('kubectl patch --subresource is not supported in this sandbox: patch the object itself');
    const json = patchToJSON(patchFile ? readPatchFile(inv, patchFile) : text);
    const filenames = list(inv.flags, 'filename');
    if (args.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    if (local) return patchFiles(inv, filenames, type, json, output);
    const selection = selectObjects(inv, args, { filenames, recursive: bool(inv.flags, 'recursive') });
    if (selection.unread) return reportErrors(inv, [selection.unread], 'patch');
    const printer = new ResultPrinter(inv, output, mode);
    const errors: Error[] = [];
    for (const { obj, error } of selection.visited) {
      try {
        if (error) throw error;
        const result = patchOne(inv, obj, type, json, mode);
        printer.print(result.obj, result.changed ? 'patched' : 'patched (no change)');
      } catch (e) {
        errors.push(e as Error);
      }
    }
    if (selection.late) errors.push(selection.late);
    return reportErrors(inv, errors, 'patch');
  },
};

function readPatchFile(inv: Invocation, name: string): string {
  const abs = inv.fs.resolve(name, inv.ctx.env.PWD ?? '/');
  const kind = inv.fs.kind(abs);
  if (kind === 'dir') throw new KubectlError(`unable to read patch file: read ${name}: is a directory`);
  if (kind !== 'file') throw new KubectlError(`unable to read patch file: open ${name}: no such file or directory`);
  return inv.fs.read(abs);
}

/** patchOne patches one live object: locally for a client dry run, otherwise through the API server. */
function patchOne(inv: Invocation, live: KubeObject, type: PatchType, json: string, mode: DryRunMode): { obj: KubeObject; changed: boolean } {
  const original = live as unknown as JSONMap;
  if (mode === 'client') {
    const patched = patchLocally(original, live.kind, type, json);
    return { obj: patched as unknown as KubeObject, changed: !deepEqual(original, patched) };
  }
  const patched = patchOnServer(original, live.kind, type, json);
  const typeError = strictDecode(patched, live.kind).error;
  if (typeError) {
    // The server names what it failed to decode: the patch itself for a strategic merge, the patched object otherwise.
    const value = type === 'strategic' ? goV(JSON.parse(json)) : toCompactJSON(patched);
    const detail = `Invalid value: ${goQuote(value)}: ${typeError}`;
    throw new StatusError('Invalid', 422, ` "" is invalid: patch: ${detail}`, [{ field: 'patch', detail }]);
  }
  // kubectl patch sends no fieldValidation, so the server's default (Warn) applies.
  const { object, warnings } = decodeBody(patched, live.kind, live.apiVersion, 'warn', true);
  printWarnings(inv, warnings);
  const obj = inv.cluster.api.update(object as unknown as KubeObject, str(inv.flags, 'field-manager', 'kubectl-patch'), { dryRun: mode === 'server' });
  inv.cluster.drain();
  // The server hands back the stored object untouched when the patch changed nothing.
  return { obj, changed: toCompactJSON(obj) !== toCompactJSON(live) };
}

/** patchFiles is --local: the objects in the files, patched on the client and printed. */
function patchFiles(inv: Invocation, filenames: string[], type: PatchType, json: string, output: string): number {
  const { entries, error, unread } = readManifests(inv, { filenames, recursive: bool(inv.flags, 'recursive'), validate: 'ignore' });
  if (unread) return reportErrors(inv, [error!], 'patch');
  // A local patch only prints; kubectl adds no dry-run suffix to it.
  const printer = new ResultPrinter(inv, output, 'none');
  const errors: Error[] = [];
  for (const entry of entries) {
    if (!('info' in entry)) {
      errors.push(entry.error);
      continue;
    }
    try {
      const obj = entry.info.object as unknown as JSONMap;
      const patched = patchLocally(obj, String(obj.kind), type, json);
      printer.print(patched as unknown as KubeObject, deepEqual(obj, patched) ? 'patched (no change)' : 'patched');
    } catch (e) {
      errors.push(e as Error);
    }
  }
  return reportErrors(inv, errors, 'patch');
}
