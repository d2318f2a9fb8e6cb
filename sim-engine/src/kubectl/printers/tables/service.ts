/** The service table: CLUSTER-IP, EXTERNAL-IP and PORT(S) as printService renders them. */
import type { Service } from '../../../api/service.ts';
import { formatLabels } from '../labels.ts';
import { age } from './pod.ts';
import type { TableDef } from './table.ts';

/** servicePorts is the PORT(S) column: `80/TCP`, `80:31467/TCP`, comma-joined. */
export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** serviceExternalIP is the EXTERNAL-IP column. */
export function serviceExternalIP(svc: Service): string {
  const type = svc.spec.type ?? 'ClusterIP';
  if (type === 'LoadBalancer') return svc.spec.externalIPs?.length ? svc.spec.externalIPs.join(',') : '<pending>';
  if (type === 'ExternalName') return svc.spec.externalName ?? '';
  return svc.spec.externalIPs?.length ? svc.spec.externalIPs.join(',') : '<none>';
}

/** serviceTable is `kubectl get services`. */
export const serviceTable: TableDef<Service> = {
  columns: [
    { name: 'NAME' },
    { name: 'TYPE' },
    { name: 'CLUSTER-IP' },
    { name: 'EXTERNAL-IP' },
    { name: 'PORT(S)' },
    { name: 'AGE' },
    { name: 'SELECTOR', wide: true },
  ],
  row(svc, now) {
    return [
      svc.metadata.name!,
      svc.spec.type ?? 'ClusterIP',
      svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '<none>',
      serviceExternalIP(svc),
      servicePorts(svc),
      age(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec.selector),
    ];
  },
};
