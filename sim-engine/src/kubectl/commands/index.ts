/** The kubectl verbs this sandbox implements; kubectl.ts dispatches to them by name. */
import type { Command } from '../command.ts';
import { applyCommand } from './apply.ts';
import { annotateCommand } from './annotate.ts';
import { apiResourcesCommand } from './api-resources.ts';
import { clusterInfoCommand } from './cluster-info.ts';
import { configCommand } from './config.ts';
import { editCommand } from './edit.ts';
import { exposeCommand } from './expose.ts';
import { labelCommand } from './label.ts';
import { patchCommand } from './patch.ts';
import { scaleCommand } from './scale.ts';
import { setCommand } from './set.ts';
import { versionCommand } from './version.ts';
import { createCommand } from './create.ts';
import { cordonCommand } from './cordon.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { drainCommand } from './drain.ts';
import { eventsCommand } from './events.ts';
import { execCommand } from './exec.ts';
import { explainCommand } from './explain.ts';
import { getCommand } from './get.ts';
import { logsCommand } from './logs.ts';
import { rolloutCommand } from './rollout.ts';
import { runCommand } from './run.ts';
import { taintCommand } from './taint.ts';
import { uncordonCommand } from './uncordon.ts';

/** COMMANDS are the implemented verbs. A real kubectl verb missing here answers "not supported in this sandbox yet". */
export const COMMANDS: readonly Command[] = [getCommand, describeCommand, runCommand, deleteCommand, rolloutCommand, logsCommand, execCommand, cordonCommand, uncordonCommand, drainCommand, taintCommand, eventsCommand, explainCommand, createCommand, applyCommand, patchCommand, labelCommand, annotateCommand, scaleCommand, setCommand, exposeCommand, editCommand, apiResourcesCommand, versionCommand, clusterInfoCommand, configCommand];
