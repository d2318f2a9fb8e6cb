/** The service strategy: defaults, a ClusterIP from the service range and a NodePort where asked. */
import type { Service, ServicePort } from '../../api/service.ts';
import { forbiddenField, invalidValue, required, unsupported } from '../validation/field.ts';
import { dns1035Label, dns1123Subdomain } from '../validation/names.ts';
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
    };
    // An ExternalName Service is only a DNS alias: no IP families, no cluster IP, no traffic policy.
    if (type !== 'ExternalName') {
      Object.assign(spec, {
        ipFamilies: svc.spec.ipFamilies ?? ['IPv4'],
        ipFamilyPolicy: svc.spec.ipFamilyPolicy ?? 'SingleStack',
        internalTrafficPolicy: svc.spec.internalTrafficPolicy ?? 'Cluster',
      });
    }
    if (type === 'NodePort' || type === 'LoadBalancer') spec.externalTrafficPolicy = spec.externalTrafficPolicy ?? 'Cluster';
    return { ...svc, spec, status: svc.status ?? { loadBalancer: {} } };
  },
  prepareForCreate(svc, ctx: StrategyContext) {
    if (svc.spec.type === 'ExternalName') return { ...svc, status: { loadBalancer: {} } };
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
    if (svc.spec.type === 'ExternalName') errs.push(...externalNameErrors(svc));
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

/** externalNameErrors are ValidateService's checks of an ExternalName Service: a CNAME target (a trailing dot allowed) and no IPs. */
function externalNameErrors(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  if (svc.spec.clusterIPs?.length || (svc.spec.clusterIP && svc.spec.clusterIP !== '')) errs.push(forbiddenField('spec.clusterIPs', 'may not be set for ExternalName services'));
  if (svc.spec.ipFamilies?.length) errs.push(forbiddenField('spec.ipFamilies', 'may not be set for ExternalName services'));
  if (svc.spec.ipFamilyPolicy) errs.push(forbiddenField('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
  const cname = (svc.spec.externalName ?? '').replace(/\.$/, '');
  errs.push(...(cname ? dns1123Subdomain('spec.externalName', cname) : [required('spec.externalName')]));
  return errs;
}
