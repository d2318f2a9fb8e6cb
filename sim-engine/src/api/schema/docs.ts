/**
 * Documentation for `kubectl explain`: a description of every field of the schemas in this
 * folder (keyed `Struct.field`), the types' own descriptions, and which fields are required or
 * take one of a fixed set of values. The text is this course's own; the field lists stay in the
 * schema files.
 */
import { DAEMONSET_DOCS, DAEMONSET_TYPES } from './docs-daemonset.ts';
import { MORE_DOCS } from './docs-more.ts';
import { POD_DOCS, POD_TYPES } from './docs-pod.ts';

/** FieldDoc is what explain prints about one field. */
export interface FieldDoc {
  description?: string;
  required?: boolean;
  enum?: string[];
}

const API_DOCS: Record<string, string> = {
  'apiVersion': 'The versioned schema of this object, such as v1 or apps/v1. Servers convert recognised schemas to the latest internal value.',
  'kind': 'The type of this object, in CamelCase, such as Pod or Deployment. Cannot be updated.',
  'metadata': "The object's metadata: name, namespace, labels, annotations and owner references.",
  'status': 'The most recently observed state of the object. Written by the system; read-only.',
  'Pod.spec': 'The desired behaviour of the pod: its containers, volumes and scheduling.',
  'Deployment.spec': 'The desired state of the Deployment: how many replicas of which pod template, and how to roll out changes.',
  'ReplicaSet.spec': 'The desired state of the ReplicaSet: how many pods of which template.',
  'Service.spec': 'How the Service exposes pods: selector, ports and type.',
  'Namespace.spec': 'The desired state of the namespace.',
  'Node.spec': 'How the node is configured: pod CIDR, taints, and whether it takes new pods.',
  'ObjectMeta.name': 'Name of the object, unique within its namespace and kind. Usually a DNS subdomain such as web-7c5ddbdf54.',
  'ObjectMeta.generateName': 'A prefix the server completes with random characters when name is empty.',
  'ObjectMeta.namespace': 'The namespace the object lives in. Empty for cluster-scoped objects; defaults to "default".',
  'ObjectMeta.selfLink': 'Deprecated and always empty.',
  'ObjectMeta.uid': 'Unique identifier the server gives the object for its whole life. Read-only.',
  'ObjectMeta.resourceVersion': 'Opaque version of the object, changed on every write; used for optimistic concurrency and watches. Read-only.',
  'ObjectMeta.generation': 'Sequence number of the desired state; grows when the spec changes. Read-only.',
  'ObjectMeta.creationTimestamp': 'When the object was created, in UTC. Read-only.',
  'ObjectMeta.deletionTimestamp': 'When the object will be deleted; set when deletion is requested. Read-only.',
  'ObjectMeta.deletionGracePeriodSeconds': 'Seconds the object has to terminate gracefully before it is removed. Read-only.',
  'ObjectMeta.labels': 'Key/value pairs used to organise and select objects, as Services and ReplicaSets do.',
  'ObjectMeta.annotations': 'Key/value pairs for tools and people; not used for selection.',
  'ObjectMeta.ownerReferences': 'The objects this one depends on. When every owner is gone the object is garbage collected.',
  'ObjectMeta.finalizers': 'Keys that must be removed before a deleted object is finally removed.',
  'ObjectMeta.managedFields': 'Which field manager set which fields, for server-side apply.',
  'OwnerReference.apiVersion': 'API version of the owner.',
  'OwnerReference.kind': 'Kind of the owner.',
  'OwnerReference.name': 'Name of the owner.',
  'OwnerReference.uid': 'UID of the owner.',
  'OwnerReference.controller': 'True when the owner is the managing controller. At most one owner can be.',
  'OwnerReference.blockOwnerDeletion': 'Keep a foreground deletion of the owner waiting until this object is gone.',
  'ManagedFieldsEntry.manager': 'The field manager.',
  'ManagedFieldsEntry.operation': 'Apply or Update.',
  'ManagedFieldsEntry.apiVersion': 'API version the fields are described in.',
  'ManagedFieldsEntry.time': 'When the fields were last changed.',
  'ManagedFieldsEntry.fieldsType': 'Format of fieldsV1.',
  'ManagedFieldsEntry.fieldsV1': 'The fields managed.',
  'ManagedFieldsEntry.subresource': 'Subresource the change was made through.',
  'LabelSelector.matchLabels': 'Labels an object must have, all of them, with these values.',
  'LabelSelector.matchExpressions': 'Set-based requirements, all of which must hold.',
  'LabelSelectorRequirement.key': 'The label key.',
  'LabelSelectorRequirement.operator': 'In, NotIn, Exists or DoesNotExist.',
  'LabelSelectorRequirement.values': 'Values for In and NotIn; must be empty for Exists and DoesNotExist.',
  'DeploymentSpec.replicas': 'Number of pods wanted. Defaults to 1.',
  'DeploymentSpec.selector': "Label selector of the Deployment's pods. Must match the template's labels; immutable in apps/v1.",
  'DeploymentSpec.template': 'The pods to create. Changing it starts a rollout.',
  'DeploymentSpec.strategy': 'How old pods are replaced by new ones.',
  'DeploymentSpec.minReadySeconds': 'Seconds a new pod must be ready, without crashing, to count as available. Defaults to 0.',
  'DeploymentSpec.revisionHistoryLimit': 'Old ReplicaSets kept for rollback. Defaults to 10.',
  'DeploymentSpec.paused': 'While true, template changes do not start a rollout.',
  'DeploymentSpec.progressDeadlineSeconds': 'Seconds without progress before the rollout is reported as failed. Defaults to 600.',
  'DeploymentStrategy.type': 'RollingUpdate (the default) replaces pods gradually; Recreate deletes all old pods first.',
  'DeploymentStrategy.rollingUpdate': 'How fast a RollingUpdate goes. Only for type RollingUpdate.',
  'RollingUpdateDeployment.maxUnavailable': 'How many pods (a number or a percentage of replicas) may be unavailable during the update. Defaults to 25%.',
  'RollingUpdateDeployment.maxSurge': 'How many pods (a number or a percentage of replicas) may exist above replicas during the update. Defaults to 25%.',
  'ReplicaSetSpec.replicas': 'Number of pods wanted. Defaults to 1.',
  'ReplicaSetSpec.minReadySeconds': 'Seconds a new pod must be ready to count as available. Defaults to 0.',
  'ReplicaSetSpec.selector': "Label selector of the ReplicaSet's pods. Must match the template's labels.",
  'ReplicaSetSpec.template': 'The pods to create when there are too few.',
  'ServiceSpec.ports': 'The ports the Service exposes.',
  'ServiceSpec.selector': 'Traffic goes to the ready pods with these labels. Without a selector, endpoints are managed by hand.',
  'ServiceSpec.clusterIP': 'The virtual IP of the Service, allocated from the service range unless given. "None" makes a headless Service.',
  'ServiceSpec.clusterIPs': 'The Service IPs, one per IP family; the first equals clusterIP.',
  'ServiceSpec.type': 'How the Service is exposed: ClusterIP (the default), NodePort, LoadBalancer or ExternalName.',
  'ServiceSpec.externalIPs': 'Extra IPs, routed to a node, at which the Service also answers.',
  'ServiceSpec.sessionAffinity': 'ClientIP sends each client to the same pod; None (the default) balances every connection.',
  'ServiceSpec.loadBalancerIP': 'Deprecated: the load balancer IP to ask for.',
  'ServiceSpec.loadBalancerSourceRanges': 'Client ranges the cloud load balancer accepts.',
  'ServiceSpec.externalName': 'The DNS name an ExternalName Service is an alias for.',
  'ServiceSpec.externalTrafficPolicy': 'Cluster spreads external traffic over all endpoints; Local only uses the receiving node\'s.',
  'ServiceSpec.healthCheckNodePort': 'Health check port for type LoadBalancer with Local traffic policy.',
  'ServiceSpec.publishNotReadyAddresses': 'Publish endpoints of pods that are not ready.',
  'ServiceSpec.sessionAffinityConfig': 'Settings of ClientIP session affinity.',
  'ServiceSpec.ipFamilies': 'IPv4, IPv6 or both.',
  'ServiceSpec.ipFamilyPolicy': 'SingleStack, PreferDualStack or RequireDualStack.',
  'ServiceSpec.allocateLoadBalancerNodePorts': 'Allocate node ports for type LoadBalancer. Defaults to true.',
  'ServiceSpec.loadBalancerClass': 'The load balancer implementation to use.',
  'ServiceSpec.internalTrafficPolicy': 'Cluster routes in-cluster traffic to all endpoints; Local only to those on the same node.',
  'ServiceSpec.trafficDistribution': 'A preference for how traffic is spread, such as PreferClose.',
  'ServicePort.name': 'Name of the port; required when there are several. Becomes part of the port\'s DNS SRV name.',
  'ServicePort.protocol': 'TCP (the default), UDP or SCTP.',
  'ServicePort.appProtocol': 'The application protocol, such as http or kubernetes.io/h2c.',
  'ServicePort.port': 'The port the Service listens on.',
  'ServicePort.targetPort': 'The port (number or container port name) traffic is sent to on the pods. Defaults to port.',
  'ServicePort.nodePort': 'For NodePort and LoadBalancer: the port on every node, 30000-32767, allocated unless given.',
  'SessionAffinityConfig.clientIP': 'Settings of ClientIP affinity.',
  'ClientIPConfig.timeoutSeconds': 'How long a client sticks to its pod. Defaults to 10800 (3 hours).',
  'NamespaceSpec.finalizers': 'Finalizers that must finish before the namespace is removed.',
  'NodeSpec.podCIDR': 'The pod IP range of this node.',
  'NodeSpec.podCIDRs': 'The pod IP ranges of this node, one per IP family.',
  'NodeSpec.providerID': 'The ID of the node at its cloud provider.',
  'NodeSpec.unschedulable': 'When true (kubectl cordon), no new pods are scheduled onto the node.',
  'NodeSpec.taints': 'Taints that repel pods which do not tolerate them.',
  'NodeSpec.configSource': 'Deprecated.',
  'NodeSpec.externalID': 'Deprecated.',
  'Taint.key': 'The taint key.',
  'Taint.value': 'The taint value.',
  'Taint.effect': 'NoSchedule, PreferNoSchedule or NoExecute.',
  'Taint.timeAdded': 'When a NoExecute taint was added.',
};

