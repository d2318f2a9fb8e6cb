/**
 * Read-only objects the API server computes when asked instead of storing: ComponentStatuses
 * (the deprecated health summary of the scheduler, the controller manager and etcd) and the
 * kube-node-lease namespace's Leases, one per node, held and renewed by its kubelet (the
 * engine computes renewals rather than writing a Lease every ten seconds; see
 * controllers/nodelifecycle/leases.ts). `kubectl get` lists them as tables, names, YAML or JSON.
 */
import type { KubeObject } from '../../../api/meta.ts';
import type { Node } from '../../../api/node.ts';
import type { Invocation } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, str } from '../../flags.ts';
import { printObjects } from '../../output.ts';
import { tableWriter } from '../../printers/tabwriter.ts';
import { age } from '../../printers/tables/pod.ts';

/** NODE_LEASE_NAMESPACE is where kubelets keep their heartbeat Leases. */
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

const COMPONENTS = ['scheduler', 'controller-manager', 'etcd-0'];

/** ComputedKind names the computed resources by what `kubectl get` accepts for them. */
const TYPES: Record<string, 'ComponentStatus' | 'Lease'> = {
  componentstatuses: 'ComponentStatus',
  componentstatus: 'ComponentStatus',
  cs: 'ComponentStatus',
  leases: 'Lease',
  lease: 'Lease',
  'leases.coordination.k8s.io': 'Lease',
};

/** computedKind tells whether `kubectl get TYPE …` asks for a computed resource, and which. */
export function computedKind(args: readonly string[]): 'ComponentStatus' | 'Lease' | undefined {
  const first = args[0]?.split('/')[0]?.toLowerCase();
  return first === undefined || args[0]!.includes(',') ? undefined : TYPES[first];
}

function componentStatus(name: string): KubeObject {
  return { kind: 'ComponentStatus', apiVersion: 'v1', metadata: { name }, conditions: [{ type: 'Healthy', status: 'True', message: 'ok' }] } as unknown as KubeObject;
}

// MicroTime, as Lease.spec.renewTime is written.
function microTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.${String((ms % 1000) * 1000).padStart(6, '0')}Z`;
}

function nodeLeases(inv: Invocation): KubeObject[] {
  const now = inv.cluster.now();
  return inv.cluster.api.list<Node>('Node').flatMap((node) => {
    const name = node.metadata.name!;
    const lease = inv.cluster.leases.lease(name, now);
    if (!lease) return [];
    return [
      {
        kind: 'Lease',
        apiVersion: 'coordination.k8s.io/v1',
        metadata: { name, namespace: NODE_LEASE_NAMESPACE, creationTimestamp: node.metadata.creationTimestamp, ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid }] },
        spec: { holderIdentity: lease.holder, leaseDurationSeconds: 40, renewTime: microTime(lease.renewTime) },
      } as unknown as KubeObject,
    ];
  });
}

/** getComputed is `kubectl get` of ComponentStatuses or node Leases. */
export function getComputed(inv: Invocation, kind: 'ComponentStatus' | 'Lease'): number {
  const args = inv.flags.args;
  const names = args[0]!.includes('/') ? args.map((a) => a.slice(a.indexOf('/') + 1)) : args.slice(1);
  const output = str(inv.flags, 'output');
  if (output === 'wide' || /^(custom-columns|go-template|template)/.test(output)) throw new KubectlError(`output format "${output}" is not supported in this sandbox for ${kind === 'Lease' ? 'Leases' : 'ComponentStatuses'}`);
  let objects: KubeObject[];
  if (kind === 'ComponentStatus') {
    // The API server answers every request for them with this warning.
    inv.ctx.stderr('Warning: v1 ComponentStatus is deprecated in v1.19+\n');
    objects = COMPONENTS.map(componentStatus);
  } else {
    // kube-system holds the components' leader-election Leases, which the sandbox does not run; other namespaces hold none.
    if (bool(inv.flags, 'all-namespaces') || inv.namespace === 'kube-system') {
      throw new KubectlError(`leases.coordination.k8s.io for leader election (kube-system) are not supported in this sandbox: kubectl get leases -n ${NODE_LEASE_NAMESPACE} lists the nodes' heartbeats`);
    }
    objects = inv.namespace === NODE_LEASE_NAMESPACE ? nodeLeases(inv) : [];
  }
  const plural = kind === 'Lease' ? 'leases.coordination.k8s.io' : 'componentstatus';
  const missing = names.filter((n) => !objects.some((o) => o.metadata.name === n));
  if (names.length) objects = names.flatMap((n) => objects.filter((o) => o.metadata.name === n));
  if (output) {
    if (objects.length) printObjects(inv, objects, output, { single: names.length === 1 && objects.length === 1, noHeaders: bool(inv.flags, 'no-headers') });
  } else if (objects.length) {
    const w = tableWriter();
    if (!bool(inv.flags, 'no-headers')) w.write(`${kind === 'Lease' ? 'NAME\tHOLDER\tAGE' : 'NAME\tSTATUS\tMESSAGE\tERROR'}\n`);
    for (const o of objects) {
      const row = kind === 'Lease' ? `${o.metadata.name}\t${(o as unknown as { spec: { holderIdentity: string } }).spec.holderIdentity}\t${age(o.metadata.creationTimestamp, inv.cluster.now())}` : `${o.metadata.name}\tHealthy\tok\t`;
      w.write(`${row}\n`);
    }
    inv.ctx.stdout(w.flush());
  } else if (!names.length) {
    inv.ctx.stderr(`No resources found in ${inv.namespace} namespace.\n`);
  }
  if (missing.length) {
    inv.ctx.stderr(missing.map((n) => `Error from server (NotFound): ${plural} "${n}" not found\n`).join(''));
    return 1;
  }
  return 0;
}
