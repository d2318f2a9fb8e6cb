/**
 * procps `watch`: runs a command through the shell every N seconds of cluster time and
 * repaints the screen with a header, until Ctrl+C (or `timeout`) interrupts it.
 */
import type { Builtin } from '../commands/runtime.ts';
import { last } from '../commands/options.ts';
import { getOptions } from '../commands/util.ts';
import { Capture } from '../run/io.ts';
import { strftime } from './system.ts';
import { nap } from './time.ts';

/** SCREEN_WIDTH is the terminal width watch lays its header out for. */
export const SCREEN_WIDTH = 80;

/** CLEAR_HOME moves the cursor home and clears the screen, as watch does before each round. */
export const CLEAR_HOME = '\x1b[H\x1b[2J';

/** watchHeader is procps watch's title line: interval and command on the left, host and ctime on the right. */
export function watchHeader(intervalMs: number, command: string, host: string, now: number, width = SCREEN_WIDTH): string {
  const left = `Every ${(intervalMs / 1000).toFixed(1)}s: `;
  const right = `${host}: ${strftime('%a %b %e %H:%M:%S %Y', now)}`;
  if (width < left.length + right.length + 1) return right.padStart(width);
  const room = width - left.length - right.length - 1;
  // A command too long for the line is cut and marked with "...", keeping the time visible.
  const shown = command.length <= room ? command : room >= 4 ? `${command.slice(0, room - 3)}...` : '';
  return `${left}${shown}`.padEnd(width - right.length) + right;
}

/** watch re-runs a command every -n seconds (2 by default), showing its latest output full-screen. */
export const watch: Builtin = async (ctx, rt) => {
  const info = {
    name: 'watch',
    usage: '[options] command',
    summary: '  -n, --interval <secs>  seconds to wait between updates (default 2)\n  -t, --no-title  turn off the header',
  };
  const opts = getOptions(ctx, info, { flags: 't', values: 'n', long: { 'interval=': 'n', 'no-title': 't' }, stopAtOperand: true });
  if (typeof opts === 'number') return opts;
  if (opts.operands.length === 0) {
    ctx.stderr(`\nUsage:\n watch ${info.usage}\n`);
    return 1;
  }
  const given = last(opts, 'n');
  const seconds = given === undefined ? 2 : Number(given.replace(',', '.'));
  if (!/^\s*\d*[.,]?\d+\s*$/.test(given ?? '2') || Number.isNaN(seconds)) {
    ctx.stderr(`watch: failed to parse argument: '${given}'\n`);
    return 1;
  }
  // procps enforces a minimum interval of a tenth of a second.
  const interval = Math.max(100, Math.round(seconds * 1000));
  const command = opts.operands.join(' ');
  while (!ctx.signal.interrupted) {
    const header = opts.flags.has('t') ? '' : `${watchHeader(interval, command, rt.hostname, ctx.now())}\n\n`;
    const screen = new Capture();
    // watch runs `sh -c` with stdout and stderr both on its pipe.
    await rt.evaluate(command, { ...ctx, stdin: '', stdout: screen.write, stderr: screen.write }, true);
    ctx.stdout(CLEAR_HOME + header + screen.text());
    if (await nap(ctx, interval)) break;
  }
  return 0;
};
