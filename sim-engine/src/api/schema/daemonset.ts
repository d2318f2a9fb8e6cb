/** Field schemas of apps/v1 DaemonSet. */
import './pod.ts';
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  DaemonSet: { ...TYPE_META, metadata: 'ObjectMeta', spec: 'DaemonSetSpec', status: 'any' },
  DaemonSetSpec: {
    selector: 'LabelSelector',
    template: 'PodTemplateSpec',
    updateStrategy: 'DaemonSetUpdateStrategy',
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
  },
  DaemonSetUpdateStrategy: { type: 'string(DaemonSetUpdateStrategyType)', rollingUpdate: 'RollingUpdateDaemonSet' },
  RollingUpdateDaemonSet: { maxUnavailable: 'intstr', maxSurge: 'intstr' },
});
