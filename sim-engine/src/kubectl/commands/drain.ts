/**
 * kubectl drain: cordon, then evict every pod that may go (warning about DaemonSet pods and
 * refusing bare pods, emptyDir pods and DaemonSet pods unless told otherwise), wait for them to
 * be gone, and report `node/x drained`.
 */
import type { Node } from '../../api/node.ts';
import type { Pod } from '../../api/pod.ts';
import { parseSelector } from '../../apiserver/selectors.ts';
import { goDuration } from '../../util/duration.ts';
import { waitUntil, type Command, type Invocation } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { selectNodes, setUnschedulable } from './cordon.ts';
import { dryRunMode } from './dry-run.ts';
import { durationFlag } from './durations.ts';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

type Verdict = { delete: boolean; warning?: string; error?: string };

/** podVerdict runs drain's filters in order: DaemonSet, mirror pod, local storage, unreplicated. */
function podVerdict(inv: Invocation, pod: Pod): Verdict {
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (owner?.kind === 'DaemonSet' && !finished) {
    return bool(inv.flags, 'ignore-daemonsets') ? { delete: false, warning: DAEMONSET_WARNING } : { delete: false, error: DAEMONSET_FATAL };
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { delete: false };
  let warning: string | undefined;
  if (!finished && pod.spec.volumes?.some((v) => v.emptyDir)) {
    if (!bool(inv.flags, 'delete-emptydir-data')) return { delete: false, error: LOCAL_FATAL };
    warning = LOCAL_WARNING;
  }
  if (!finished && !owner) {
    if (!bool(inv.flags, 'force')) return { delete: false, error: UNMANAGED_FATAL };
    return { delete: true, warning: UNMANAGED_WARNING };
  }
  return { delete: true, warning };
}

/** grouped joins `ns/name` lists by message, in the order messages first appear. */
function grouped(items: { msg: string; pod: Pod }[], format: (msg: string, pods: string) => string): string[] {
  const by = new Map<string, string[]>();
  for (const { msg, pod } of items) by.set(msg, [...(by.get(msg) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  return [...by].map(([msg, pods]) => format(msg, pods.join(', ')));
}

/** drainNode evicts one node's pods; it returns the error messages that stopped it (empty when drained). */
async function drainNode(inv: Invocation, node: Node): Promise<string[]> {
  const podSelector = str(inv.flags, 'pod-selector');
  const sel = podSelector ? parseSelector(podSelector) : undefined;
  const pods = inv.cluster.api.list<Pod>('Pod', undefined, { labelSelector: sel }).filter((p) => p.spec.nodeName === node.metadata.name);
  const verdicts = pods.map((pod) => ({ pod, v: podVerdict(inv, pod) }));
  const errors = grouped(verdicts.filter((x) => x.v.error).map((x) => ({ msg: x.v.error!, pod: x.pod })), (m, p) => `cannot delete ${m}: ${p}`);
  if (errors.length) return errors;
  const warnings = grouped(verdicts.filter((x) => x.v.warning).map((x) => ({ msg: x.v.warning!, pod: x.pod })), (m, p) => `${m}: ${p}`);
  if (warnings.length) inv.ctx.stderr(`Warning: ${warnings.join('; ')}\n`);
  const victims = verdicts.filter((x) => x.v.delete).map((x) => x.pod);
  const mode = dryRunMode(inv);
  if (mode === 'client') {
    for (const p of victims) inv.ctx.stdout(`evicting pod ${p.metadata.namespace}/${p.metadata.name} (dry run)\n`);
    return [];
  }
  const evict = !bool(inv.flags, 'disable-eviction');
  const grace = Number(str(inv.flags, 'grace-period', '-1'));
  for (const p of victims) {
    if (evict) inv.ctx.stdout(`evicting pod ${p.metadata.namespace}/${p.metadata.name}${mode === 'server' ? ' (server dry run)' : ''}\n`);
    if (mode === 'server') continue;
    // An Eviction with no PodDisruptionBudget in the way is a graceful delete.
    if (inv.cluster.api.tryGet('Pod', p.metadata.namespace!, p.metadata.name!)) {
      inv.cluster.api.delete('Pod', p.metadata.namespace!, p.metadata.name!, 'kubectl', { gracePeriodSeconds: grace >= 0 ? grace : undefined });
    }
  }
  inv.cluster.drain();
  if (mode === 'server') return [];
  const timeout = durationFlag(str(inv.flags, 'timeout', '0s'), 'timeout', 'drain');
  const pending = new Set(victims);
  const gone = (p: Pod) => inv.cluster.api.tryGet<Pod>('Pod', p.metadata.namespace!, p.metadata.name!)?.metadata.uid !== p.metadata.uid;
  await waitUntil(
    inv,
    () => {
      for (const p of pending) {
        if (!gone(p)) continue;
        pending.delete(p);
        inv.ctx.stdout(`pod/${p.metadata.name} ${evict ? 'evicted' : 'deleted'}\n`);
      }
      return pending.size === 0;
    },
    timeout > 0 ? timeout : Number.POSITIVE_INFINITY,
  );
  if (pending.size === 0) return [];
  const failures = [...pending].map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: global timeout reached: ${goDuration(timeout)}`);
  inv.ctx.stderr(`There are pending pods in node "${node.metadata.name}" when an error occurred: ${failures.length === 1 ? failures[0] : `[${failures.join(', ')}]`}\n`);
  for (const p of pending) inv.ctx.stderr(`pod/${p.metadata.name}\n`);
  return failures;
}

/** drainCommand is `kubectl drain`. */
export const drainCommand: Command = {
  name: 'drain',
  summary: 'Drain node in preparation for maintenance',
  help: {
    description: 'Cordon a node, then evict its pods so their controllers start them elsewhere, ready for maintenance. DaemonSet pods and pods no controller manages need flags to go.',
    examples: [
      ['Drain node-1, leaving DaemonSet pods in place', 'kubectl drain node-1 --ignore-daemonsets'],
      ['Drain node-1 even of pods no controller manages', 'kubectl drain node-1 --ignore-daemonsets --force'],
    ],
    usage: 'drain NODE',
  },
  flags: [
    { name: 'chunk-size', type: 'int', default: '500', help: 'Return large lists in chunks rather than all at once.' },
    { name: 'delete-emptydir-data', type: 'bool', default: 'false', help: 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).' },
    { name: 'disable-eviction', type: 'bool', default: 'false', help: 'Force drain to use delete, even if eviction is supported.' },
    { name: 'dry-run', type: 'string', default: "'none'", help: 'Must be "none", "server", or "client".' },
    { name: 'force', type: 'bool', default: 'false', help: 'Continue even if there are pods that do not declare a controller.' },
    { name: 'grace-period', type: 'int', default: '-1', help: 'Period of time in seconds given to each pod to terminate gracefully.' },
    { name: 'ignore-daemonsets', type: 'bool', default: 'false', help: 'Ignore DaemonSet-managed pods.' },
    { name: 'pod-selector', type: 'string', default: "''", help: 'Label selector to filter pods on the node' },
    { name: 'selector', short: 'l', type: 'string', default: "''", help: 'Selector (label query) to filter on' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: '0', help: 'If pod DeletionTimestamp older than N seconds, skip waiting for the pod.' },
    { name: 'timeout', type: 'string', default: '0s', help: 'The length of time to wait before giving up, zero means infinite' },
  ],
  async run(inv) {
    durationFlag(str(inv.flags, 'timeout', '0s'), 'timeout', 'drain');
    const podSelector = str(inv.flags, 'pod-selector');
    if (podSelector) {
      try {
        parseSelector(podSelector);
      } catch {
        throw new KubectlError('--pod-selector=<pod_selector> must be a valid label selector');
      }
    }
    const nodes = selectNodes(inv, 'drain', 'drain NODE');
    setUnschedulable(inv, nodes, true);
    const fatal: string[][] = [];
    const remaining: string[] = [];
    for (const node of nodes) {
      const errors = await drainNode(inv, node);
      if (errors.length === 0) {
        inv.ctx.stdout(`node/${node.metadata.name} drained${dryRunMode(inv) === 'client' ? ' (dry run)' : dryRunMode(inv) === 'server' ? ' (server dry run)' : ''}\n`);
        continue;
      }
      const joined = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
      inv.ctx.stderr(`error: unable to drain node "${node.metadata.name}" due to error: ${joined}, continuing command...\n`);
      fatal.push(errors);
      remaining.push(node.metadata.name!);
    }
    if (remaining.length) inv.ctx.stderr(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    if (fatal.length === 0) return 0;
    // kubectl unwraps the outer aggregate when it holds one node, then prints each message on its own line, unprefixed.
    const lines = fatal.length === 1 ? fatal[0]! : fatal.map((e) => (e.length === 1 ? e[0]! : `[${e.join(', ')}]`));
    inv.ctx.stderr(lines.map((l) => `${l}\n`).join(''));
    return 1;
  },
};
