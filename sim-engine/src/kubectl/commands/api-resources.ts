/** kubectl api-resources: the resource types the sandbox's API server serves, in kubectl's columns and order. */
import { apiVersionOf, RESOURCES, type ResourceInfo } from '../../api/resources.ts';
import type { Command } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { tableWriter } from '../printers/tabwriter.ts';

const ALL_CATEGORY = new Set(['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet']);
const FULL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function verbsOf(r: ResourceInfo): string[] {
  return r.kind === 'Namespace' ? FULL.filter((v) => v !== 'deletecollection') : FULL;
}

/** apiResourcesCommand is `kubectl api-resources`. */
export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'Print the supported API resources on the server',
  help: {
    description: 'List the kinds of object the API server serves, with their short names, API group and whether they live in a namespace.',
    examples: [
      ['List every resource', 'kubectl api-resources'],
      ['List the resources that live in a namespace', 'kubectl api-resources --namespaced=true'],
      ['List the resources of the apps group', 'kubectl api-resources --api-group=apps'],
    ],
    usage: 'api-resources [flags]',
  },
  flags: [
    { name: 'api-group', type: 'string', default: "''", help: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', default: 'false', help: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringArray', default: '[]', help: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: 'true', help: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', default: 'false', help: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: "''", help: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', default: "''", help: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringArray', default: '[]', help: 'Limit to resources that support the specified verbs.' },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    if (!['', 'wide', 'name'].includes(output)) throw new KubectlError(`--output ${output} is not available`);
    const sortBy = str(inv.flags, 'sort-by');
    if (sortBy && !['name', 'kind'].includes(sortBy)) throw new KubectlError('--sort-by accepts only name or kind');
    if (inv.flags.args.length) throw new UsageError(`unexpected arguments: [${inv.flags.args.join(' ')}]`);
    const group = str(inv.flags, 'api-group');
    const verbs = list(inv.flags, 'verbs').flatMap((v) => v.split(','));
    const categories = list(inv.flags, 'categories').flatMap((v) => v.split(','));
    let rows = RESOURCES.filter((r) => {
      if (inv.flags.values.has('api-group') && r.group !== group) return false;
      if (inv.flags.values.has('namespaced') && r.namespaced !== bool(inv.flags, 'namespaced')) return false;
      if (verbs.some((v) => !verbsOf(r).includes(v))) return false;
      if (categories.length && !(categories.includes('all') && ALL_CATEGORY.has(r.kind))) return false;
      return true;
    });
    const key = (r: ResourceInfo) => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
    rows = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
    const w = tableWriter();
    if (!bool(inv.flags, 'no-headers') && output !== 'name') {
      w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${output === 'wide' ? '\tVERBS\tCATEGORIES' : ''}\n`);
    }
    for (const r of rows) {
      if (output === 'name') w.write(`${r.plural}${r.group ? `.${r.group}` : ''}\n`);
      else {
        const base = `${r.plural}\t${r.shortNames.join(',')}\t${apiVersionOf(r)}\t${r.namespaced}\t${r.kind}`;
        w.write(output === 'wide' ? `${base}\t[${verbsOf(r).join(' ')}]\t[${ALL_CATEGORY.has(r.kind) ? 'all' : ''}]\n` : `${base}\n`);
      }
    }
    inv.ctx.stdout(w.flush());
    return 0;
  },
};
