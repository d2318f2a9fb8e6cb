/** `kubectl expose`'s flags with kubectl 1.32's help texts. */
import type { FlagSpec } from '../flags.ts';
import { DRY_RUN_FLAG, fieldManager, OUTPUT_FLAGS } from './manifest-flags.ts';

/** EXPOSE_FLAGS are expose's flags. */
export const EXPOSE_FLAGS: readonly FlagSpec[] = [
  ...OUTPUT_FLAGS,
  DRY_RUN_FLAG,
  fieldManager('kubectl-expose'),
  { name: 'cluster-ip', type: 'string', default: "''", help: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
  { name: 'external-ip', type: 'string', default: "''", help: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
  { name: 'filename', short: 'f', type: 'stringArray', default: '[]', help: 'Filename, directory, or URL to files identifying the resource to expose a service' },
  { name: 'kustomize', short: 'k', type: 'string', default: "''", help: "Process the kustomization directory. This flag can't be used together with -f or -R." },
  { name: 'labels', short: 'l', type: 'string', default: "''", help: 'Labels to apply to the service created by this call.' },
  { name: 'load-balancer-ip', type: 'string', default: "''", help: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
  { name: 'name', type: 'string', default: "''", help: 'The name for the newly created object.' },
  { name: 'override-type', type: 'string', default: "'merge'", help: 'The method used to override the generated object: json, merge, or strategic.' },
  { name: 'overrides', type: 'string', default: "''", help: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
  { name: 'port', type: 'string', default: "''", help: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
  { name: 'protocol', type: 'string', default: "''", help: "The network protocol for the service to be created. Default is 'TCP'." },
  { name: 'recursive', short: 'R', type: 'bool', default: 'false', help: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'save-config', type: 'bool', default: 'false', help: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  { name: 'selector', type: 'string', default: "''", help: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
  { name: 'session-affinity', type: 'string', default: "''", help: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
  { name: 'target-port', type: 'string', default: "''", help: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
  { name: 'type', type: 'string', default: "''", help: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
];
