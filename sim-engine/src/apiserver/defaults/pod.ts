/**
 * Pod defaulting: what the API server fills in (defaulters plus admission) so that a stored
 * pod has a real cluster's shape. Template defaults apply to pod templates too; the rest only
 * to real pods.
 */
import type { Container, Pod, PodSpec } from '../../api/pod.ts';
import type { Random } from '../../random.ts';
import { freezeOwned } from '../../util/stored.ts';

/** defaultImagePullPolicy is Always for `:latest` or untagged images, else IfNotPresent. */
export function defaultImagePullPolicy(image: string | undefined): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'Always';
  return image.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Container): Container {
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultImagePullPolicy(c.image),
    ports: c.ports?.map((p) => ({ ...p, protocol: p.protocol ?? 'TCP' })),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy ?? 'File',
    readinessProbe: c.readinessProbe && defaultProbe(c.readinessProbe),
    livenessProbe: c.livenessProbe && defaultProbe(c.livenessProbe),
    startupProbe: c.startupProbe && defaultProbe(c.startupProbe),
  };
}

function defaultProbe<P extends NonNullable<Container['readinessProbe']>>(p: P): P {
  return {
    ...p,
    httpGet: p.httpGet && { ...p.httpGet, path: p.httpGet.path ?? '/', scheme: p.httpGet.scheme ?? 'HTTP' },
    timeoutSeconds: p.timeoutSeconds ?? 1,
    periodSeconds: p.periodSeconds ?? 10,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

/** defaultPodTemplateSpec applies the defaults that templates in ReplicaSets and Deployments get too. */
export function defaultPodTemplateSpec(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: spec.containers.map(defaultContainer),
    initContainers: spec.initContainers?.map(defaultContainer),
    dnsPolicy: spec.dnsPolicy ?? 'ClusterFirst',
    restartPolicy: spec.restartPolicy ?? 'Always',
    schedulerName: spec.schedulerName ?? 'default-scheduler',
    securityContext: spec.securityContext ?? {},
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
  };
}

const MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** defaultPod applies template defaults plus what admission adds to real pods (service account, tolerations, token volume). */
export function defaultPod(pod: Pod, random: Random): Pod {
  const spec = defaultPodTemplateSpec(pod.spec);
  // Mirror pods of static pods skip the service-account and toleration admission plugins.
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) return { ...pod, spec: { ...spec, enableServiceLinks: spec.enableServiceLinks ?? true } };
  const account = spec.serviceAccountName ?? spec.serviceAccount ?? 'default';
  const volumeName = `kube-api-access-${random.string(5)}`;
  const mount = { mountPath: MOUNT_PATH, name: volumeName, readOnly: true };
  const withMount = (c: Container): Container =>
    c.volumeMounts?.some((m) => m.mountPath === MOUNT_PATH) ? c : { ...c, volumeMounts: [...(c.volumeMounts ?? []), mount] };
  return {
    ...pod,
    spec: {
      ...spec,
      containers: spec.containers.map(withMount),
      initContainers: spec.initContainers?.map(withMount),
      enableServiceLinks: spec.enableServiceLinks ?? true,
      preemptionPolicy: spec.preemptionPolicy ?? 'PreemptLowerPriority',
      priority: spec.priority ?? 0,
      serviceAccount: account,
      serviceAccountName: account,
      tolerations: withDefaultTolerations(spec.tolerations),
      volumes: [...(spec.volumes ?? []), tokenVolume(volumeName)],
    },
  };
}

// What admission adds to every pod is the same for all of them: one frozen copy is shared, as
// stored objects share their unchanged parts anyway (the store freezes what it keeps).
const DEFAULT_TOLERATIONS = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) =>
  freezeOwned({ effect: 'NoExecute' as const, key, operator: 'Exists' as const, tolerationSeconds: 300 }),
);

function withDefaultTolerations(tolerations: PodSpec['tolerations']): PodSpec['tolerations'] {
  const out = [...(tolerations ?? [])];
  for (const t of DEFAULT_TOLERATIONS) {
    if (!out.some((x) => x.key === t.key && (x.effect === 'NoExecute' || !x.effect))) out.push(t);
  }
  return out;
}

const TOKEN_PROJECTION = freezeOwned({
  defaultMode: 420,
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
    { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
  ],
});

function tokenVolume(name: string) {
  return { name, projected: TOKEN_PROJECTION };
}
