/** kubectl uncordon: mark nodes schedulable again. */
import type { Command } from '../command.ts';
import { NODE_FLAGS, selectNodes, setUnschedulable } from './cordon.ts';

/** uncordonCommand is `kubectl uncordon`. */
export const uncordonCommand: Command = {
  name: 'uncordon',
  summary: 'Mark node as schedulable',
  flags: NODE_FLAGS,
  run(inv) {
    setUnschedulable(inv, selectNodes(inv, 'uncordon', 'uncordon NODE'), false);
    return 0;
  },
};
