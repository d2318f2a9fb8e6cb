/** kubectl delete: delete objects by name, label or --all, then wait until they are gone. */
import type { KubeObject } from '../../api/meta.ts';
import { qualifiedKind, resourceForKind } from '../../api/resources.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import { waitUntil, type Command } from '../command.ts';
import { KubectlError, formatError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { formatCheckErr } from '../check-err.ts';
import { fileTargets } from './delete-files.ts';
import { dryRunMode, dryRunSuffix } from './dry-run.ts';

/** deleteCommand is `kubectl delete`. */
export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  help: {
    description: 'Delete objects by type and name, by label, or as listed in manifest files. Pods stop gracefully, and kubectl waits until the objects are gone.',
    examples: [
      ['See what would be deleted, deleting nothing', 'kubectl delete pod web --dry-run=client'],
      ['Delete a pod', 'kubectl delete pod web'],
      ['Delete the objects a manifest file describes', 'kubectl delete -f web.yaml'],
      ['Delete every pod labelled app=web', 'kubectl delete pods -l app=web'],
      ['Delete a pod at once, without waiting for it to stop', 'kubectl delete pod tmp --grace-period=0 --force'],
    ],
    usage: 'delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])',
  },
  flags: [
    { name: 'all', type: 'bool', default: 'false', help: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', short: 'A', type: 'bool', default: 'false', help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on.' },
    { name: 'grace-period', type: 'int', default: '-1', help: 'Period of time in seconds given to the resource to terminate gracefully.' },
    { name: 'force', type: 'bool', default: 'false', help: 'If true, immediately remove resources from API and bypass graceful deletion.' },
    { name: 'now', type: 'bool', default: 'false', help: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'wait', type: 'bool', default: 'true', help: 'If true, wait for resources to be gone before returning.' },
    { name: 'cascade', type: 'string', default: "'background'", help: 'Must be "background", "orphan", or "foreground".' },
    { name: 'ignore-not-found', type: 'bool', default: 'false', help: 'Treat "resource not found" as a successful delete.' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files containing the resource to delete.' },
    { name: 'dry-run', type: 'string', default: "'none'", help: 'Must be "none", "server", or "client". With client or server, report what would be deleted and delete nothing.' },
    { name: 'output', short: 'o', type: 'string', default: "''", help: "Output mode. Use \"-o name\" for shorter output (resource/name)." },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ],
  async run(inv) {
    const dryRun = dryRunMode(inv);
    const output = str(inv.flags, 'output');
    if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    const fromFiles = inv.flags.values.has('filename');
    const requests = fromFiles ? [] : parseResourceArgs(inv.flags.args);
    const all = bool(inv.flags, 'all');
    const selectorText = str(inv.flags, 'selector');
    if (requests.length === 0 && !fromFiles) {
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    if (requests.some((r) => r.names.length === 0) && !all && !selectorText) throw new KubectlError('resource(s) were provided, but no name was specified');
    const cascade = str(inv.flags, 'cascade', 'background');
    const policy = ({ background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' } as const)[cascade as 'background'];
    if (!policy) throw new KubectlError(`invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
    let grace = Number(str(inv.flags, 'grace-period', '-1'));
    const force = bool(inv.flags, 'force');
    if (bool(inv.flags, 'now')) {
      if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
      grace = 1;
    }
    if (force && grace === -1) grace = 0;
    if (force && grace === 0) {
      inv.ctx.stderr('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    }
    const targets: KubeObject[] = [];
    const errors: string[] = [];
    if (fromFiles) {
      const found = fileTargets(inv);
      targets.push(...found.targets);
      if (found.error) errors.push(formatCheckErr(found.error, 'delete'));
    }
    for (const req of requests) {
      const ns = req.resource.namespaced ? (bool(inv.flags, 'all-namespaces') ? undefined : inv.namespace) : undefined;
      if (req.names.length) {
        for (const name of req.names) {
          const obj = inv.cluster.api.tryGet(req.resource.kind, ns ?? '', name);
          if (obj) targets.push(obj);
          else if (!bool(inv.flags, 'ignore-not-found')) errors.push(formatError(notFound(req.resource, name), 'delete'));
        }
      } else {
        targets.push(...inv.cluster.api.list(req.resource.kind, ns, { labelSelector: selectorText ? parseSelector(selectorText) : undefined }));
      }
    }
    if (targets.length === 0 && errors.length === 0) inv.ctx.stdout('No resources found\n');
    for (const obj of targets) {
      const r = resourceForKind(obj.kind)!;
      // A dry run changes nothing: the server's dry run would only have checked that the object exists, which finding it did.
      if (dryRun === 'none') {
        inv.cluster.api.delete(obj.kind, obj.metadata.namespace ?? '', obj.metadata.name!, 'kubectl', {
          gracePeriodSeconds: grace >= 0 ? grace : undefined,
          propagationPolicy: policy,
        });
        inv.cluster.drain();
      }
      const operation = `${force && grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}`;
      inv.ctx.stdout(output === 'name' ? `${qualifiedKind(r)}/${obj.metadata.name}\n` : `${qualifiedKind(r)} "${obj.metadata.name}" ${operation}\n`);
    }
    for (const e of errors) inv.ctx.stderr(e);
    if (bool(inv.flags, 'wait', true) && targets.length && dryRun === 'none') {
      await waitUntil(inv, () => targets.every((o) => inv.cluster.api.tryGet(o.kind, o.metadata.namespace ?? '', o.metadata.name!)?.metadata.uid !== o.metadata.uid));
    }
    return errors.length ? 1 : 0;
  },
};