const TYPES: Record<string, string> = {
  ...POD_TYPES,
  ...DAEMONSET_TYPES,
  Pod: 'A Pod is one or more containers that share a network namespace and storage and are scheduled together onto a node. Pods are created by users or controllers and run by the kubelet.',
  Deployment: 'A Deployment keeps a number of identical pods running from a pod template and rolls out template changes through ReplicaSets.',
  ReplicaSet: 'A ReplicaSet keeps a given number of pods matching its selector running.',
  Service: 'A Service gives a set of pods one stable virtual IP and DNS name and load-balances traffic across the ready ones.',
  Namespace: 'A Namespace is a scope for names; most objects live in exactly one.',
  Node: 'A Node is a machine that runs pods. Each node runs a kubelet, which registers it.',
  ObjectMeta: 'ObjectMeta is the metadata every persisted object has.',
  OwnerReference: 'OwnerReference identifies an object this one belongs to.',
  LabelSelector: 'A label selector picks objects by label. The requirements are ANDed; an empty selector matches everything.',
  LabelSelectorRequirement: 'A requirement on one label key.',
  DeploymentSpec: 'DeploymentSpec is the desired state of a Deployment.',
  DeploymentStrategy: 'DeploymentStrategy says how pods are replaced during a rollout.',
  RollingUpdateDeployment: 'Controls the pace of a rolling update.',
  ReplicaSetSpec: 'ReplicaSetSpec is the desired state of a ReplicaSet.',
  ServiceSpec: 'ServiceSpec describes how a Service is exposed.',
  ServicePort: 'ServicePort is one port a Service exposes.',
  NamespaceSpec: 'NamespaceSpec is the desired state of a Namespace.',
  NodeSpec: 'NodeSpec is the configuration of a node.',
  Taint: 'A taint on a node repels pods that do not tolerate it.',
  Quantity: 'A Quantity is a number with an optional unit suffix, such as 100m (0.1 CPU), 1, 64Mi or 2Gi. Binary suffixes Ki, Mi, Gi and Ti are powers of 1024; k, M, G and T are powers of 1000.',
  Time: 'Time is a timestamp, written in RFC 3339 form such as 2026-01-12T09:00:00Z.',
  IntOrString: 'IntOrString holds either a number or a string, such as 80 or "http", or 1 or "25%".',
};

