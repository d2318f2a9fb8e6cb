/** The core/v1 Pod and the types inside it, limited to the fields the simulator models. */
import type { KubeObject, ObjectMeta } from './meta.ts';

/** ContainerPort is a port a container listens on. */
export interface ContainerPort {
  name?: string;
  containerPort: number;
  hostPort?: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** EnvVar is one environment variable of a container. */
export interface EnvVar {
  name: string;
  value?: string;
  /** Where the value comes from instead (a field of the pod, a ConfigMap key, …); not simulated. */
  valueFrom?: Record<string, unknown>;
}

/** ResourceRequirements holds requests and limits such as cpu: 100m, memory: 64Mi. */
export interface ResourceRequirements {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

/** Probe is a readiness, liveness or startup check. */
export interface Probe {
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: { name: string; value: string }[] };
  tcpSocket?: { port: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  terminationGracePeriodSeconds?: number;
}

/** VolumeMount mounts a pod volume into a container. */
export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

/** Container is one container of a pod's spec. */
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: ContainerPort[];
  env?: EnvVar[];
  resources?: ResourceRequirements;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  terminationMessagePath?: string;
  terminationMessagePolicy?: string;
  volumeMounts?: VolumeMount[];
  /** securityContext (privileged, capabilities, …) is kept and shown, not enforced. */
  securityContext?: Record<string, unknown>;
  /** stdin keeps the main process's stdin open for `kubectl attach` (kubectl run -i sets it, with stdinOnce and tty for -t). */
  stdin?: boolean;
  stdinOnce?: boolean;
  tty?: boolean;
}

/** Toleration lets a pod be scheduled onto (or stay on) a node with a matching taint. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

/** Volume is a pod-level volume; only the kinds the simulator shows are typed. */
export interface Volume {
  name: string;
  emptyDir?: Record<string, unknown>;
  projected?: Record<string, unknown>;
  configMap?: Record<string, unknown>;
  hostPath?: { path: string; type?: string };
}

/** PodSpec is the desired state of a pod. */
export interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  terminationGracePeriodSeconds?: number;
  dnsPolicy?: string;
  schedulerName?: string;
  securityContext?: Record<string, unknown>;
  serviceAccount?: string;
  serviceAccountName?: string;
  enableServiceLinks?: boolean;
  preemptionPolicy?: string;
  priority?: number;
  priorityClassName?: string;
  hostNetwork?: boolean;
  hostname?: string;
  volumes?: Volume[];
  affinity?: Record<string, unknown>;
}

/** PodCondition is one entry of status.conditions. */
export interface PodCondition {
  type: 'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled';
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

/** ContainerStateRunning, Waiting and Terminated are the three states a container can be in. */
export interface ContainerState {
  running?: { startedAt: string };
  waiting?: { reason: string; message?: string };
  terminated?: {
    exitCode: number;
    signal?: number;
    reason?: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    containerID?: string;
  };
}

/** ContainerStatus is the kubelet's report on one container. */
export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState;
  volumeMounts?: (VolumeMount & { recursiveReadOnly?: string })[];
}

/** PodPhase is the coarse summary of where a pod is in its lifecycle. */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** PodStatus is the observed state of a pod, written by the scheduler and the kubelet. */
export interface PodStatus {
  phase?: PodPhase;
  conditions?: PodCondition[];
  containerStatuses?: ContainerStatus[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  initContainerStatuses?: ContainerStatus[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: 'BestEffort' | 'Burstable' | 'Guaranteed';
  reason?: string;
  message?: string;
  nominatedNodeName?: string;
}

/** Pod is the smallest deployable unit: one or more containers sharing a network namespace. */
export interface Pod extends KubeObject {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
  status?: PodStatus;
}
