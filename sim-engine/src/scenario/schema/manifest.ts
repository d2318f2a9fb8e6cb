/** The schema of one object in a scenario's `objects` list: a Kubernetes manifest. */
import { z } from 'zod';
import { lookupResource, RESOURCES } from '../../api/resources.ts';

/** manifestSchema checks a manifest's identity (apiVersion, kind, name); the API server checks the rest when the scenario starts. */
export const manifestSchema = z
  .looseObject({
    apiVersion: z.string().min(1).describe('API version of the object, e.g. "v1" or "apps/v1".'),
    kind: z
      .string()
      .refine((k) => lookupResource(k)?.kind === k, {
        error: (iss) => `unknown kind ${JSON.stringify(iss.input)}; expected one of ${RESOURCES.map((r) => r.kind).join(', ')}`,
      })
      .describe('Kind of the object, spelled as in a manifest: Pod, Deployment, Service, …'),
    metadata: z
      .looseObject({
        name: z.string().min(1).optional().describe('Object name; required unless generateName is given.'),
        generateName: z.string().min(1).optional().describe('Prefix for a generated name.'),
        namespace: z.string().min(1).optional().describe('Namespace of a namespaced object; "default" when absent.'),
      })
      .refine((m) => m.name !== undefined || m.generateName !== undefined, { error: 'expected metadata.name (or metadata.generateName)' })
      .describe('Object metadata: name, namespace, labels, annotations.'),
  })
  .describe('A Kubernetes object, as in a manifest file.');
