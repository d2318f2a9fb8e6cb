/** Field schemas of core/v1 Service. */
import './meta.ts';
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  Service: { ...TYPE_META, metadata: 'ObjectMeta', spec: 'ServiceSpec', status: 'any' },
  ServiceSpec: {
    ports: '[]ServicePort merge:port',
    selector: 'map[string]string',
    clusterIP: 'string',
    clusterIPs: '[]string',
    type: 'string(ServiceType)',
    externalIPs: '[]string',
    sessionAffinity: 'string(ServiceAffinity)',
    loadBalancerIP: 'string',
    loadBalancerSourceRanges: '[]string',
    externalName: 'string',
    externalTrafficPolicy: 'string(ServiceExternalTrafficPolicy)',
    healthCheckNodePort: 'int32',
    publishNotReadyAddresses: 'bool',
    sessionAffinityConfig: 'SessionAffinityConfig',
    ipFamilies: '[]string(IPFamily)',
    ipFamilyPolicy: 'string(IPFamilyPolicy)',
    allocateLoadBalancerNodePorts: 'bool',
    loadBalancerClass: 'string',
    internalTrafficPolicy: 'string(ServiceInternalTrafficPolicy)',
    trafficDistribution: 'string',
  },
  ServicePort: { name: 'string', protocol: 'string(Protocol)', appProtocol: 'string', port: 'int32', targetPort: 'intstr', nodePort: 'int32' },
  SessionAffinityConfig: { clientIP: 'ClientIPConfig' },
  ClientIPConfig: { timeoutSeconds: 'int32' },
});
