/** Field schemas of apps/v1 ReplicaSet. */
import './pod.ts';
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  ReplicaSet: { ...TYPE_META, metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'any' },
  ReplicaSetSpec: { replicas: 'int32', minReadySeconds: 'int32', selector: 'LabelSelector', template: 'PodTemplateSpec' },
});
