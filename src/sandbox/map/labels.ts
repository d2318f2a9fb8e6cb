/** Words for the map's boxes: accessible names, and the kubectl resource each box stands for. */
import type { LayoutItem } from './layout.ts';

/** MapTarget names an object for kubectl: `kubectl describe <resource> <name> -n <namespace>`. */
export interface MapTarget {
  resource: 'pod' | 'node' | 'service' | 'deployment' | 'replicaset';
  name: string;
  /** Undefined for cluster-scoped objects (nodes). */
  namespace?: string;
}

/** itemLabel is a box's accessible name, e.g. "Pod web-abc12, Running, 1/1 ready, on node-2". */
export function itemLabel(item: LayoutItem): string {
  switch (item.type) {
    case 'pod': {
      const p = item.pod;
      const ns = p.namespace === 'default' ? '' : ` in ${p.namespace}`;
      return `Pod ${p.name}${ns}, ${p.status}, ${p.ready} ready, ${p.node ? `on ${p.node}` : 'not scheduled'}${p.ownerName ? `, owned by ${p.ownerKind} ${p.ownerName}` : ''}`;
    }
    case 'node':
      if (item.tray) return `Pods not scheduled yet: ${item.podCount}`;
      return `Node ${item.name}${item.controlPlane ? ' (control plane)' : ''}, ${item.status}, ${item.podCount} pod${item.podCount === 1 ? '' : 's'} shown${item.hiddenSystem ? `, ${item.hiddenSystem} kube-system pods hidden` : ''}`;
    case 'service':
      return `Service ${item.service.name}, ${item.service.type} ${item.service.clusterIP}, sends traffic to ${item.service.pods.length} pod${item.service.pods.length === 1 ? '' : 's'}`;
    case 'deployment':
      return item.deployment ? `Deployment ${item.deployment.name}, ${item.deployment.ready} of ${item.deployment.desired} ready, ${item.deployment.updated} up to date` : item.title;
    case 'replicaset':
      return `ReplicaSet ${item.rs.name}${item.rs.revision ? `, revision ${item.rs.revision}` : ''}, ${item.rs.current} of ${item.rs.desired} pods, ${item.rs.ready} ready`;
    case 'link':
      return '';
  }
}

/** targetOf is the object a box stands for, or undefined for boxes that are not objects. */
export function targetOf(item: LayoutItem): MapTarget | undefined {
  switch (item.type) {
    case 'pod':
      return { resource: 'pod', name: item.pod.name, namespace: item.pod.namespace };
    case 'node':
      return item.tray ? undefined : { resource: 'node', name: item.name };
    case 'service':
      return { resource: 'service', name: item.service.name, namespace: item.service.namespace };
    case 'deployment':
      return item.deployment ? { resource: 'deployment', name: item.deployment.name, namespace: item.deployment.namespace } : undefined;
    case 'replicaset':
      return { resource: 'replicaset', name: item.rs.name, namespace: item.rs.namespace };
    case 'link':
      return undefined;
  }
}

/** kubectlFor builds the describe and YAML commands for a target. */
export function kubectlFor(t: MapTarget): { describe: string; yaml: string } {
  const ns = t.namespace ? ` -n ${t.namespace}` : '';
  return { describe: `kubectl describe ${t.resource} ${t.name}${ns}`, yaml: `kubectl get ${t.resource} ${t.name}${ns} -o yaml` };
}
