/** The core/v1 Namespace: a scope for names. */
import type { KubeObject } from './meta.ts';

/** Namespace groups namespaced objects; deleting it deletes its contents. */
export interface Namespace extends KubeObject {
  apiVersion: 'v1';
  kind: 'Namespace';
  spec?: { finalizers?: string[] };
  status?: { phase?: 'Active' | 'Terminating' };
}
