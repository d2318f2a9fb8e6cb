/** kubectl cordon (and the cordon step of uncordon and drain): mark nodes (un)schedulable, saying when nothing changed. */
import type { Node } from '../../api/node.ts';
import { notFound } from '../../apiserver/errors.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import { resourceForKind } from '../../api/resources.ts';
import type { Command, Invocation } from '../command.ts';
import { KubectlError, UsageError } from '../errors.ts';
import { str } from '../flags.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { dryRunMode, dryRunSuffix } from './dry-run.ts';

/** NODE_FLAGS are the flags cordon and uncordon share. */
export const NODE_FLAGS = [
  { name: 'dry-run', type: 'string', default: "'none'", help: 'Must be "none", "server", or "client".' },
  { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on' },
] as const;

/** selectNodes resolves `NODE...` or `-l SELECTOR` to Node objects, as drain's builder does. */
export function selectNodes(inv: Invocation, verb: string, use: string): Node[] {
  const args = inv.flags.args;
  const selector = str(inv.flags, 'selector');
  if (args.length === 0 && !inv.flags.values.has('selector')) throw new UsageError(`USAGE: ${use} [flags]`);
  if (args.length > 0 && selector) throw new UsageError('cannot specify both a node name and a --selector option');
  if (selector) return inv.cluster.api.list<Node>('Node', undefined, { labelSelector: parseSelector(selector) });
  const nodes: Node[] = [];
  for (const req of parseResourceArgs(args.some((a) => a.includes('/')) ? args : ['nodes', ...args])) {
    if (req.resource.kind !== 'Node') throw new KubectlError(`error: expected resource of type node, got "/v1, Resource=${req.resource.plural}"`);
    for (const name of req.names) {
      const node = inv.cluster.api.tryGet<Node>('Node', '', name);
      if (!node) throw notFound(resourceForKind('Node')!, name);
      nodes.push(node);
    }
  }
  void verb;
  return nodes;
}

/** setUnschedulable is RunCordonOrUncordon for the given nodes. */
export function setUnschedulable(inv: Invocation, nodes: readonly Node[], desired: boolean): void {
  const mode = dryRunMode(inv);
  for (const node of nodes) {
    const current = node.spec.unschedulable === true;
    if (current === desired) {
      inv.ctx.stdout(`node/${node.metadata.name} already ${desired ? 'cordoned' : 'uncordoned'}${dryRunSuffix(mode)}\n`);
      continue;
    }
    if (mode === 'none') {
      const spec = { ...node.spec };
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      inv.cluster.api.update<Node>({ ...node, spec }, 'kubectl');
      inv.cluster.drain();
    }
    inv.ctx.stdout(`node/${node.metadata.name} ${desired ? 'cordoned' : 'uncordoned'}${dryRunSuffix(mode)}\n`);
  }
}

/** cordonCommand is `kubectl cordon`. */
export const cordonCommand: Command = {
  name: 'cordon',
  summary: 'Mark node as unschedulable',
  help: {
    description: 'Mark a node unschedulable: the scheduler puts no new pods on it, and the pods already there keep running.',
    examples: [
      ['Stop new pods landing on node-1', 'kubectl cordon node-1'],
    ],
    usage: 'cordon NODE',
  },
  flags: NODE_FLAGS,
  run(inv) {
    setUnschedulable(inv, selectNodes(inv, 'cordon', 'cordon NODE'), true);
    return 0;
  },
};
