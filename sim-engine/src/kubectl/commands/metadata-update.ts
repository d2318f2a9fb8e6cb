/**
 * What `kubectl label` and `kubectl annotate` share: splitting the command line into resources
 * and KEY=VALUE / KEY- changes, selecting the objects, and updating their labels or annotations
 * through a merge patch (or locally for --dry-run=client / --local), with each verb's messages.
 */
import type { KubeObject } from '../../api/meta.ts';
import { Aggregate, reportErrors } from '../check-err.ts';
import type { Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, list, str } from '../flags.ts';
import { checkOutput, ResultPrinter } from '../print-result.ts';
import { toCompactJSON } from '../printers/json.ts';
import { dryRunMode } from './dry-run.ts';
import { selectObjects } from './select-objects.ts';

/** MetadataVerb describes label or annotate. */
export interface MetadataVerb {
  command: 'label' | 'annotate';
  field: 'labels' | 'annotations';
  /** The word in "all resources must be specified before <pair> changes". */
  pairType: 'label' | 'annotation';
  /** parse turns the change arguments into additions and removals, failing with the verb's messages. */
  parse(pairs: string[]): { add: Map<string, string>; remove: string[] };
  /** checkOverwrite fails when --overwrite is false and a key already has a value. */
  checkOverwrite(current: Record<string, string>, add: Map<string, string>): void;
  /** message is the operation printed for an object: labeled, unlabeled, not labeled, annotated. */
  message(before: string, after: string, overwrite: boolean): string;
  /** validatePairs runs after the common checks (annotate's modify-and-remove rule). */
  validatePairs?(add: Map<string, string>, remove: string[]): void;
}

/** resourcesAndPairs is cmdutil.GetResourcesAndPairs. */
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length) throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
    else resources.push(s);
  }
  return { resources, pairs };
}

/** runMetadataUpdate is RunLabel / RunAnnotate. */
export function runMetadataUpdate(inv: Invocation, verb: MetadataVerb): number {
  const output = str(inv.flags, 'output');
  const mode = dryRunMode(inv);
  checkOutput(output);
  const { resources, pairs } = resourcesAndPairs(inv.flags.args, verb.pairType);
  const { add, remove } = verb.parse(pairs);
  const listOnly = bool(inv.flags, 'list');
  if (listOnly && output) throw new KubectlError('--list and --output may not be specified together');
  const local = bool(inv.flags, 'local');
  const filenames = list(inv.flags, 'filename');
  if (local && mode === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (bool(inv.flags, 'all') && str(inv.flags, 'selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (local && resources.length) throw new KubectlError(`can only use local files by -f ${verb.command === 'label' ? 'pod.yaml or --filename=pod.json' : 'rsrc.yaml or --filename=rsrc.json'} when --local=true is set`);
  if (resources.length < 1 && filenames.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (add.size < 1 && remove.length < 1 && !listOnly) throw new KubectlError(`at least one ${verb.pairType} update is required`);
  verb.validatePairs?.(add, remove);
  if (local) throw new KubectlError('--local is not supported in this sandbox: it edits only the files you pass, use a text editor');
  const selection = selectObjects(inv, resources, {
    all: bool(inv.flags, 'all'),
    selector: str(inv.flags, 'selector'),
    allNamespaces: bool(inv.flags, 'all-namespaces'),
    filenames,
    recursive: bool(inv.flags, 'recursive'),
  });
  const printer = new ResultPrinter(inv, output, mode);
  const errors: Error[] = [];
  const overwrite = bool(inv.flags, 'overwrite');
  for (const { obj, error } of selection.visited) {
    if (error) {
      errors.push(error);
      continue;
    }
    try {
      const current = { ...(obj.metadata[verb.field] ?? {}) };
      if (!listOnly && mode === 'none' && verb.command === 'label') {
        for (const key of remove) if (!(key in current)) inv.ctx.stdout(`label ${JSON.stringify(key)} not found.\n`);
      }
      if (!overwrite) verb.checkOverwrite(current, add);
      const next = { ...current };
      for (const [k, v] of add) next[k] = v;
      for (const k of remove) delete next[k];
      const updated = { ...obj, metadata: { ...obj.metadata, [verb.field]: next } } as KubeObject;
      const operation = verb.message(toCompactJSON(obj), toCompactJSON(updated), overwrite);
      let result = updated;
      if (mode !== 'client' && !listOnly) {
        const body = stripEmpty(updated, verb.field);
        result = mode === 'server' ? body : inv.cluster.api.update(body, `kubectl-${verb.command}`);
        inv.cluster.drain();
      }
      if (listOnly) {
        const entries = Object.entries(result.metadata[verb.field] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
        const indent = selection.singleItem ? '' : ' ';
        if (!selection.singleItem) inv.ctx.stdout(`Listing ${verb.field} for ${result.kind}.${groupOf(result)}/${result.metadata.name}:\n`);
        for (const [k, v] of entries) inv.ctx.stdout(`${indent}${k}=${v}\n`);
        continue;
      }
      printer.print(result, operation);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (selection.late) errors.push(selection.late);
  return reportErrors(inv, errors, verb.command);
}

function groupOf(obj: KubeObject): string {
  return obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : '';
}

/** stripEmpty drops an emptied map the way a merge patch `{"labels":{}}` leaves the stored object. */
function stripEmpty(obj: KubeObject, field: 'labels' | 'annotations'): KubeObject {
  const value = obj.metadata[field];
  if (value && Object.keys(value).length === 0) {
    const meta = { ...obj.metadata };
    delete meta[field];
    return { ...obj, metadata: meta };
  }
  return obj;
}

/** overwriteAggregate builds label's aggregate of "'k' already has a value (v), and --overwrite is false" errors. */
export function overwriteAggregate(messages: string[]): Error | undefined {
  if (messages.length === 0) return undefined;
  return new Aggregate(messages.map((m) => new Error(m)));
}
