/** core/v1 Endpoints and discovery.k8s.io/v1 EndpointSlice: the pods behind a Service. */
import type { ObjectReference } from './event.ts';
import type { KubeObject } from './meta.ts';

/** EndpointAddress is one pod IP in an Endpoints subset. */
export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: ObjectReference;
}

/** Endpoints lists the ready (and not-ready) addresses and ports of a Service's pods. */
export interface Endpoints extends KubeObject {
  apiVersion: 'v1';
  kind: 'Endpoints';
  subsets?: {
    addresses?: EndpointAddress[];
    notReadyAddresses?: EndpointAddress[];
    ports?: { name?: string; port: number; protocol?: string }[];
  }[];
}

/** EndpointSlice is the scalable successor of Endpoints, one of several per Service. */
export interface EndpointSlice extends KubeObject {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints?: {
    addresses: string[];
    conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
    nodeName?: string;
    targetRef?: ObjectReference;
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[];
}