const REQUIRED = new Set([
  'PodSpec.containers', 'Container.name', 'ContainerPort.containerPort', 'EnvVar.name', 'VolumeMount.name', 'VolumeMount.mountPath',
  'Volume.name', 'DeploymentSpec.selector', 'DeploymentSpec.template', 'ReplicaSetSpec.selector', 'DaemonSetSpec.selector', 'DaemonSetSpec.template', 'ServicePort.port',
  'LabelSelectorRequirement.key', 'LabelSelectorRequirement.operator', 'Taint.key', 'Taint.effect', 'OwnerReference.apiVersion',
  'OwnerReference.kind', 'OwnerReference.name', 'OwnerReference.uid', 'HTTPGetAction.port', 'TCPSocketAction.port', 'GRPCAction.port',
  'HTTPHeader.name', 'HTTPHeader.value', 'HostPathVolumeSource.path', 'KeyToPath.key', 'KeyToPath.path', 'ObjectFieldSelector.fieldPath',
  'ResourceFieldSelector.resource', 'ConfigMapKeySelector.key', 'SecretKeySelector.key', 'NodeSelector.nodeSelectorTerms',
  'NodeSelectorRequirement.key', 'NodeSelectorRequirement.operator', 'PodAffinityTerm.topologyKey', 'WeightedPodAffinityTerm.weight',
  'WeightedPodAffinityTerm.podAffinityTerm', 'PreferredSchedulingTerm.weight', 'PreferredSchedulingTerm.preference',
  'TopologySpreadConstraint.maxSkew', 'TopologySpreadConstraint.topologyKey', 'TopologySpreadConstraint.whenUnsatisfiable',
  'HostAlias.ip', 'Sysctl.name', 'Sysctl.value', 'ResourceClaim.name', 'ContainerResizePolicy.resourceName', 'ContainerResizePolicy.restartPolicy',
  'ServiceAccountTokenProjection.path', 'DownwardAPIVolumeFile.path', 'CSIVolumeSource.driver', 'NFSVolumeSource.server', 'NFSVolumeSource.path',
  'PersistentVolumeClaimVolumeSource.claimName', 'SeccompProfile.type', 'AppArmorProfile.type', 'PodReadinessGate.conditionType', 'PodOS.name',
  'PodSchedulingGate.name', 'PodResourceClaim.name', 'VolumeDevice.name', 'VolumeDevice.devicePath', 'SleepAction.seconds',
]);

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const EFFECTS = ['NoExecute', 'NoSchedule', 'PreferNoSchedule'];
const PULL = ['Always', 'IfNotPresent', 'Never'];
const ENUMS: Record<string, string[]> = {
  'Container.imagePullPolicy': PULL,
  'Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'Container.restartPolicy': ['Always'],
  'PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'PodSpec.preemptionPolicy': ['Never', 'PreemptLowerPriority'],
  'ContainerPort.protocol': PROTOCOLS,
  'ServicePort.protocol': PROTOCOLS,
  'ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'ServiceSpec.ipFamilyPolicy': ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  'DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'DaemonSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'Taint.effect': EFFECTS,
  'Toleration.effect': EFFECTS,
  'Toleration.operator': ['Equal', 'Exists'],
  'HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'HostPathVolumeSource.type': ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
  'TopologySpreadConstraint.whenUnsatisfiable': ['DoNotSchedule', 'ScheduleAnyway'],
  'SeccompProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'AppArmorProfile.type': ['Localhost', 'RuntimeDefault', 'Unconfined'],
  'VolumeMount.mountPropagation': ['Bidirectional', 'HostToContainer', 'None'],
  'ImageVolumeSource.pullPolicy': PULL,
  'NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'PodSecurityContext.fsGroupChangePolicy': ['Always', 'OnRootMismatch'],
};

/** fieldDoc returns what explain knows about `struct.field`. */
export function fieldDoc(struct: string, field: string): FieldDoc {
  const key = `${struct}.${field}`;
  const description = POD_DOCS[key] ?? MORE_DOCS[key] ?? DAEMONSET_DOCS[key] ?? API_DOCS[key] ?? API_DOCS[field];
  return { description, required: REQUIRED.has(key) || undefined, enum: ENUMS[key] };
}

/** typeDoc returns a type's own description (Pod, PodSpec, Quantity...). */
export function typeDoc(name: string): string | undefined {
  return TYPES[name];
}
