/** Field schemas of apps/v1 Deployment. */
import './pod.ts';
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  Deployment: { ...TYPE_META, metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'any' },
  DeploymentSpec: {
    replicas: 'int32',
    selector: 'LabelSelector',
    template: 'PodTemplateSpec',
    strategy: 'DeploymentStrategy retainKeys',
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    paused: 'bool',
    progressDeadlineSeconds: 'int32',
  },
  DeploymentStrategy: { type: 'string(DeploymentStrategyType)', rollingUpdate: 'RollingUpdateDeployment' },
  RollingUpdateDeployment: { maxUnavailable: 'intstr', maxSurge: 'intstr' },
});
