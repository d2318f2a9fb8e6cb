/** Field schemas of core/v1 Namespace. */
import './meta.ts';
import { defineStructs, TYPE_META } from './types.ts';

defineStructs('v1', {
  Namespace: { ...TYPE_META, metadata: 'ObjectMeta', spec: 'NamespaceSpec', status: 'any' },
  NamespaceSpec: { finalizers: '[]string(FinalizerName)' },
});
