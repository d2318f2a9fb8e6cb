/**
 * How kubectl reports failures (its `CheckErr`): API errors as `Error from server (Reason): ...`,
 * validation errors as `The Kind "name" is invalid: ...`, everything else as `error: ...`.
 */
import { StatusError } from '../apiserver/errors.ts';
import { FlagError } from './flags.ts';

/** KubectlError is a client-side failure printed as `error: <message>`. */
export class KubectlError extends Error {}

/** UsageError is a misuse of a command; kubectl adds `See 'kubectl <cmd> -h' for help and examples`. */
export class UsageError extends Error {}

/** formatError renders any error thrown by a command as kubectl prints it on stderr (with a trailing newline). */
export function formatError(err: unknown, command: string): string {
  if (err instanceof StatusError) {
    if (err.reason === 'Invalid' && err.causes.length > 0) {
      const m = /^(\S+) "([^"]*)" is invalid/.exec(err.message);
      const kind = (m?.[1] ?? '').split('.')[0];
      const head = `The ${kind} "${m?.[2] ?? ''}" is invalid: `;
      const causes = err.causes.map((c) => `${c.field}: ${c.detail}`);
      return causes.length === 1 ? `${head}${causes[0]}\n` : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}\n`;
    }
    return `Error from server (${err.reason}): ${err.message}\n`;
  }
  if (err instanceof FlagError) return `error: ${err.message}\nSee 'kubectl ${command} --help' for usage.\n`;
  if (err instanceof UsageError) return `error: ${err.message}\nSee 'kubectl ${command} -h' for help and examples\n`;
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith('error: ') ? `${message}\n` : `error: ${message}\n`;
}
