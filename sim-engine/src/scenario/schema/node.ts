/** The schema of one machine in a scenario's `nodes` list. */
import { z } from 'zod';
import { strictObject } from './strict.ts';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** nodeSchema describes one node; addresses default by position in the list. */
export const nodeSchema = strictObject({
  name: z
    .string()
    .regex(DNS_LABEL, { error: 'expected a lowercase DNS label such as "node-1"' })
    .describe('Node name, a lowercase DNS label such as "node-1".'),
  role: z
    .enum(['control-plane', 'worker'])
    .default('worker')
    .describe('"control-plane" (tainted so ordinary pods stay off it) or "worker" (the default).'),
  internalIP: z
    .ipv4({ error: 'expected an IPv4 address such as 172.18.0.7' })
    .optional()
    .describe('The node\'s InternalIP; 172.18.0.<position + 2> when absent.'),
  podCIDR: z
    .cidrv4({ error: 'expected an IPv4 /24 such as 10.244.5.0/24' })
    .optional()
    .describe('The range pod IPs on this node come from; 10.244.<position>.0/24 when absent.'),
  cpu: z.string().optional().describe('Allocatable CPU, a quantity such as "4" or "1500m"; 4 when absent.'),
  memory: z.string().optional().describe('Allocatable memory, a quantity such as "8Gi"; about 8 GiB when absent.'),
  labels: z.record(z.string(), z.string()).optional().describe('Extra node labels, e.g. { disktype: ssd }.'),
  taints: z
    .array(
      strictObject({
        key: z.string().min(1).describe('Taint key, e.g. "dedicated".'),
        value: z.string().optional().describe('Taint value, e.g. "gpu".'),
        effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']).describe('What the taint does to pods that do not tolerate it.'),
      }),
    )
    .optional()
    .describe('Taints; a control-plane node gets the usual control-plane taint when absent.'),
}).describe('One machine of the cluster.');

/** ScenarioNode is a node as a scenario file gives it. */
export type ScenarioNode = z.output<typeof nodeSchema>;
