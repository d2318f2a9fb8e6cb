/** `cut`: fields (-f with -d, -s) or characters (-c, -b), with lists like `1,3-5,7-`. */
import type { Builtin } from '../commands/runtime.ts';
import { last } from '../commands/options.ts';
import { getOptions, readInputs, splitLines, usageError } from '../commands/util.ts';

const INFO = {
  name: 'cut',
  usage: 'OPTION... [FILE]...',
  summary: '  -f LIST  fields   -d DELIM  field delimiter (TAB by default)   -s  only lines with a delimiter\n  -c LIST, -b LIST  characters   --output-delimiter=STRING',
};

/** parseList reads a cut list such as `1,3-5,7-` into a membership test; undefined when invalid. */
export function parseList(list: string): ((n: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const item of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!m || (m[1] === '' && m[3] === '') || (m[2] === '' && m[3] !== '')) return undefined;
    const lo = m[1] === '' ? 1 : Number(m[1]);
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3]);
    if (lo === 0 || hi < lo) return undefined;
    ranges.push([lo, hi]);
  }
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

/** cut prints selected parts of each line. */
export const cut: Builtin = (ctx, rt) => {
  const opts = getOptions(ctx, INFO, {
    flags: 's',
    values: 'fcbd',
    long: { 'fields=': 'f', 'characters=': 'c', 'bytes=': 'b', 'delimiter=': 'd', 'only-delimited': 's', 'output-delimiter=': 'o' },
  });
  if (typeof opts === 'number') return opts;
  const modes = ['f', 'c', 'b'].filter((k) => opts.values.has(k));
  if (modes.length === 0) return usageError(ctx, INFO, 'you must specify a list of bytes, characters, or fields');
  if (modes.length > 1) return usageError(ctx, INFO, 'only one type of list may be specified');
  const mode = modes[0]!;
  const listText = last(opts, mode)!;
  const selected = parseList(listText);
  if (!selected) {
    const what = mode === 'f' ? 'field value' : 'byte/character position';
    const zero = /(^|[,-])0+($|[,-])/.test(listText);
    const decreasing = [...listText.matchAll(/(\d+)-(\d+)/g)].some((m) => Number(m[2]) < Number(m[1]));
    const numbered = mode === 'f' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
    return usageError(ctx, INFO, zero ? numbered : decreasing ? 'invalid decreasing range' : `invalid ${what} '${listText}'`);
  }
  const delim = last(opts, 'd');
  if (mode !== 'f' && delim !== undefined) return usageError(ctx, INFO, 'an input delimiter may be specified only when operating on fields');
  if (delim !== undefined && [...delim].length !== 1) return usageError(ctx, INFO, 'the delimiter must be a single character');
  const sep = delim ?? '\t';
  const outSep = last(opts, 'o');
  const { inputs, ok } = readInputs('cut', opts.operands, ctx, rt);
  let out = '';
  for (const input of inputs) {
    for (const line of splitLines(input.text)) {
      if (mode !== 'f') {
        out += `${[...line].filter((_, i) => selected(i + 1)).join('')}\n`;
        continue;
      }
      if (!line.includes(sep)) {
        if (!opts.flags.has('s')) out += `${line}\n`;
        continue;
      }
      out += `${line.split(sep).filter((_, i) => selected(i + 1)).join(outSep ?? sep)}\n`;
    }
  }
  ctx.stdout(out);
  return ok ? 0 : 1;
};
