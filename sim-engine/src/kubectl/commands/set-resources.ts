/**
 * kubectl set resources: set container requests and limits (`--requests=cpu=100m,memory=64Mi`,
 * `--limits=...`) in pods and pod templates; changing a template starts a rollout.
 */
import type { ResourceRequirements } from '../../api/pod.ts';
import { reportErrors } from '../check-err.ts';
import type { Command } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { dryRunMode } from './dry-run.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS } from './manifest-flags.ts';
import { updatePodTemplates } from './pod-template.ts';
import { selectObjects } from './select-objects.ts';

const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** parseResourceList is HandleResourceRequirementsV1's parsing: `name=quantity` pairs separated by commas. */
export function parseResourceList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    if (pair === '') continue;
    const parts = pair.split('=');
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${pair}, expected <resource>=<value>`);
    const [name, value] = parts as [string, string];
    const m = QUANTITY.exec(value);
    if (!m || (!SUFFIXES.has(m[2]!) && !/^[eE][-+]?\d+$/.test(m[2]!)) || Number.isNaN(Number(m[1]))) {
      throw new KubectlError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    }
    out[name] = value;
  }
  return out;
}

/** resourcesCommand is `kubectl set resources`. */
export const resourcesCommand: Command = {
  name: 'resources',
  summary: 'Update resource requests/limits on objects with pod templates',
  help: {
    description: 'Set the CPU and memory requests and limits of the containers in a pod template.',
    examples: [
      ['Set requests and limits of every container', 'kubectl set resources deployment/web --requests=cpu=100m,memory=64Mi --limits=cpu=200m,memory=128Mi'],
      ['Set the limits of one container', 'kubectl set resources deployment/web -c nginx --limits=memory=256Mi'],
    ],
    usage: 'set resources (-f FILENAME | TYPE NAME) ([--limits=LIMITS & --requests=REQUESTS]',
  },
  flags: [
    ...OUTPUT_FLAGS,
    DRY_RUN_FLAG,
    fieldManager('kubectl-set'),
    { name: 'all', type: 'bool', default: 'false', help: 'Select all resources, in the namespace of the specified resource types' },
    { name: 'containers', short: 'c', type: 'string', default: "'*'", help: 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' },
    { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files identifying the resource to get from a server.' },
    { name: 'limits', type: 'string', default: "''", help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: 'local', type: 'bool', default: 'false', help: 'If true, set resources will NOT contact api-server but run locally.' },
    { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'requests', type: 'string', default: "''", help: "The resource requirement requests for this container.  For example, 'cpu=100m,memory=256Mi'.  Note that server side components may assign requests depending on the server configuration, such as limit ranges." },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ],
  run(inv) {
    const output = str(inv.flags, 'output');
    checkOutput(output);
    const mode = dryRunMode(inv);
    const args = inv.flags.args;
    const filenames = list(inv.flags, 'filename');
    if (bool(inv.flags, 'local')) throw new KubectlError('--local is not supported in this sandbox: it edits only the files you pass, use a text editor');
    if (args.length === 0 && filenames.length === 0) throw new KubectlError(NO_RESOURCES);
    const limitsText = str(inv.flags, 'limits');
    const requestsText = str(inv.flags, 'requests');
    if (!limitsText && !requestsText) throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)');
    const limits = parseResourceList(limitsText);
    const requests = parseResourceList(requestsText);
    const selection = selectObjects(inv, args, { all: bool(inv.flags, 'all'), selector: str(inv.flags, 'selector'), filenames, recursive: bool(inv.flags, 'recursive') });
    if (selection.unread) return reportErrors(inv, [selection.unread], 'set resources');
    const pattern = str(inv.flags, 'containers', '*');
    const printer = new ResultPrinter(inv, output, mode);
    const errors = updatePodTemplates(inv, selection.items, printer, mode, {
      pattern,
      operation: 'resource requirements updated',
      write: true,
      noMatch: () => new KubectlError(`unable to find container named ${pattern}`),
      change(_obj, containers) {
        for (const c of containers) c.resources = merged(c.resources, requests, limits);
      },
    });
    return reportErrors(inv, [...selection.errors, ...errors], 'set resources');
  },
};

function merged(current: ResourceRequirements | undefined, requests: Record<string, string>, limits: Record<string, string>): ResourceRequirements {
  const out: ResourceRequirements = { ...current };
  if (Object.keys(limits).length) out.limits = { ...current?.limits, ...limits };
  if (Object.keys(requests).length) out.requests = { ...current?.requests, ...requests };
  return out;
}
