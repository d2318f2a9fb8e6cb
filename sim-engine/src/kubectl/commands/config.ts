/**
 * kubectl config: reads and writes the kubeconfig file kubectl uses (~/.kube/config, $KUBECONFIG
 * or --kubeconfig). view (with --minify, --raw, -o), get-contexts, get-clusters, get-users and
 * current-context read it; the context commands (config-contexts.ts) change it. Every context
 * whose cluster names the simulated API server reaches the one cluster.
 */
import { reportErrors } from '../check-err.ts';
import type { Command, Invocation } from '../command.ts';
import type { HelpSpec } from '../help.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { commandHelp } from '../help.ts';
import { bool, str } from '../flags.ts';
import { printObjects } from '../output.ts';
import { tableWriter } from '../printers/tabwriter.ts';
import { toYAML } from '../printers/yaml.ts';
import { encodeOrdered } from '../typed-json.ts';
import { toV1, type KubeconfigDoc } from '../kubeconfig-file.ts';
import { CONTEXT_COMMANDS } from './config-contexts.ts';
import { ENTRY_COMMANDS } from './config-entries.ts';

const view: Command = {
  name: 'view',
  summary: 'Display merged kubeconfig settings or a specified kubeconfig file',
  help: {
    description: 'Print the kubeconfig kubectl uses, with secrets hidden unless --raw is given.',
    examples: [
      ['Print the kubeconfig', 'kubectl config view'],
      ['Print only the current context\'s part', 'kubectl config view --minify'],
      ['Print the current context\'s user', 'kubectl config view --minify -o jsonpath=\'{.contexts[0].context.user}\''],
    ],
    usage: 'config view [flags]',
  },
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
    const raw = bool(inv.flags, 'raw') || bool(inv.flags, 'flatten');
    const doc = bool(inv.flags, 'minify') ? minified(inv) : inv.kubeconfig.doc;
    const cfg = toV1(doc, raw);
    const output = str(inv.flags, 'output', 'yaml');
    if (output === 'yaml') inv.ctx.stdout(toYAML(cfg));
    else if (output === 'json') inv.ctx.stdout(`${encodeOrdered(cfg)}\n`);
    else if (/^jsonpath(-as-json)?=/.test(output) || output === 'name') printObjects(inv, [cfg as never], output, { single: true });
    else throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
    return 0;
  },
};

/** minified is the kubeconfig cut down to one context (--context, else the current one), its cluster and its user. */
function minified(inv: Invocation): KubeconfigDoc {
  const { doc } = inv.kubeconfig;
  const name = str(inv.flags, 'context') || doc.currentContext;
  if (!name) throw new KubectlError('current-context must exist in order to minify');
  const context = doc.contexts.get(name);
  if (!context) throw new KubectlError(`cannot locate context ${name}`);
  const pick = (m: Map<string, Record<string, unknown>>, key: unknown) => new Map([...m].filter(([n]) => n === key));
  return { contexts: new Map([[name, context]]), clusters: pick(doc.clusters, context.cluster), users: pick(doc.users, context.user), currentContext: name };
}

const getContexts: Command = {
  name: 'get-contexts',
  summary: 'Describe one or many contexts',
  help: {
    description: 'List the kubeconfig\'s contexts, with a star by the current one.',
    examples: [
      ['List every context', 'kubectl config get-contexts'],
      ['List only their names', 'kubectl config get-contexts -o name'],
    ],
    usage: 'config get-contexts [(-o|--output=)name)]',
  },
  flags: [
    { name: 'no-headers', type: 'bool', default: 'false', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format. One of: (name).' },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    const { doc } = inv.kubeconfig;
    // Each named context in turn (repeats included); the missing ones are combined into one error.
    const names = inv.flags.args.length === 0 ? [...doc.contexts.keys()].sort() : inv.flags.args;
    const found = names.filter((n) => doc.contexts.has(n));
    const errors = names.filter((n) => !doc.contexts.has(n)).map((n) => new KubectlError(`context ${n} not found`));
    if (output === 'name') {
      for (const n of found) inv.ctx.stdout(`${n}\n`);
    } else {
      const w = tableWriter();
      if (!bool(inv.flags, 'no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const n of found) {
        const c = doc.contexts.get(n)!;
        w.write(`${n === doc.currentContext ? '*' : ''}\t${n}\t${String(c.cluster ?? '')}\t${String(c.user ?? '')}\t${String(c.namespace ?? '')}\n`);
      }
      inv.ctx.stdout(w.flush());
    }
    if (errors.length) return reportErrors(inv, errors, 'config get-contexts');
    return 0;
  },
};

function single(name: string, summary: string, help: HelpSpec, print: (inv: Invocation) => string): Command {
  return { name, summary, help, flags: [], run: (inv) => (inv.ctx.stdout(print(inv)), 0) };
}

function unsupported([name, summary]: [string, string]): Command {
  return {
    name,
    summary,
    flags: ['cluster', 'user', 'server', 'certificate-authority', 'embed-certs', 'token', 'client-certificate', 'client-key', 'username', 'password', 'insecure-skip-tls-verify', 'set-raw-bytes'].map((n) => ({ name: n, type: 'stringArray' as const, hidden: true })),
    run() {
      throw new KubectlError(`kubectl config ${name} is not supported in this sandbox: its contexts all reach the one simulated cluster, through the cluster and user the kubeconfig already has`);
    },
  };
}

/** configCommand is `kubectl config`. */
export const configCommand: Command = {
  name: 'config',
  summary: 'Modify kubeconfig files',
  help: {
    description: 'Read and change the kubeconfig file: its contexts (a cluster, a user and a namespace each) and which one is current.',
    examples: [
      ['Show the current context', 'kubectl config current-context'],
      ['Make dev the default namespace of the current context', 'kubectl config set-context --current --namespace=dev'],
    ],
    usage: 'config SUBCOMMAND',
  },
  flags: [],
  subcommands: [
    view,
    getContexts,
    single('current-context', 'Display the current-context', { description: 'Print the name of the context kubectl uses when --context is not given.', examples: [['Print the current context', 'kubectl config current-context']], usage: 'config current-context' }, (inv) => {
      if (!inv.kubeconfig.doc.currentContext) throw new KubectlError('current-context is not set');
      return `${inv.kubeconfig.doc.currentContext}\n`;
    }),
    single('get-clusters', 'Display clusters defined in the kubeconfig', { description: 'List the clusters the kubeconfig names.', examples: [['List the clusters', 'kubectl config get-clusters']], usage: 'config get-clusters' }, (inv) => `NAME\n${[...inv.kubeconfig.doc.clusters.keys()].sort().map((n) => `${n}\n`).join('')}`),
    single('get-users', 'Display users defined in the kubeconfig', { description: 'List the users the kubeconfig names.', examples: [['List the users', 'kubectl config get-users']], usage: 'config get-users' }, (inv) => `NAME\n${[...inv.kubeconfig.doc.users.keys()].sort().map((n) => `${n}\n`).join('')}`),
    ...CONTEXT_COMMANDS,
    ...ENTRY_COMMANDS,
    ...([
      ['set', 'Set an individual value in a kubeconfig file'],
      ['unset', 'Unset an individual value in a kubeconfig file'],
    ] as [string, string][]).map(unsupported),
  ],
  run(inv) {
    if (inv.flags.args.length > 0) throw new UsageError(`unknown command ${JSON.stringify(inv.flags.args[0])}`);
    inv.ctx.stdout(commandHelp(configCommand));
    return 0;
  },
};
