/** The schema of a scenario: where a sandbox or an exercise starts. */
import { z } from 'zod';
import { strictObject } from './strict.ts';
import { chaosSchema } from './chaos.ts';
import { clockSchema } from './clock.ts';
import { manifestSchema } from './manifest.ts';
import { nodeSchema } from './node.ts';

/** scenarioSchema is a whole scenario file; every field is optional, and `{}` is the default cluster. */
export const scenarioSchema = strictObject({
  nodes: z
    .array(nodeSchema)
    .min(1)
    .optional()
    .refine((nodes) => !nodes || new Set(nodes.map((n) => n.name)).size === nodes.length, { error: 'expected node names to be unique' })
    .describe('The machines of the cluster; the default cluster (control-plane, node-1, node-2, node-3) when absent.'),
  cluster: z
    .enum(['ready', 'none'])
    .default('ready')
    .describe(
      '"ready" (the default): a running kubeadm cluster on the nodes. "none": the nodes are bare machines (hostnames and IPs only) with no API objects and no kubeconfig; the learner builds the cluster with kubeadm (after ssh) or minikube. `objects` must then be empty.',
    ),
  objects: z
    .array(manifestSchema)
    .default([])
    .describe('Objects that exist before the learner arrives, as manifests, created in order.'),
  apply: z
    .boolean()
    .default(false)
    .describe(
      'Create `objects` as `kubectl apply -f` would: each carries the kubectl.kubernetes.io/last-applied-configuration annotation, so a lesson that later runs `kubectl apply` on the same manifest behaves as on a cluster where the learner applied it.',
    ),
  files: z
    .record(z.string().min(1), z.string())
    .default({})
    .describe('Files in the learner\'s home directory: relative path → contents.'),
  settleSeconds: z
    .number()
    .min(0)
    .max(86_400)
    .default(0)
    .describe('Virtual seconds to run the cluster after creating the objects, so pods are already running.'),
  clock: clockSchema.default({ startOffsetSeconds: 0, speed: 1 }).describe('When the cluster clock starts and how fast it runs.'),
  chaos: chaosSchema
    .default({ deletePod: false, stopNode: false, breakImage: false })
    .describe('Which chaos controls the sandbox offers.'),
}).describe('Where a sandbox starts: machines (with a cluster on them or bare), objects, files and time.');

/** ScenarioInput is a scenario as written; Scenario (in scenario.ts) is the parsed form. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
