/**
 * Kinds a real Kubernetes 1.32 cluster serves but this sandbox does not simulate. A manifest of
 * one of them is refused honestly ("... are not supported in this sandbox") instead of being
 * reported as an unknown kind.
 */

const KINDS: Record<string, string[]> = {
  v1: ['Binding', 'ComponentStatus', 'ConfigMap', 'LimitRange', 'PersistentVolume', 'PersistentVolumeClaim', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'ServiceAccount'],
  'apps/v1': ['ControllerRevision', 'StatefulSet'],
  'batch/v1': ['CronJob', 'Job'],
  'autoscaling/v1': ['HorizontalPodAutoscaler'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'policy/v1': ['PodDisruptionBudget'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'rbac.authorization.k8s.io/v1': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
  'storage.k8s.io/v1': ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
  'apiextensions.k8s.io/v1': ['CustomResourceDefinition'],
  'coordination.k8s.io/v1': ['Lease'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'node.k8s.io/v1': ['RuntimeClass'],
  'events.k8s.io/v1': ['Event'],
  'certificates.k8s.io/v1': ['CertificateSigningRequest'],
  'admissionregistration.k8s.io/v1': ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
};

/** unsimulatedKind returns the kind's qualified resource (`configmaps`, `jobs.batch`) when a real cluster has it but the sandbox does not. */
export function unsimulatedKind(apiVersion: string, kind: string): string | undefined {
  if (!KINDS[apiVersion]?.includes(kind)) return undefined;
  const plural = kind.endsWith('s') ? `${kind.toLowerCase()}es` : kind.endsWith('y') ? `${kind.toLowerCase().slice(0, -1)}ies` : `${kind.toLowerCase()}s`;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return group ? `${plural}.${group}` : plural;
}
