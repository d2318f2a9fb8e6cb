/**
 * GNU `wc`: lines, words, characters and bytes, laid out as GNU does. The column width
 * is that of the largest possible count (the total size of the regular files), at least
 * 7 when reading a pipe whose size is unknown, and 1 when a single count of a single
 * input is printed, which is why `echo hi | wc -l` prints a bare `1`.
 */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, readInputs } from '../commands/util.ts';
import { utf8Length } from '../vfs.ts';

/** wc counts lines, words and bytes of its inputs. */
export const wc: Builtin = (ctx, rt) => {
  const opts = getOptions(
    ctx,
    { name: 'wc', usage: '[OPTION]... [FILE]...', summary: '  -l  lines   -w  words   -c  bytes   -m  characters   -L  longest line' },
    { flags: 'lwcmL', long: { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' } },
  );
  if (typeof opts === 'number') return opts;
  let which = ['l', 'w', 'm', 'c', 'L'].filter((f) => opts.flags.has(f));
  if (which.length === 0) which = ['l', 'w', 'c'];
  const { inputs, ok } = readInputs('wc', opts.operands, ctx, rt);
  const rows = inputs.map((input) => ({ name: input.name === '-' && opts.operands.length === 0 ? '' : input.name, counts: count(input.text) }));
  // The total line appears whenever several files were named, even if some could not be read.
  if (opts.operands.length > 1) {
    const total: Record<string, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    for (const r of rows) for (const k of Object.keys(total)) total[k] = k === 'L' ? Math.max(total[k]!, r.counts[k]!) : total[k]! + r.counts[k]!;
    rows.push({ name: 'total', counts: total });
  }
  const fromPipe = inputs.some((i) => i.name === '-');
  const regularBytes = inputs.filter((i) => i.name !== '-').reduce((sum, i) => sum + utf8Length(i.text), 0);
  let width = which.length === 1 && inputs.length === 1 ? 1 : Math.max(String(regularBytes).length, fromPipe ? 7 : 1);
  if (inputs.length === 0) width = 1;
  for (const row of rows) {
    const cells = which.map((k) => String(row.counts[k]).padStart(width)).join(' ');
    ctx.stdout(`${cells}${row.name === '' ? '' : ` ${row.name}`}\n`);
  }
  return ok ? 0 : 1;
};

function count(text: string): Record<string, number> {
  const lines = text.split('\n');
  return {
    l: lines.length - 1,
    w: text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length,
    m: [...text].length,
    c: utf8Length(text),
    L: Math.max(0, ...lines.map((l) => [...l.replace(/\t/g, '        ')].length)),
  };
}
