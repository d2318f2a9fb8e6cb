/** kubectl get: list, fetch or watch objects and print them as tables, names, YAML or JSON. */
import { qualifiedKind } from '../../api/resources.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError, formatError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { printObjects } from '../output.ts';
import { tableWriter } from '../printers/tabwriter.ts';
import { tableFor } from '../printers/tables/index.ts';
import { renderTable, type TableOptions } from '../printers/tables/render.ts';
import type { ResourceRequest } from '../resource-args.ts';
import { fetch, parseGetArgs, requestFilter, type Fetched, type Filters } from './get/query.ts';
import { sortObjects } from './get/sort.ts';
import { watchGet } from './get/watch.ts';
import { getRaw } from './get/raw.ts';
import { computedKind, getComputed } from './get/computed.ts';

const OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** getCommand is `kubectl get`. */
export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
  help: {
    description: 'List objects in a table, or print them whole as YAML or JSON. Name a type for every object of it in the namespace, add names for just those, or select by label.',
    examples: [
      ['List the pods in the current namespace', 'kubectl get pods'],
      ['List pods with their node and IP', 'kubectl get pods -o wide'],
      ['Print one deployment as YAML', 'kubectl get deployment web -o yaml'],
      ['List pods labelled app=web and show their labels', 'kubectl get pods -l app=web --show-labels'],
      ['List pods in every namespace', 'kubectl get pods --all-namespaces'],
    ],
    usage: 'get [(-o|--output=)json|yaml|name|wide|custom-columns|jsonpath] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  },
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: 'false', help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format. One of: (json, yaml, name, wide, custom-columns, jsonpath).' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on, supports =, ==, != and in/notin.' },
    { name: 'show-labels', type: 'bool', default: 'false', help: 'When printing, show all labels as the last column.' },
    { name: 'label-columns', short: 'L', type: 'stringArray', default: '[]', help: 'Accepts a comma separated list of labels that are going to be presented as columns.' },
    { name: 'no-headers', type: 'bool', default: 'false', help: "When using the default or custom-column output format, don't print headers." },
    { name: 'ignore-not-found', type: 'bool', default: 'false', help: 'If set to true, suppresses NotFound error for specific objects that do not exist.' },
    { name: 'show-kind', type: 'bool', default: 'false', help: 'If present, list the resource type for the requested object(s).' },
    { name: 'watch', short: 'w', type: 'bool', default: 'false', help: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', default: 'false', help: 'Watch for changes to the requested object(s), without listing/getting first.' },
    { name: 'output-watch-events', type: 'bool', default: 'false', help: 'Output watch event objects when --watch or --watch-only is used.' },
    { name: 'field-selector', type: 'string', default: "''", help: 'Selector (field query) to filter on, supports =, ==, and !=.' },
    { name: 'sort-by', type: 'string', default: "''", help: 'If non-empty, sort list types using this field specification.' },
    { name: 'chunk-size', type: 'int', default: '500', help: 'Return large lists in chunks rather than all at once.' },
    { name: 'raw', type: 'string', default: "''", help: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
  ],
  run(inv) {
    if (inv.flags.values.has('raw')) return getRaw(inv);
    const out = str(inv.flags, 'output');
    if (out && !['wide', 'name', 'yaml', 'json'].includes(out) && !/^(jsonpath|custom-columns|go-template|template)/.test(out)) {
      throw new KubectlError(`unable to match a printer suitable for the output format "${out}", allowed formats are: ${OUTPUTS}`);
    }
    const args = inv.flags.args;
    if (args.length === 0) {
      inv.ctx.stdout('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw new KubectlError(
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      );
    }
    const computed = computedKind(args);
    if (computed && !bool(inv.flags, 'watch') && !bool(inv.flags, 'watch-only')) return getComputed(inv, computed);
    const requests = parseGetArgs(args);
    const filters: Filters = { labelText: str(inv.flags, 'selector').trim(), fieldText: str(inv.flags, 'field-selector').trim() };
    if ((filters.labelText || filters.fieldText) && requests.some((r) => r.names.length)) {
      throw new KubectlError(args.some((a) => a.includes('/')) ? 'selectors and the all flag cannot be used when passing resource/name arguments' : 'name cannot be provided when a selector is specified');
    }
    if (bool(inv.flags, 'all-namespaces') && requests.some((r) => r.names.length && r.resource.namespaced)) {
      throw new KubectlError('a resource cannot be retrieved by name across all namespaces');
    }
    if (bool(inv.flags, 'watch') || bool(inv.flags, 'watch-only')) return watch(inv, requests, filters, out);
    return get(inv, requests, filters, out);
  },
};

