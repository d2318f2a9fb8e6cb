/** GNU `xargs`: build command lines from stdin (-n, -I, -r, -t, -0), running tools and programs. */
import type { Builtin } from '../commands/runtime.ts';
import { last } from '../commands/options.ts';
import { getOptions, parseCount, usageError } from '../commands/util.ts';

/** splitXargs splits input the way xargs does by default: blanks separate, quotes and backslashes group. */
export function splitXargs(input: string): string[] | { error: string } {
  const items: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (c === "'" || c === '"') {
      const end = input.indexOf(c, i + 1);
      const newline = input.indexOf('\n', i + 1);
      if (end < 0 || (newline >= 0 && newline < end)) {
        return { error: `unmatched ${c === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option` };
      }
      current = (current ?? '') + input.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < input.length) {
      current = (current ?? '') + input[++i];
    } else if (/\s/.test(c)) {
      if (current !== undefined) items.push(current);
      current = undefined;
    } else {
      current = (current ?? '') + c;
    }
  }
  if (current !== undefined) items.push(current);
  return items;
}

/** xargs runs a command with arguments read from stdin. */
export const xargs: Builtin = async (ctx, rt) => {
  const info = {
    name: 'xargs',
    usage: '[OPTION]... COMMAND [INITIAL-ARGS]...',
    summary: '  -n MAX  at most MAX arguments per command   -I R  one command per line, R replaced by it\n  -r  do not run when there is no input   -t  print each command first   -0  items end with NUL',
  };
  const opts = getOptions(ctx, info, {
    flags: 'rt0',
    values: 'nI',
    long: { 'max-args=': 'n', 'no-run-if-empty': 'r', verbose: 't', null: '0', 'replace=': 'I' },
    stopAtOperand: true,
  });
  if (typeof opts === 'number') return opts;
  const command = opts.operands.length > 0 ? opts.operands : ['echo'];
  const replace = last(opts, 'I');
  const maxText = last(opts, 'n');
  const max = maxText === undefined ? undefined : parseCount(maxText);
  if (maxText !== undefined && max === undefined) {
    ctx.stderr(`xargs: invalid number "${maxText}" for -n option\n`);
    return usageError(ctx, info, '');
  }
  if (max === 0) return usageError(ctx, info, 'value 0 for -n option should be >= 1');
  let items: string[];
  if (replace !== undefined) {
    items = ctx.stdin.split(opts.flags.has('0') ? '\0' : '\n').map((l) => l.replace(/^[ \t]+/, '')).filter((l) => l !== '');
  } else if (opts.flags.has('0')) {
    items = ctx.stdin.split('\0').filter((l, i, all) => l !== '' || i < all.length - 1);
  } else {
    const split = splitXargs(ctx.stdin);
    if (!Array.isArray(split)) {
      ctx.stderr(`xargs: ${split.error}\n`);
      return 1;
    }
    items = split;
  }
  let batches: string[][];
  if (replace !== undefined) batches = items.map((item) => command.map((a) => a.split(replace).join(item)));
  else if (items.length === 0) batches = opts.flags.has('r') ? [] : [command];
  else {
    const size = max ?? items.length;
    batches = [];
    for (let i = 0; i < items.length; i += size) batches.push([...command, ...items.slice(i, i + size)]);
  }
  let status = 0;
  for (const argv of batches) {
    if (ctx.signal.interrupted) break;
    if (opts.flags.has('t')) ctx.stderr(`${argv.join(' ')}\n`);
    const code = await rt.exec(argv, { ...ctx, stdin: '' });
    if (code === undefined) {
      ctx.stderr(`xargs: ${argv[0]}: No such file or directory\n`);
      return 127;
    }
    if (code === 255) {
      ctx.stderr(`xargs: ${argv[0]}: exited with status 255; aborting\n`);
      return 124;
    }
    if (code !== 0) status = 123;
  }
  return status;
};
