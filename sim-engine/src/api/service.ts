/** The core/v1 Service: a stable virtual IP and DNS name in front of a set of pods. */
import type { KubeObject } from './meta.ts';

/** ServicePort maps a Service port to a target port on the selected pods. */
export interface ServicePort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number | string;
  nodePort?: number;
}

/** Service selects pods by label and load-balances across the ready ones. */
export interface Service extends KubeObject {
  apiVersion: 'v1';
  kind: 'Service';
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    /** externalName is the DNS name an ExternalName Service is a CNAME for. */
    externalName?: string;
    sessionAffinity?: 'None' | 'ClientIP';
    ipFamilies?: string[];
    ipFamilyPolicy?: string;
    internalTrafficPolicy?: string;
    externalTrafficPolicy?: string;
  };
  status?: { loadBalancer?: Record<string, unknown> };
}
