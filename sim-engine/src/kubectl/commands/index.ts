/** The kubectl verbs this sandbox implements; kubectl.ts dispatches to them by name. */
import type { Command } from '../command.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { getCommand } from './get.ts';
import { runCommand } from './run.ts';

/** COMMANDS are the implemented verbs. A real kubectl verb missing here answers "not supported in this sandbox yet". */
export const COMMANDS: readonly Command[] = [getCommand, describeCommand, runCommand, deleteCommand];
