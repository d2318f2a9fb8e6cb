/**
 * kubectl edit: the objects' YAML in a temp file under /tmp, opened in an editor and saved back
 * as an update; a save the API server refuses reopens the file with the reasons in its header.
 * The browser sandbox provides the editor (Invocation.editor); the transcript runner has none and says so.
 */
import type { KubeObject } from '../../api/meta.ts';
import { reportErrors } from '../check-err.ts';
import type { Command, Editor, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { list, str } from '../flags.ts';
import { StatusError } from '../../apiserver/errors.ts';
import { decodeManifestStream, StreamDecodeError } from '../goyaml/index.ts';
import { deepEqual } from '../apply/patch-meta.ts';
import { toYAML } from '../printers/yaml.ts';
import { nameOf } from '../output.ts';
import { OUTPUT_FLAGS, VALIDATE_FLAG, fieldManager } from './manifest-flags.ts';
import { editHeader, invalidReason, manualStrip, resourceString, stripComments, type EditReason } from './edit-file.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** editCommand is `kubectl edit`. */
export const editCommand: Command = {
  name: 'edit',
  summary: 'Edit a resource on the server',
  help: {
    description: 'Open an object\'s YAML in the editor and apply the saved changes to it. A change the server refuses reopens the editor with the reason.',
    examples: [
      ['Edit a deployment', 'kubectl edit deployment web'],
      ['Edit a service as JSON', 'kubectl edit svc/web -o json'],
    ],
    usage: 'edit (RESOURCE/NAME | -f FILENAME)',
  },
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
    return editLoop(inv, inv.editor, selection.items.map((i) => i.obj));
  },
};

// kubectl's edit loop: open the file, apply what was saved, and reopen it with the failures
// listed in its header until the objects are valid, the learner saves no change, or cancels.
async function editLoop(inv: Invocation, editor: Editor, objects: KubeObject[]): Promise<number> {
  const original = objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  const originalBody = toYAML(original);
  const filename = `/tmp/kubectl-edit-${inv.cluster.random.string(10)}.yaml`;
  const fieldManager = str(inv.flags, 'field-manager', 'kubectl-edit');
  let reasons: EditReason[] = [];
  let body = originalBody;
  let previous: string | undefined;
  for (;;) {
    const text = editHeader(reasons) + body;
    inv.fs.mkdir('/tmp', true);
    inv.fs.write(filename, text);
    // Closing the editor without saving leaves the file as it was opened, as quitting vim does.
    const saved = (await editor(text, { filename })) ?? text;
    // Saving the same failing file again gives up, and keeps it for the learner.
    if (previous !== undefined && stripComments(previous) === stripComments(saved)) {
      inv.fs.write(filename, saved);
      inv.ctx.stderr(`A copy of your changes has been stored to "${filename}"\n`);
      throw new KubectlError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(saved) === stripComments(originalBody)) return done(inv, filename, 'Edit cancelled, no changes made.\n');
    if (stripComments(saved) === '') return done(inv, filename, 'Edit cancelled, saved file was empty.\n');
    previous = saved;
    reasons = [];
    let edited: unknown[];
    try {
      edited = [...decodeManifestStream(saved)];
    } catch (e) {
      if (!(e instanceof StreamDecodeError)) throw e;
      reasons.push({ head: `The edited file had a syntax error: ${e.message}`, other: [] });
      body = manualStrip(saved);
      continue;
    }
    const list0 = edited[0] as { kind?: string; items?: KubeObject[] } | undefined;
    const after = list0?.kind === 'List' ? (list0.items ?? []) : (edited as KubeObject[]);
    if (deepEqual(after, objects)) return done(inv, filename, 'Edit cancelled, no changes made.\n');
    const errors: Error[] = [];
    for (const obj of after) {
      const before = objects.find((o) => o.kind === obj.kind && o.metadata.name === obj.metadata?.name);
      if (!before) {
        errors.push(new Error(`the edited object ${obj.kind}/${obj.metadata?.name} was not one of the objects being edited`));
        continue;
      }
      if (deepEqual(before, obj)) continue;
      try {
        const updated = inv.cluster.api.update(obj, fieldManager);
        inv.cluster.drain();
        inv.ctx.stdout(`${nameOf(updated)} edited\n`);
      } catch (e) {
        if (!(e instanceof StatusError) || e.reason !== 'Invalid') {
          errors.push(e as Error);
          continue;
        }
        // Invalid objects are fixed on the spot: the file reopens with the causes in its header.
        inv.ctx.stderr(`error: ${resourceString(obj)} "${obj.metadata.name}" is invalid\n`);
        reasons.push(invalidReason(obj, e));
      }
    }
    if (errors.length) {
      inv.fs.write(filename, saved);
      return reportErrors(inv, errors, 'edit');
    }
    if (reasons.length === 0) {
      removeQuietly(inv, filename);
      return 0;
    }
    body = manualStrip(saved);
  }
}

function done(inv: Invocation, filename: string, message: string): number {
  removeQuietly(inv, filename);
  inv.ctx.stdout(message);
  return 0;
}

function removeQuietly(inv: Invocation, filename: string): void {
  try {
    inv.fs.remove(filename);
  } catch {
    /* the learner removed it already */
  }
}
