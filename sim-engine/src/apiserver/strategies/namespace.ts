/** The namespace strategy: every namespace is labelled with its name and starts Active. */
import type { Namespace } from '../../api/namespace.ts';
import { dns1123Label } from '../validation/names.ts';
import type { Strategy } from './strategy.ts';

/** namespaceStrategy admits namespaces. */
export const namespaceStrategy: Strategy<Namespace> = {
  nameCheck: dns1123Label,
  prepareForCreate(ns) {
    return {
      ...ns,
      metadata: { ...ns.metadata, labels: { ...ns.metadata.labels, 'kubernetes.io/metadata.name': ns.metadata.name! } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    };
  },
};
