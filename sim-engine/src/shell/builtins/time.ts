/**
 * Time-based commands in cluster time: `sleep` and `timeout`. `timeout` cannot kill its
 * child, so it gives the child a sleep that never passes the deadline and a signal that
 * reads as interrupted from the deadline on; well-behaved programs stop on that signal.
 */
import type { Builtin } from '../commands/runtime.ts';
import { last } from '../commands/options.ts';
import { getOptions, usageError } from '../commands/util.ts';
import type { Interrupt, ProgramContext } from '../types.ts';
import { own } from '../record.ts';

/** TIMED_OUT is timeout's exit status when the command ran out of time. */
export const TIMED_OUT = 124;

// Sleeping in slices keeps Ctrl+C responsive even if the host's sleep ignores it.
const SLICE_MS = 1000;

const SIGNALS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, USR2: 12, TERM: 15 };

/** parseDuration reads `5`, `0.5`, `2s`, `1m`, `1h` or `1d` as milliseconds; undefined when invalid. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]!]!;
  return Math.round(Number(m[1]) * unit);
}

/** nap sleeps `ms` of cluster time unless interrupted first; it tells whether it was interrupted. */
export async function nap(ctx: ProgramContext, ms: number): Promise<boolean> {
  let left = ms;
  while (left > 0 && !ctx.signal.interrupted) {
    const step = Math.min(left, SLICE_MS);
    await ctx.sleep(step);
    left -= step;
  }
  return ctx.signal.interrupted;
}

/** sleep waits for the sum of its durations. */
export const sleep: Builtin = async (ctx) => {
  const info = { name: 'sleep', usage: 'NUMBER[SUFFIX]...', summary: '  NUMBER may be fractional; SUFFIX is s (default), m, h or d' };
  const opts = getOptions(ctx, info, {});
  if (typeof opts === 'number') return opts;
  if (opts.operands.length === 0) return usageError(ctx, info, 'missing operand');
  let total = 0;
  for (const arg of opts.operands) {
    const ms = parseDuration(arg);
    if (ms === undefined) return usageError(ctx, info, `invalid time interval '${arg}'`);
    total += ms;
  }
  return (await nap(ctx, total)) ? 130 : 0;
};

/** timeout runs a command and stops it after a duration of cluster time, exiting 124 if it had to. */
export const timeout: Builtin = async (ctx, rt) => {
  const info = {
    name: 'timeout',
    usage: '[OPTION] DURATION COMMAND [ARG]...',
    summary: '  --preserve-status  exit with the command\'s status even when it timed out\n  -s, --signal=SIG  signal to report (TERM by default)\n  -k, --kill-after=DURATION  accepted; the command always stops at the deadline\n  -v, --verbose  say when the command timed out',
    status: 125,
  };
  const opts = getOptions(ctx, info, {
    flags: 'v',
    values: 'sk',
    long: { 'preserve-status': 'p', 'signal=': 's', 'kill-after=': 'k', verbose: 'v', foreground: 'f' },
    stopAtOperand: true,
  });
  if (typeof opts === 'number') return opts;
  const [duration, ...argv] = opts.operands;
  if (duration === undefined || argv.length === 0) return usageError(ctx, info, 'missing operand');
  const ms = parseDuration(duration);
  if (ms === undefined) return usageError(ctx, info, `invalid time interval '${duration}'`);
  const signalName = (last(opts, 's') ?? 'TERM').toUpperCase().replace(/^SIG/, '');
  const signum = /^\d+$/.test(signalName) ? Number(signalName) : own(SIGNALS, signalName);
  if (signum === undefined) {
    ctx.stderr(`timeout: ${last(opts, 's')}: invalid signal\n`);
    return usageError(ctx, info, '');
  }
  const kill = last(opts, 'k');
  if (kill !== undefined && parseDuration(kill) === undefined) return usageError(ctx, info, `invalid time interval '${kill}'`);

  const deadline = ctx.now() + ms;
  let timedOut = false;
  const parent = ctx.signal;
  const signal: Interrupt = {
    get interrupted(): boolean {
      if (ms > 0 && ctx.now() >= deadline) timedOut = true;
      return parent.interrupted || timedOut;
    },
  };
  const sleep = async (want: number): Promise<void> => {
    const left = deadline - ctx.now();
    if (ms === 0 || want < left) return ctx.sleep(want);
    if (left > 0) await ctx.sleep(left);
    timedOut = true;
  };
  const status = await rt.exec(argv, { ...ctx, signal, sleep });
  if (status === undefined) {
    ctx.stderr(`timeout: failed to run command '${argv[0]}': No such file or directory\n`);
    return 127;
  }
  if (!timedOut || parent.interrupted) return status;
  if (opts.flags.has('v')) ctx.stderr(`timeout: sending signal ${signalName} to command '${argv[0]}'\n`);
  return opts.flags.has('p') ? 128 + signum : TIMED_OUT;
};
