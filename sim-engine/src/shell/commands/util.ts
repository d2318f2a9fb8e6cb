/** Helpers shared by the tools: error wording, reading inputs, splitting lines. */
import type { ProgramContext } from '../types.ts';
import { FsError } from '../vfs.ts';
import { OptionError, type OptionSpec, type Options, parseOptions } from './options.ts';
import type { Runtime } from './runtime.ts';

/** Input is one input's name (as given, `-` for stdin) and text. */
export interface Input {
  name: string;
  text: string;
}

/** ToolInfo is what a tool says about itself in errors and `--help`. */
export interface ToolInfo {
  name: string;
  /** usage is the `Usage:` line's text after the command name. */
  usage: string;
  /** summary lists the supported options for `--help`. */
  summary: string;
  /** status is the exit status for bad usage (1 for most coreutils, 2 for grep, ls, sort). */
  status?: number;
  /** usageOnError prints the Usage line before `Try ...` on an option error, as grep does. */
  usageOnError?: boolean;
}

/** getOptions parses options; on error or `--help` it prints like GNU and returns the exit status instead. */
export function getOptions(ctx: ProgramContext, info: ToolInfo, spec: OptionSpec, args = ctx.args): Options | number {
  let opts: Options;
  try {
    opts = parseOptions(args, spec);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    return usageError(ctx, info, e.message);
  }
  if (opts.help) {
    ctx.stdout(`Usage: ${info.name} ${info.usage}\nOptions supported in this sandbox:\n${info.summary}\n`);
    return 0;
  }
  return opts;
}

/** usageError prints `<name>: <message>` and the `Try '<name> --help'` hint, returning the usage status. */
export function usageError(ctx: ProgramContext, info: ToolInfo, message: string): number {
  let text = message === '' ? '' : `${info.name}: ${message}\n`;
  if (info.usageOnError) text += `Usage: ${info.name} ${info.usage}\n`;
  ctx.stderr(`${text}Try '${info.name} --help' for more information.\n`);
  return info.status ?? 1;
}

/** errorText is the strerror text for a failed filesystem call, rethrowing anything else. */
export function errorText(e: unknown): string {
  if (e instanceof FsError) return e.message;
  throw e;
}

/** readInputs reads the named files (stdin for none or `-`), printing `<cmd>: <file>: <error>` for failures. */
export function readInputs(cmd: string, files: string[], ctx: ProgramContext, rt: Runtime): { inputs: Input[]; ok: boolean } {
  const inputs: Input[] = [];
  let ok = true;
  for (const name of files.length === 0 ? ['-'] : files) {
    if (name === '-') {
      inputs.push({ name, text: ctx.stdin });
      continue;
    }
    try {
      inputs.push({ name, text: rt.fs.read(rt.resolve(name)) });
    } catch (e) {
      ctx.stderr(`${cmd}: ${name}: ${errorText(e)}\n`);
      ok = false;
    }
  }
  return { inputs, ok };
}

/** splitLines splits text into lines without their newlines; a final newline does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** joinLines is the inverse of splitLines for output: every line ends with a newline. */
export function joinLines(lines: string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** parseCount reads a non-negative integer option value, or undefined when it is not one. */
export function parseCount(text: string): number | undefined {
  return /^\+?\d+$/.test(text) ? Number(text) : undefined;
}
