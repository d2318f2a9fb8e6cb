/**
 * kubectl edit: the objects' YAML in an editor, saved back as an update. The browser sandbox can
 * provide the editor (Invocation.editor); the transcript runner has none and says so.
 */
import type { KubeObject } from '../../api/meta.ts';
import { reportErrors } from '../check-err.ts';
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { list, str } from '../flags.ts';
import { decodeManifestStream, StreamDecodeError } from '../goyaml/index.ts';
import { deepEqual } from '../apply/patch-meta.ts';
import { toYAML } from '../printers/yaml.ts';
import { nameOf } from '../output.ts';
import { OUTPUT_FLAGS, VALIDATE_FLAG, fieldManager } from './manifest-flags.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n";

/** editCommand is `kubectl edit`. */
export const editCommand: Command = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  flags: [
    ...OUTPUT_FLAGS,
    VALIDATE_FLAG,
    fieldManager('kubectl-edit'),
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files to use to edit the resource' },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'output-patch', type: 'bool', default: 'false', help: 'Output the patch if the resource is edited.' },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'save-config', type: 'bool', default: 'false', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'subresource', type: 'string', default: "''", help: 'If specified, edit will operate on the subresource of the requested object. This flag is beta and may change in the future.' },
    { name: 'windows-line-endings', type: 'bool', default: 'false', help: 'Defaults to the line ending native to your platform.' },
  ],
  async run(inv) {
    const filenames = list(inv.flags, 'filename');
    if (inv.flags.args.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    const selection = selectObjects(inv, inv.flags.args, { filenames });
    if (selection.errors.length) return reportErrors(inv, selection.errors, 'edit');
    if (!inv.editor) throw new KubectlError("kubectl edit needs the sandbox's editor, which the transcript runner does not have");
    if (selection.items.length === 0) return 0;
    const objects = selection.items.map((i) => i.obj);
    const original = objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
    const text = HEADER + toYAML(original);
    const saved = await inv.editor(text, { filename: `/tmp/kubectl-edit-${inv.cluster.random.string(10)}.yaml` });
    const body = saved?.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n').trim();
    if (!saved || !body) {
      inv.ctx.stdout('Edit cancelled, no changes made.\n');
      return 0;
    }
    let edited: unknown[];
    try {
      edited = [...decodeManifestStream(saved)];
    } catch (e) {
      if (e instanceof StreamDecodeError) throw new KubectlError(`error parsing edited object: ${e.message}`);
      throw e;
    }
    const list0 = edited[0] as { kind?: string; items?: KubeObject[] } | undefined;
    const after = (list0?.kind === 'List' ? list0.items ?? [] : (edited as KubeObject[]));
    if (deepEqual(after, objects)) {
      inv.ctx.stdout('Edit cancelled, no changes made.\n');
      return 0;
    }
    const errors: Error[] = [];
    for (const obj of after) {
      const before = objects.find((o) => o.kind === obj.kind && o.metadata.name === obj.metadata?.name);
      if (!before) {
        errors.push(new Error(`the edited object ${obj.kind}/${obj.metadata?.name} was not one of the objects being edited`));
        continue;
      }
      if (deepEqual(before, obj)) continue;
      try {
        const updated = inv.cluster.api.update(obj, str(inv.flags, 'field-manager', 'kubectl-edit'));
        inv.cluster.drain();
        inv.ctx.stdout(`${nameOf(updated)} edited\n`);
      } catch (e) {
        errors.push(e as Error);
      }
    }
    return reportErrors(inv, errors, 'edit');
  },
};
