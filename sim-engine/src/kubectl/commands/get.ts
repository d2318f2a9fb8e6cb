/** kubectl get: list or fetch objects and print them as tables, names, YAML or JSON. */
import type { KubeObject } from '../../api/meta.ts';
import { qualifiedKind } from '../../api/resources.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError, formatError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { printObjects } from '../output.ts';
import { tableWriter } from '../printers/tabwriter.ts';
import { tableFor } from '../printers/tables/index.ts';
import { renderTable } from '../printers/tables/render.ts';
import { parseResourceArgs, type ResourceRequest } from '../resource-args.ts';

const OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** getCommand is `kubectl get`. */
export const getCommand: Command = {
  name: 'get',
  summary: 'Display one or many resources',
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
    { name: 'field-selector', type: 'string', default: "''", help: 'Selector (field query) to filter on.' },
    { name: 'sort-by', type: 'string', default: "''", help: 'If non-empty, sort list types using this field specification.' },
  ],
  run(inv) {
    const out = str(inv.flags, 'output');
    if (out && !['wide', 'name', 'yaml', 'json'].includes(out) && !/^(jsonpath|custom-columns|go-template|template)/.test(out)) {
      throw new KubectlError(`unable to match a printer suitable for the output format "${out}", allowed formats are: ${OUTPUTS}`);
    }
    for (const unsupported of ['watch', 'watch-only']) {
      if (bool(inv.flags, unsupported)) throw new KubectlError(`--${unsupported} is not supported in this sandbox yet`);
    }
    for (const unsupported of ['field-selector', 'sort-by']) {
      if (str(inv.flags, unsupported)) throw new KubectlError(`--${unsupported} is not supported in this sandbox yet`);
    }
    const requests = parseResourceArgs(inv.flags.args);
    if (requests.length === 0) {
      inv.ctx.stdout('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
      throw new KubectlError(
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
      );
    }
    return get(inv, requests, out);
  },
};

function get(inv: Invocation, requests: ResourceRequest[], output: string): number {
  const all = bool(inv.flags, 'all-namespaces');
  const selectorText = str(inv.flags, 'selector');
  let selector;
  if (selectorText) {
    try {
      selector = parseSelector(selectorText);
    } catch (e) {
      throw new KubectlError(`unable to parse requirement: ${(e as Error).message}`);
    }
  }
  const errors: string[] = [];
  const groups: { req: ResourceRequest; objects: KubeObject[] }[] = [];
  for (const req of requests) {
    const ns = req.resource.namespaced ? (all && req.names.length === 0 ? undefined : inv.namespace) : undefined;
    if (req.names.length) {
      const objects: KubeObject[] = [];
      for (const name of req.names) {
        const obj = inv.cluster.api.tryGet(req.resource.kind, ns ?? '', name);
        if (obj) objects.push(obj);
        else if (!bool(inv.flags, 'ignore-not-found')) errors.push(formatError(notFound(req.resource, name), 'get'));
      }
      groups.push({ req, objects });
    } else {
      groups.push({ req, objects: inv.cluster.api.list(req.resource.kind, ns, { labelSelector: selector }) });
    }
  }
  const objects = groups.flatMap((g) => g.objects);
  const singleNamed = requests.length === 1 && requests[0]!.names.length === 1;
  const humanReadable = output === '' || output === 'wide';
  if (!humanReadable) {
    // Machine-readable output never says "No resources found": an empty List is the answer.
    if (!(objects.length === 0 && bool(inv.flags, 'ignore-not-found'))) {
      printObjects(inv, objects, output, { single: singleNamed && objects.length === 1, noHeaders: bool(inv.flags, 'no-headers') });
    }
  } else {
    const multi = requests.length > 1 || bool(inv.flags, 'show-kind');
    const w = tableWriter();
    let printed = false;
    for (const g of groups) {
      if (g.objects.length === 0) continue;
      if (printed) w.write('\n');
      // Widths are remembered per resource type only.
      inv.ctx.stdout(w.flush());
      w.resetRememberedWidths();
      renderTable(w, tableFor(g.req.resource.kind)!, g.objects, inv.ctx.now(), {
        wide: output === 'wide',
        noHeaders: bool(inv.flags, 'no-headers'),
        withNamespace: all && g.req.resource.namespaced,
        namePrefix: multi ? `${qualifiedKind(g.req.resource)}/` : undefined,
        labelColumns: list(inv.flags, 'label-columns').flatMap((l) => l.split(',')).filter(Boolean),
        showLabels: bool(inv.flags, 'show-labels'),
      });
      inv.ctx.stdout(w.flush());
      printed = true;
    }
  }
  if (humanReadable && objects.length === 0 && errors.length === 0 && !requests.some((r) => r.names.length)) {
    const namespaced = requests.every((r) => r.resource.namespaced);
    inv.ctx.stderr(namespaced && !all ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
  }
  for (const e of errors) inv.ctx.stderr(e);
  return errors.length ? 1 : 0;
}
