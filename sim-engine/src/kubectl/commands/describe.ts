/** kubectl describe: a human-readable account of objects, with their events. */
import type { KubeObject } from '../../api/meta.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import type { Command } from '../command.ts';
import { KubectlError, formatError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { DESCRIBERS } from '../printers/describe/index.ts';
import { parseResourceArgs } from '../resource-args.ts';

/** describeCommand is `kubectl describe`. */
export const describeCommand: Command = {
  name: 'describe',
  summary: 'Show details of a specific resource or group of resources',
  help: {
    description: 'Show the details of objects in readable form, with the events that concern them. Name a type and optionally a name prefix, or select by label.',
    examples: [
      ['Describe a node', 'kubectl describe node node-1'],
      ['Describe every pod whose name starts with web', 'kubectl describe pods web'],
      ['Describe the pods labelled app=web', 'kubectl describe pods -l app=web'],
    ],
    usage: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  },
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: 'false', help: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on.' },
    { name: 'show-events', type: 'bool', default: 'true', help: 'If true, display events related to the described object.' },
  ],
  run(inv) {
    const requests = parseResourceArgs(inv.flags.args);
    if (requests.length === 0) {
      throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.');
    }
    const all = bool(inv.flags, 'all-namespaces');
    const selector = str(inv.flags, 'selector') ? parseSelector(str(inv.flags, 'selector')) : undefined;
    const settings = { showEvents: bool(inv.flags, 'show-events', true) };
    const describe = (o: KubeObject) => DESCRIBERS[o.kind]!(o, inv.cluster, settings);
    const found: KubeObject[] = [];
    const errors: string[] = [];
    for (const req of requests) {
      const describer = DESCRIBERS[req.resource.kind];
      if (!describer) throw new KubectlError(`describing ${req.resource.plural} is not supported in this sandbox yet`);
      const ns = req.resource.namespaced ? (all ? undefined : inv.namespace) : undefined;
      const candidates = inv.cluster.api.list(req.resource.kind, ns, { labelSelector: selector });
      if (req.names.length === 0) {
        found.push(...candidates);
        continue;
      }
      for (const name of req.names) {
        const exact = candidates.find((o) => o.metadata.name === name);
        if (exact) found.push(exact);
        else errors.push(formatError(notFound(req.resource, name), 'describe'));
      }
    }
    // `describe TYPE NAME` with no object of that name describes every object whose name starts with NAME.
    const [only] = requests;
    if (errors.length === 1 && inv.flags.args.length === 2 && !inv.flags.args[0]!.includes('/') && requests.length === 1 && only) {
      const ns = only.resource.namespaced ? (all ? undefined : inv.namespace) : undefined;
      const matches = inv.cluster.api.list(only.resource.kind, ns).filter((o) => o.metadata.name!.startsWith(only.names[0]!));
      if (matches.length) {
        for (const o of matches) inv.ctx.stdout(`${describe(o)}\n`);
        return 0;
      }
    }
    if (found.length === 0 && errors.length === 0) {
      inv.ctx.stderr(requests.every((r) => r.resource.namespaced) && !all ? `No resources found in ${inv.namespace} namespace.\n` : 'No resources found\n');
    }
    inv.ctx.stdout(found.map(describe).join('\n\n'));
    for (const e of errors) inv.ctx.stderr(e);
    return errors.length ? 1 : 0;
  },
};
