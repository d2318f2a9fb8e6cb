/** Field schemas of apimachinery's meta/v1 types: ObjectMeta, OwnerReference, LabelSelector. */
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  ObjectMeta: {
    name: 'string',
    generateName: 'string',
    namespace: 'string',
    selfLink: 'string',
    uid: 'string(types.UID)',
    resourceVersion: 'string',
    generation: 'int64',
    creationTimestamp: 'time',
    deletionTimestamp: 'time',
    deletionGracePeriodSeconds: 'int64',
    labels: 'map[string]string',
    annotations: 'map[string]string',
    ownerReferences: '[]OwnerReference merge:uid',
    finalizers: '[]string merge',
    managedFields: '[]ManagedFieldsEntry',
  },
  OwnerReference: {
    apiVersion: 'string',
    kind: 'string',
    name: 'string',
    uid: 'string(types.UID)',
    controller: 'bool',
    blockOwnerDeletion: 'bool',
  },
  ManagedFieldsEntry: {
    manager: 'string',
    operation: 'string(ManagedFieldsOperationType)',
    apiVersion: 'string',
    time: 'time',
    fieldsType: 'string',
    fieldsV1: 'any',
    subresource: 'string',
  },
  LabelSelector: {
    matchLabels: 'map[string]string',
    matchExpressions: '[]LabelSelectorRequirement',
  },
  /** cli-runtime's metadataOnlyObject: what the builder checks every decoded manifest against. */
  metadataOnlyObject: { ...TYPE_META, metadata: 'ObjectMeta' },
  LabelSelectorRequirement: {
    key: 'string',
    operator: 'string(LabelSelectorOperator)',
    values: '[]string',
  },
});