function tableOptions(inv: Invocation, output: string): TableOptions {
  return {
    wide: output === 'wide',
    noHeaders: bool(inv.flags, 'no-headers'),
    withNamespace: bool(inv.flags, 'all-namespaces'),
    labelColumns: list(inv.flags, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean),
    showLabels: bool(inv.flags, 'show-labels'),
  };
}

function namespaceScope(inv: Invocation): string | undefined {
  return bool(inv.flags, 'all-namespaces') ? undefined : inv.namespace;
}

async function watch(inv: Invocation, requests: ResourceRequest[], filters: Filters, output: string): Promise<number> {
  if (requests.length > 1) {
    if (inv.flags.args.some((a) => a.includes('/'))) throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
    throw new KubectlError('you may only specify a single resource type');
  }
  const req = requests[0]!;
  const ns = namespaceScope(inv);
  const fetched = fetch(inv, req, ns, filters, false);
  if (fetched.errors.length) throw fetched.errors[0];
  const opts = tableOptions(inv, output);
  return watchGet(inv, {
    req,
    filter: requestFilter(req, req.names.length ? inv.namespace : ns, filters),
    initial: fetched.objects,
    output,
    watchOnly: bool(inv.flags, 'watch-only'),
    outputWatchEvents: bool(inv.flags, 'output-watch-events'),
    table: { ...opts, withNamespace: opts.withNamespace && req.resource.namespaced, namePrefix: bool(inv.flags, 'show-kind') ? `${qualifiedKind(req.resource)}/` : undefined },
  });
}

function get(inv: Invocation, requests: ResourceRequest[], filters: Filters, output: string): number {
  const ignoreNotFound = bool(inv.flags, 'ignore-not-found');
  const ns = namespaceScope(inv);
  const groups: Fetched[] = requests.map((req) => fetch(inv, req, req.names.length ? inv.namespace : ns, filters, ignoreNotFound));
  const errors = groups.flatMap((g) => g.errors);
  const sortBy = str(inv.flags, 'sort-by');
  const humanReadable = output === '' || output === 'wide';
  if (!humanReadable) {
    let objects = groups.flatMap((g) => g.objects);
    const singleNamed = requests.length === 1 && requests[0]!.names.length === 1;
    if (sortBy && !(singleNamed && objects.length === 1)) objects = sortObjects(objects, sortBy, { table: false });
    // Machine-readable output never says "No resources found": an empty List is the answer.
    if (!(objects.length === 0 && ignoreNotFound) && !(singleNamed && objects.length === 0)) {
      printObjects(inv, objects, output, { single: singleNamed && objects.length === 1, noHeaders: bool(inv.flags, 'no-headers') });
    }
  } else {
    const opts = tableOptions(inv, output);
    if (sortBy) for (const g of groups) g.objects = sortObjects(g.objects, sortBy, { table: true });
    // Several types (even empty ones) or --show-kind put `kind.group/` before every name.
    const withKind = requests.length > 1 || bool(inv.flags, 'show-kind');
    const w = tableWriter();
    let written = false;
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      // Widths are remembered per resource type only; a blank line separates types when headers show.
      inv.ctx.stdout(w.flush());
      w.resetRememberedWidths();
      if (written && !opts.noHeaders) inv.ctx.stdout('\n');
      renderTable(w, tableFor(g.req.resource.kind)!, g.objects, inv.ctx.now(), {
        ...opts,
        withNamespace: opts.withNamespace && g.req.resource.namespaced,
        namePrefix: withKind ? `${qualifiedKind(g.req.resource)}/` : undefined,
      });
      inv.ctx.stdout(w.flush());
      written = true;
    }
    if (!written && errors.length === 0 && !ignoreNotFound) {
      const allNamespaced = ns !== undefined && requests.every((r) => r.resource.namespaced);
      inv.ctx.stderr(allNamespaced ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
    }
  }
  for (const e of errors) inv.ctx.stderr(formatError(e, 'get'));
  return errors.length ? 1 : 0;
}
