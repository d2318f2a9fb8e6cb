/**
 * `sort` (-u -n -r -f -b -s, -k F[,F2] with per-key n/r/b/f, -t SEP) and `uniq` (-c -d -u -i).
 * Comparison is bytewise, as in the C locale, and like GNU sort a tie on every key is
 * broken by comparing whole lines unless -s or -u is given.
 */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, joinLines, readInputs, splitLines, usageError } from '../commands/util.ts';

interface Key {
  start: number;
  end: number | undefined;
  numeric: boolean;
  reverse: boolean;
  fold: boolean;
  blanks: boolean;
}

const SORT_INFO = {
  name: 'sort',
  usage: '[OPTION]... [FILE]...',
  summary: '  -n  numeric   -r  reverse   -u  unique   -f  ignore case   -b  ignore leading blanks\n  -s  stable    -k F[,F2]  sort by fields F..F2   -t SEP  field separator',
  status: 2,
};

/** sort sorts lines of text. */
export const sort: Builtin = (ctx, rt) => {
  const opts = getOptions(ctx, SORT_INFO, {
    flags: 'nrufbs',
    values: 'kt',
    long: { numeric: 'n', 'numeric-sort': 'n', reverse: 'r', unique: 'u', 'ignore-case': 'f', stable: 's', 'key=': 'k', 'field-separator=': 't' },
  });
  if (typeof opts === 'number') return opts;
  const global = { numeric: opts.flags.has('n'), reverse: opts.flags.has('r'), fold: opts.flags.has('f'), blanks: opts.flags.has('b') };
  const seps = opts.values.get('t') ?? [];
  const sep = seps[seps.length - 1];
  if (sep !== undefined && [...sep].length !== 1) {
    ctx.stderr(sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab '${sep}'\n`);
    return 2;
  }
  const keys: Key[] = [];
  for (const spec of opts.values.get('k') ?? []) {
    const m = /^(\d+)([bnrf]*)(?:,(\d+)([bnrf]*))?$/.exec(spec);
    if (!m || Number(m[1]) === 0) return usageError(ctx, SORT_INFO, `invalid number at field start: invalid count at start of '${spec}'`);
    const mods = `${m[2]}${m[4] ?? ''}`;
    const own = mods !== '';
    keys.push({
      start: Number(m[1]),
      end: m[3] === undefined ? undefined : Number(m[3]),
      numeric: own ? mods.includes('n') : global.numeric,
      reverse: own ? mods.includes('r') : global.reverse,
      fold: own ? mods.includes('f') : global.fold,
      blanks: own ? mods.includes('b') : global.blanks,
    });
  }
  if (keys.length === 0) keys.push({ start: 1, end: undefined, ...global });
  const { inputs, ok } = readInputs('sort', opts.operands, ctx, rt);
  if (!ok) return 2;
  const lines = inputs.flatMap((i) => splitLines(i.text));
  const byKeys = (a: string, b: string): number => {
    for (const key of keys) {
      const c = compareKey(extract(a, key, sep), extract(b, key, sep), key);
      if (c !== 0) return key.reverse ? -c : c;
    }
    return 0;
  };
  const lastResort = !opts.flags.has('s') && !opts.flags.has('u');
  lines.sort((a, b) => byKeys(a, b) || (lastResort ? (global.reverse ? -bytes(a, b) : bytes(a, b)) : 0));
  const out = opts.flags.has('u') ? lines.filter((l, i) => i === 0 || byKeys(lines[i - 1]!, l) !== 0) : lines;
  ctx.stdout(joinLines(out));
  return 0;
};

function bytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKey(a: string, b: string, key: Key): number {
  if (key.numeric) return leadingNumber(a) - leadingNumber(b);
  return key.fold ? bytes(a.toUpperCase(), b.toUpperCase()) : bytes(a, b);
}

function leadingNumber(text: string): number {
  const m = /^\s*(-?(\d+\.?\d*|\.\d+))/.exec(text);
  return m ? Number(m[1]) : 0;
}

// A field without -t is a run of blanks followed by non-blanks, so the blanks belong to the field after them.
function extract(line: string, key: Key, sep: string | undefined): string {
  let bounds: [number, number][];
  if (sep !== undefined) {
    bounds = [];
    let start = 0;
    for (const part of line.split(sep)) {
      bounds.push([start, start + part.length]);
      start += part.length + 1;
    }
  } else {
    bounds = [...line.matchAll(/[ \t]*[^ \t]+|[ \t]+$/g)].map((m) => [m.index, m.index + m[0].length]);
  }
  const first = bounds[key.start - 1];
  if (!first) return '';
  const lastField = key.end === undefined ? undefined : bounds[Math.min(key.end, bounds.length) - 1];
  const text = line.slice(first[0], lastField ? lastField[1] : line.length);
  return key.blanks || key.numeric ? text.replace(/^[ \t]+/, '') : text;
}

/** uniq collapses adjacent equal lines; -c counts them, -d keeps repeated ones, -u unique ones. */
export const uniq: Builtin = (ctx, rt) => {
  const opts = getOptions(
    ctx,
    { name: 'uniq', usage: '[OPTION]... [INPUT]', summary: '  -c  prefix lines by their count   -d  only repeated lines   -u  only unique lines   -i  ignore case' },
    { flags: 'cdui', long: { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' } },
  );
  if (typeof opts === 'number') return opts;
  if (opts.operands.length > 1) {
    ctx.stderr(`uniq: writing to a file named '${opts.operands[1]}' is not supported in this sandbox; use > instead\n`);
    return 1;
  }
  const { inputs, ok } = readInputs('uniq', opts.operands, ctx, rt);
  if (!ok) return 1;
  const same = (a: string, b: string): boolean => (opts.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(inputs[0]?.text ?? '')) {
    const lastGroup = groups[groups.length - 1];
    if (lastGroup && same(lastGroup.line, line)) lastGroup.count++;
    else groups.push({ line, count: 1 });
  }
  for (const g of groups) {
    if (opts.flags.has('d') && g.count < 2) continue;
    if (opts.flags.has('u') && g.count > 1) continue;
    ctx.stdout(opts.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return 0;
};
