/** The apps/v1 workload kinds the simulator runs: ReplicaSet and Deployment. */
import type { KubeObject, LabelSelector, ObjectMeta } from './meta.ts';
import type { PodSpec } from './pod.ts';

/** PodTemplateSpec is the pod a controller stamps out: metadata plus spec. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec: PodSpec;
}

/** ReplicaSetCondition is one entry of a ReplicaSet's status.conditions (e.g. ReplicaFailure). */
export interface ReplicaSetCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** ReplicaSet keeps a number of identical pods running. */
export interface ReplicaSet extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  spec: {
    replicas?: number;
    minReadySeconds?: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
  };
  status?: {
    replicas: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
    conditions?: ReplicaSetCondition[];
  };
}

/** IntOrString is a count or a percentage such as "25%". */
export type IntOrString = number | string;

/** DeploymentCondition is Available, Progressing or ReplicaFailure. */
export interface DeploymentCondition {
  type: 'Available' | 'Progressing' | 'ReplicaFailure';
  status: 'True' | 'False' | 'Unknown';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** Deployment declares a pod template and rolls ReplicaSets to reach it. */
export interface Deployment extends KubeObject {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    strategy?: { type?: 'RollingUpdate' | 'Recreate'; rollingUpdate?: { maxSurge?: IntOrString; maxUnavailable?: IntOrString } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    paused?: boolean;
  };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: DeploymentCondition[];
    collisionCount?: number;
  };
}
