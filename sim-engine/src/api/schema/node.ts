/** Field schemas of core/v1 Node. */
import './meta.ts';
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  Node: { ...TYPE_META, metadata: 'ObjectMeta', spec: 'NodeSpec', status: 'any' },
  NodeSpec: {
    podCIDR: 'string',
    podCIDRs: '[]string',
    providerID: 'string',
    unschedulable: 'bool',
    taints: '[]Taint',
    configSource: 'any',
    externalID: 'string',
  },
  Taint: { key: 'string', value: 'string', effect: 'string(TaintEffect)', timeAdded: 'time' },
});
