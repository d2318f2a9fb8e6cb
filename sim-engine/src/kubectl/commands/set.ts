/**
 * kubectl set, with its `image` subcommand: change container images in pods and pod templates
 * (`deployment/web nginx=nginx:1.26`, `*=busybox`); objects whose images already match are
 * left alone and print nothing. `env` and `resources` live in set-env.ts and set-resources.ts.
 */
import type { KubeObject } from '../../api/meta.ts';
import { clone } from '../../util/clone.ts';
import { resourceForKind } from '../../api/resources.ts';
import type { Container } from '../../api/pod.ts';
import { reportErrors } from '../check-err.ts';
import type { Command } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { commandHelp } from '../help.ts';
import { bool, list, str } from '../flags.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { dryRunMode } from './dry-run.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS } from './manifest-flags.ts';
import { resourcesAndPairs } from './metadata-update.ts';
import { selectObjects } from './select-objects.ts';
import { podSpecOf } from './pod-template.ts';
import { envCommand } from './set-env.ts';
import { resourcesCommand } from './set-resources.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

function setImages(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

const imageCommand: Command = {
  name: 'image',
  summary: 'Update the image of a pod template',
  help: {
    description: 'Change the image of one or more containers in a pod template, which starts a new rollout. Name containers by name, or use * for all.',
    examples: [
      ['Give the nginx container a new image', 'kubectl set image deployment/web nginx=nginx:1.27'],
      ['Give every container the same image', 'kubectl set image deployment/web *=nginx:1.27'],
    ],
    usage: 'set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
  },
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    fieldManager('kubectl-set'),
    { name: 'all', type: 'bool', default: 'false', help: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: 'local', type: 'bool', default: 'false', help: 'If true, set image will NOT contact api-server but run locally.' },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    const { resources, pairs } = resourcesAndPairs(inv.flags.args, 'image');
    const invalid = pairs.filter((p) => !(p.includes('=') && p[0] !== '='));
    if (invalid.length) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`);
    const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
    const filenames = list(inv.flags, 'filename');
    if (bool(inv.flags, 'local')) {
      if (resources.length) throw new KubectlError("you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'");
      throw new KubectlError('--local is not supported in this sandbox: it edits only the files you pass, use a text editor');
    }
    if (resources.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    const selection = selectObjects(inv, resources, { all: bool(inv.flags, 'all'), selector: str(inv.flags, 'selector'), filenames, recursive: bool(inv.flags, 'recursive') });
    if (selection.errors.length) return reportErrors(inv, selection.errors, 'set image');
    const problems: string[] = [];
    if (bool(inv.flags, 'all') && str(inv.flags, 'selector')) problems.push('cannot set --all and --selector at the same time');
    if (images.size < 1) problems.push('at least one image update is required');
    else if (images.size > 1 && images.has('*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
    if (problems.length === 1) throw new KubectlError(problems[0]!);
    if (problems.length > 1) throw new KubectlError(`[${problems.join(', ')}]`);
    const printer = new ResultPrinter(inv, output, mode);
    const errors: Error[] = [];
    for (const { obj } of selection.items) {
      const updated = clone(obj);
      const spec = podSpecOf(updated);
      if (!spec) {
        const r = resourceForKind(obj.kind);
        errors.push(new Error(`error: ${r?.plural ?? obj.kind.toLowerCase()}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`));
        continue;
      }
      for (const [name, image] of images) {
        const inInit = setImages(spec.initContainers, name, image);
        const inMain = setImages(spec.containers, name, image);
        if (!inInit && !inMain) errors.push(new Error(`error: unable to find container named ${JSON.stringify(name)}`));
        if (name === '*') break;
      }
      if (JSON.stringify(podSpecOf(obj)) === JSON.stringify(spec)) continue;
      if (mode === 'client') {
        printer.print(updated, 'image updated', true);
        continue;
      }
      try {
        const result = mode === 'server' ? updated : inv.cluster.api.update(updated, str(inv.flags, 'field-manager', 'kubectl-set'));
        inv.cluster.drain();
        printer.print(result, 'image updated', true);
      } catch (e) {
        errors.push(new Error(`failed to patch image update to pod template: ${(e as Error).message}`));
      }
    }
    return reportErrors(inv, errors, 'set image');
  },
};

function unsupported(name: string, summary: string, aliases: string[] = []): Command {
  const loose = ['env', 'containers', 'limits', 'requests', 'from', 'keys', 'prefix', 'user', 'group', 'serviceaccount', 'filename', 'output', 'dry-run', 'all', 'local', 'selector', 'overwrite', 'list', 'resolve', 'resource-version'];
  return {
    name,
    aliases,
    summary,
    flags: loose.map((n) => ({ name: n, type: 'stringArray' as const, hidden: true })),
    run() {
      throw new KubectlError(`kubectl set ${name} is not supported in this sandbox yet`);
    },
  };
}

/** setCommand is `kubectl set`. */
export const setCommand: Command = {
  name: 'set',
  summary: 'Set specific features on objects',
  help: {
    description: 'Change common parts of objects that have a pod template, such as images, environment variables and resources, without editing the whole object.',
    examples: [
      ['Roll a deployment out to a new image', 'kubectl set image deployment/web nginx=nginx:1.27'],
    ],
    usage: 'set SUBCOMMAND',
  },
  flags: [],
  subcommands: [imageCommand, envCommand, resourcesCommand, unsupported('selector', 'Set the selector on a resource'), unsupported('serviceaccount', 'Update the service account of a resource', ['sa']), unsupported('subject', 'Update the user, group, or service account in a role binding or cluster role binding')],
  run(inv) {
    if (inv.flags.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(inv.flags.args[0])}`);
    inv.ctx.stdout(commandHelp(setCommand));
    return 0;
  },
};
