/** kubectl uncordon: mark nodes schedulable again. */
import type { Command } from '../command.ts';
import { NODE_FLAGS, selectNodes, setUnschedulable } from './cordon.ts';

/** uncordonCommand is `kubectl uncordon`. */
export const uncordonCommand: Command = {
  name: 'uncordon',
  summary: 'Mark node as schedulable',
  help: {
    description: 'Mark a node schedulable again, so the scheduler may place new pods on it.',
    examples: [
      ['Let pods land on node-1 again', 'kubectl uncordon node-1'],
    ],
    usage: 'uncordon NODE',
  },
  flags: NODE_FLAGS,
  run(inv) {
    setUnschedulable(inv, selectNodes(inv, 'uncordon', 'uncordon NODE'), false);
    return 0;
  },
};
