/** The field schemas of the kinds the sandbox accepts from manifests, by kind. */
import './daemonset.ts';
import './deployment.ts';
import './namespace.ts';
import './node.ts';
import './pod.ts';
import './replicaset.ts';
import './service.ts';
import { structSchema, type StructSchema } from './types.ts';

/** SCHEMA_KINDS are the kinds with a field schema. */
export const SCHEMA_KINDS: readonly string[] = ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'DaemonSet', 'Namespace', 'Node'];

/** schemaForKind returns a kind's top-level struct, or undefined for kinds without a schema. */
export function schemaForKind(kind: string): StructSchema | undefined {
  return SCHEMA_KINDS.includes(kind) ? structSchema(kind) : undefined;
}

export { structSchema };
export type { FieldSchema, PatchMeta, StructSchema, TypeRef } from './types.ts';
