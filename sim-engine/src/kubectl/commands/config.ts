/**
 * kubectl config: the kubeconfig of the sandbox's single context. view (with --minify, --raw,
 * -o), get-contexts, get-clusters, get-users, current-context, use-context, and set-context,
 * which changes the live context's namespace for every later command.
 */
import { reportErrors } from '../check-err.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { commandHelp } from '../help.ts';
import { printObjects } from '../output.ts';
import { tableWriter } from '../printers/tabwriter.ts';
import { toYAML } from '../printers/yaml.ts';
import { encodeOrdered } from '../typed-json.ts';
import { contextNamespace, kubeconfig } from './kubeconfig.ts';

const CONFIG_HELP = `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
  current-context   Display the current-context
  delete-cluster    Delete the specified cluster from the kubeconfig
  delete-context    Delete the specified context from the kubeconfig
  delete-user       Delete the specified user from the kubeconfig
  get-clusters      Display clusters defined in the kubeconfig
  get-contexts      Describe one or many contexts
  get-users         Display users defined in the kubeconfig
  rename-context    Rename a context from the kubeconfig file
  set               Set an individual value in a kubeconfig file
  set-cluster       Set a cluster entry in kubeconfig
  set-context       Set a context entry in kubeconfig
  set-credentials   Set a user entry in kubeconfig
  unset             Unset an individual value in a kubeconfig file
  use-context       Set the current-context in a kubeconfig file
  view              Display merged kubeconfig settings or a specified kubeconfig file

Usage:
  kubectl config SUBCOMMAND [options]

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

const view: Command = {
  name: 'view',
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: 'true', help: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'flatten', type: 'bool', default: 'false', help: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'string', default: 'true', help: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'minify', type: 'bool', default: 'false', help: 'Remove all information not used by current-context from the output' },
    { name: 'output', short: 'o', type: 'string', default: "'yaml'", help: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'raw', type: 'bool', default: 'false', help: 'Display raw byte data and sensitive data' },
    { name: 'template', type: 'string', default: "''", help: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
  ],
  run(inv) {
    const cfg = kubeconfig(inv.kubeContext, bool(inv.flags, 'raw') || bool(inv.flags, 'flatten'));
    const output = str(inv.flags, 'output', 'yaml');
    if (output === 'yaml') inv.ctx.stdout(toYAML(cfg));
    else if (output === 'json') inv.ctx.stdout(`${encodeOrdered(cfg)}\n`);
    else if (/^jsonpath(-as-json)?=/.test(output) || output === 'name') printObjects(inv, [cfg as never], output, { single: true });
    else throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
    return 0;
  },
};

const getContexts: Command = {
  name: 'get-contexts',
  summary: 'Describe one or many contexts',
  flags: [
    { name: 'no-headers', type: 'bool', default: 'false', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format. One of: (name).' },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    const c = inv.kubeContext;
    // Each named context in turn (repeats included); the missing ones are combined into one error.
    const names = inv.flags.args.length === 0 ? [c.name] : inv.flags.args;
    const found = names.filter((n) => n === c.name);
    const errors = names.filter((n) => n !== c.name).map((n) => new KubectlError(`context ${n} not found`));
    if (output === 'name') {
      for (const n of found) inv.ctx.stdout(`${n}\n`);
    } else {
      const w = tableWriter();
      if (!bool(inv.flags, 'no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const n of found) w.write(`*\t${n}\t${c.cluster}\t${c.user}\t${contextNamespace(c)}\n`);
      inv.ctx.stdout(w.flush());
    }
    if (errors.length) return reportErrors(inv, errors, 'config get-contexts');
    return 0;
  },
};

function single(name: string, summary: string, print: (inv: Invocation) => string): Command {
  return { name, summary, flags: [], run: (inv) => (inv.ctx.stdout(print(inv)), 0) };
}

const setContext: Command = {
  name: 'set-context',
  summary: 'Set a context entry in kubeconfig',
  flags: [
    { name: 'cluster', type: 'string', default: "''", help: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', default: 'false', help: 'Modify the current context' },
    { name: 'user', type: 'string', default: "''", help: 'user for the context entry in kubeconfig' },
  ],
  run(inv) {
    const current = bool(inv.flags, 'current');
    const [name] = inv.flags.args;
    if (current && name) throw new KubectlError('you cannot specify both a context name and --current');
    if (!current && !name) throw new KubectlError('you must specify a non-empty context name or --current');
    const ctx = inv.kubeContext;
    if (name && name !== ctx.name) throw new KubectlError(`the sandbox has a single context, "${ctx.name}"; set-context can change only that one`);
    for (const f of ['cluster', 'user'] as const) {
      if (inv.flags.values.has(f) && str(inv.flags, f) !== ctx[f]) throw new KubectlError(`changing the context's --${f} is not supported in this sandbox: it has one ${f}`);
    }
    if (inv.flags.values.has('namespace')) ctx.namespace = str(inv.flags, 'namespace') || 'default';
    inv.ctx.stdout(`Context "${ctx.name}" modified.\n`);
    return 0;
  },
};

const useContext: Command = {
  name: 'use-context',
  aliases: ['use'],
  summary: 'Set the current-context in a kubeconfig file',
  flags: [],
  run(inv) {
    if (inv.flags.args.length !== 1) {
      inv.ctx.stdout(commandHelp({ ...useContext, name: 'config use-context' }));
      throw new KubectlError(`Unexpected args: [${inv.flags.args.join(' ')}]`);
    }
    const [name] = inv.flags.args;
    if (name !== inv.kubeContext.name) throw new KubectlError(`no context exists with the name: "${name}"`);
    inv.ctx.stdout(`Switched to context "${name}".\n`);
    return 0;
  },
};

function unsupported(name: string): Command {
  return {
    name,
    summary: name,
    flags: ['cluster', 'user', 'server', 'certificate-authority', 'embed-certs', 'token', 'client-certificate', 'client-key', 'username', 'password', 'insecure-skip-tls-verify', 'set-raw-bytes'].map((n) => ({ name: n, type: 'stringArray' as const, hidden: true })),
    run() {
      throw new KubectlError(`kubectl config ${name} is not supported in this sandbox: it has one cluster, one user and one context`);
    },
  };
}

/** configCommand is `kubectl config`. */
export const configCommand: Command = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  flags: [],
  subcommands: [
    view,
    getContexts,
    single('current-context', 'Display the current-context', (inv) => `${inv.kubeContext.name}\n`),
    single('get-clusters', 'Display clusters defined in the kubeconfig', (inv) => `NAME\n${inv.kubeContext.cluster}\n`),
    single('get-users', 'Display users defined in the kubeconfig', (inv) => `NAME\n${inv.kubeContext.user}\n`),
    setContext,
    useContext,
    ...['delete-cluster', 'delete-context', 'delete-user', 'rename-context', 'set', 'set-cluster', 'set-credentials', 'unset'].map(unsupported),
  ],
  run(inv) {
    if (inv.flags.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(inv.flags.args[0])}`);
    inv.ctx.stdout(CONFIG_HELP);
    return 0;
  },
};
