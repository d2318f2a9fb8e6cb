/**
 * The kubeconfig's context commands: set-context, use-context, delete-context and
 * rename-context. Each reads the kubeconfig kubectl loaded, changes it and writes it back to
 * the same file, with kubectl's messages; the next kubectl run reads the change from there.
 */
import type { Command, Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { commandHelp } from '../help.ts';
import { saveKubeconfig, toV1 } from '../kubeconfig-file.ts';

/** save writes the kubeconfig back when it changed, as clientcmd.ModifyConfig does. */
function save(inv: Invocation, before: string): void {
  if (JSON.stringify(toV1(inv.kubeconfig.doc, true)) !== before) saveKubeconfig(inv.fs, inv.kubeconfig);
}

const snapshot = (inv: Invocation) => JSON.stringify(toV1(inv.kubeconfig.doc, true));

/** usage prints a command's help and fails as cobra's argument checks do. */
function usage(inv: Invocation, cmd: Command): never {
  inv.ctx.stdout(commandHelp({ ...cmd, name: `config ${cmd.name}` }));
  throw new KubectlError(`Unexpected args: [${inv.flags.args.join(' ')}]`);
}

const setContext: Command = {
  name: 'set-context',
  summary: 'Set a context entry in kubeconfig',
  help: {
    description: 'Create a context or change the cluster, user or namespace of one. --current changes the current context.',
    examples: [
      ['Work in the dev namespace by default', 'kubectl config set-context --current --namespace=dev'],
      ['Create a context for the dev namespace', 'kubectl config set-context dev --cluster=wheelhouse --user=kubernetes-admin --namespace=dev'],
    ],
    usage: 'config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  },
  flags: [
    { name: 'cluster', type: 'string', default: "''", help: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', default: 'false', help: 'Modify the current context' },
    { name: 'user', type: 'string', default: "''", help: 'user for the context entry in kubeconfig' },
  ],
  run(inv) {
    const current = bool(inv.flags, 'current');
    const [named] = inv.flags.args;
    if (current && named) throw new KubectlError('you cannot specify both a context name and --current');
    if (!current && !named) throw new KubectlError('you must specify a non-empty context name or --current');
    const { doc } = inv.kubeconfig;
    if (current && !doc.currentContext) throw new KubectlError('no current context is set');
    const name = named ?? doc.currentContext;
    const before = snapshot(inv);
    const exists = doc.contexts.has(name);
    const context = { ...doc.contexts.get(name) };
    // Only the flags given change the entry; an empty value removes the field.
    for (const field of ['cluster', 'user', 'namespace'] as const) {
      if (!inv.flags.values.has(field)) continue;
      const value = str(inv.flags, field);
      if (value) context[field] = value;
      else delete context[field];
    }
    doc.contexts.set(name, context);
    save(inv, before);
    inv.ctx.stdout(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  summary: 'Set the current-context in a kubeconfig file',
  help: {
    description: 'Make a context the current one, so later commands use its cluster, user and namespace.',
    examples: [
      ['Switch to the default context', 'kubectl config use-context kubernetes-admin@wheelhouse'],
    ],
    usage: 'config use-context CONTEXT_NAME',
  },
  flags: [],
  run(inv) {
    if (inv.flags.args.length !== 1) usage(inv, useContext);
    const [name] = inv.flags.args as [string];
    const { doc } = inv.kubeconfig;
    if (!doc.contexts.has(name)) throw new KubectlError(`no context exists with the name: "${name}"`);
    const before = snapshot(inv);
    doc.currentContext = name;
    save(inv, before);
    inv.ctx.stdout(`Switched to context "${name}".\n`);
    return 0;
  },
};

const deleteContext: Command = {
  name: 'delete-context',
  summary: 'Delete the specified context from the kubeconfig',
  help: {
    description: 'Remove a context from the kubeconfig.',
    examples: [
      ['Delete the dev context', 'kubectl config delete-context dev'],
    ],
    usage: 'config delete-context NAME',
  },
  flags: [],
  run(inv) {
    // Without exactly one name kubectl prints its help and succeeds.
    if (inv.flags.args.length !== 1) {
      inv.ctx.stdout(commandHelp({ ...deleteContext, name: 'config delete-context' }));
      return 0;
    }
    const [name] = inv.flags.args as [string];
    const { doc, path } = inv.kubeconfig;
    if (!doc.contexts.has(name)) throw new KubectlError(`cannot delete context ${name}, not in ${path}`);
    // The current-context keeps naming the deleted context, as in kubectl.
    if (doc.currentContext === name) inv.ctx.stderr('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    doc.contexts.delete(name);
    saveKubeconfig(inv.fs, inv.kubeconfig);
    inv.ctx.stdout(`deleted context ${name} from ${path}\n`);
    return 0;
  },
};

const renameContext: Command = {
  name: 'rename-context',
  summary: 'Rename a context from the kubeconfig file',
  help: {
    description: 'Give a context a new name.',
    examples: [
      ['Rename the dev context', 'kubectl config rename-context dev development'],
    ],
    usage: 'config rename-context CONTEXT_NAME NEW_NAME',
  },
  flags: [],
  run(inv) {
    if (inv.flags.args.length !== 2) usage(inv, renameContext);
    const [from, to] = inv.flags.args as [string, string];
    const { doc, path } = inv.kubeconfig;
    const context = doc.contexts.get(from);
    if (!context) throw new KubectlError(`cannot rename the context "${from}", it's not in ${path}`);
    if (doc.contexts.has(to)) throw new KubectlError(`cannot rename the context "${from}", the context "${to}" already exists in ${path}`);
    doc.contexts.delete(from);
    doc.contexts.set(to, context);
    if (doc.currentContext === from) doc.currentContext = to;
    saveKubeconfig(inv.fs, inv.kubeconfig);
    inv.ctx.stdout(`Context "${from}" renamed to "${to}".\n`);
    return 0;
  },
};

/** CONTEXT_COMMANDS are `kubectl config`'s subcommands that change contexts. */
export const CONTEXT_COMMANDS: readonly Command[] = [setContext, useContext, deleteContext, renameContext];
