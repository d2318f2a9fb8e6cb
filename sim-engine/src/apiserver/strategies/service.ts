/** The service strategy: defaults, a ClusterIP from the service range and a NodePort where asked. */
import type { Service, ServicePort } from '../../api/service.ts';
import { invalidValue, required, unsupported } from '../validation/field.ts';
import { dns1035Label } from '../validation/names.ts';
import type { FieldError } from '../errors.ts';
import type { Strategy, StrategyContext } from './strategy.ts';
import { allocateClusterIP, allocateNodePort } from '../../network/service-ips.ts';

/** serviceStrategy admits services. */
export const serviceStrategy: Strategy<Service> = {
  nameCheck: dns1035Label,
  defaults(svc) {
    const type = svc.spec.type ?? 'ClusterIP';
    const spec: Service['spec'] = {
      ...svc.spec,
      type,
      sessionAffinity: svc.spec.sessionAffinity ?? 'None',
      ports: svc.spec.ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP', targetPort: p.targetPort ?? p.port })),
      ipFamilies: svc.spec.ipFamilies ?? ['IPv4'],
      ipFamilyPolicy: svc.spec.ipFamilyPolicy ?? 'SingleStack',
      internalTrafficPolicy: svc.spec.internalTrafficPolicy ?? 'Cluster',
    };
    if (type === 'NodePort' || type === 'LoadBalancer') spec.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
    return { ...svc, spec, status: svc.status ?? { loadBalancer: {} } };
  },
  prepareForCreate(svc, ctx: StrategyContext) {
    const ip = svc.spec.clusterIP ?? allocateClusterIP(ctx.store, ctx.random);
    const needsNodePort = svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer';
    const taken = new Set<number>();
    const ports: ServicePort[] | undefined = svc.spec.ports?.map((p) => {
      if (!needsNodePort || p.nodePort) return p;
      const nodePort = allocateNodePort(ctx.store, ctx.random, taken);
      taken.add(nodePort);
      return { ...p, nodePort };
    });
    return { ...svc, spec: { ...svc.spec, clusterIP: ip, clusterIPs: [ip], ports }, status: { loadBalancer: {} } };
  },
  validate(svc, ctx) {
    const errs: FieldError[] = [];
    // NodePorts held by other services (an update of the holder is no clash).
    const allocated = new Set(
      (ctx.store.list('Service') as Service[])
        .filter((o) => o.metadata.namespace !== (svc.metadata.namespace || 'default') || o.metadata.name !== svc.metadata.name)
        .flatMap((o) => (o.spec.ports ?? []).map((p) => p.nodePort)),
    );
    const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
    if (svc.spec.type && !types.includes(svc.spec.type)) errs.push(unsupported('spec.type', svc.spec.type, types));
    if (!svc.spec.ports?.length && svc.spec.type !== 'ExternalName') errs.push(required('spec.ports'));
    (svc.spec.ports ?? []).forEach((p, i) => {
      if (!(p.port >= 1 && p.port <= 65535)) errs.push(invalidValue(`spec.ports[${i}].port`, p.port, 'must be between 1 and 65535, inclusive'));
      if (p.nodePort !== undefined && !(p.nodePort >= 30000 && p.nodePort <= 32767)) {
        errs.push(invalidValue(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is not in the valid range. The range of valid ports is 30000-32767'));
      } else if (p.nodePort !== undefined && allocated.has(p.nodePort)) {
        errs.push(invalidValue(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
      }
      if ((svc.spec.ports?.length ?? 0) > 1 && !p.name) errs.push(required(`spec.ports[${i}].name`));
    });
    return errs;
  },
};
