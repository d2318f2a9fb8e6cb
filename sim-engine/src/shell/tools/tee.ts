/** `tee`: copy stdin to stdout and to files, -a to append. */
import type { Builtin } from '../commands/runtime.ts';
import { errorText, getOptions } from '../commands/util.ts';

/** tee copies stdin to stdout and to each file; -a appends. */
export const tee: Builtin = (ctx, rt) => {
  const opts = getOptions(ctx, { name: 'tee', usage: '[OPTION]... [FILE]...', summary: '  -a, --append  append to the files instead of overwriting them' }, { flags: 'a', long: { append: 'a' } });
  if (typeof opts === 'number') return opts;
  let status = 0;
  for (const file of opts.operands) {
    try {
      rt.fs.write(rt.resolve(file), ctx.stdin, opts.flags.has('a'));
    } catch (e) {
      ctx.stderr(`tee: ${file}: ${errorText(e)}\n`);
      status = 1;
    }
  }
  ctx.stdout(ctx.stdin);
  return status;
};
