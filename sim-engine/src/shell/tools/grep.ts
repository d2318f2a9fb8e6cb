/**
 * GNU grep's common options: -i -v -c -E -F -w -x -n -o -q -l -h -H -s -m, -e PATTERN,
 * and context lines (-A, -B, -C) as used on `kubectl describe` output.
 */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, parseCount, readInputs, splitLines, usageError } from '../commands/util.ts';
import { escapeRegExp } from '../run/glob.ts';
import { gnuRegexMessage, translateRegex } from './regex.ts';

const INFO = {
  name: 'grep',
  usage: '[OPTION]... PATTERNS [FILE]...',
  summary: [
    '  -e PATTERNS  use PATTERNS for matching      -E  extended regular expressions',
    '  -F  fixed strings     -i  ignore case        -w  whole words    -x  whole lines',
    '  -v  select non-matching lines                -c  count matching lines',
    '  -n  line numbers      -o  only the matching parts                -q  quiet',
    '  -l  file names only   -h/-H  without/with file names             -s  no file errors',
    '  -m NUM  stop after NUM matches               -A/-B/-C NUM  context lines',
  ].join('\n'),
  status: 2,
  usageOnError: true,
};

/** grep prints lines matching a pattern. */
export const grep: Builtin = (ctx, rt) => {
  const opts = getOptions(ctx, INFO, {
    flags: 'ivcEFGwxnoqlhHsyr',
    values: 'emABC',
    long: {
      'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'extended-regexp': 'E', 'fixed-strings': 'F',
      'basic-regexp': 'G', 'word-regexp': 'w', 'line-regexp': 'x', 'line-number': 'n', 'only-matching': 'o',
      quiet: 'q', silent: 'q', 'files-with-matches': 'l', 'no-filename': 'h', 'with-filename': 'H',
      'no-messages': 's', 'regexp=': 'e', 'max-count=': 'm', 'after-context=': 'A', 'before-context=': 'B',
      'context=': 'C', color: 'color', colour: 'color', 'color=': 'color', 'colour=': 'color',
    },
  });
  if (typeof opts === 'number') return opts;
  const has = (f: string): boolean => opts.flags.has(f);
  if (has('r')) {
    ctx.stderr('grep: -r is not supported in this sandbox; name the files instead\n');
    return 2;
  }
  const operands = [...opts.operands];
  let patterns = opts.values.get('e');
  if (!patterns) {
    const first = operands.shift();
    if (first === undefined) return usageError(ctx, { ...INFO, name: 'grep' }, '');
    patterns = [first];
  }
  const counts: Record<string, number | undefined> = {};
  for (const key of ['m', 'A', 'B', 'C']) {
    const v = opts.values.get(key);
    const text = v?.[v.length - 1];
    if (text === undefined) continue;
    const n = parseCount(text);
    if (n === undefined) {
      ctx.stderr(key === 'm' ? `grep: invalid max count\n` : `grep: ${text}: invalid context length argument\n`);
      return 2;
    }
    counts[key] = n;
  }
  // With -o GNU grep prints no context lines.
  const after = has('o') ? 0 : (counts.A ?? counts.C ?? 0);
  const before = has('o') ? 0 : (counts.B ?? counts.C ?? 0);
  // Any context option, even -A0, separates non-adjacent groups with `--`.
  const withContext = !has('o') && (counts.A ?? counts.B ?? counts.C) !== undefined;
  let source: string;
  try {
    const list = patterns.flatMap((p) => p.split('\n'));
    const alternatives = list.map((p) => (has('F') ? escapeRegExp(p) : translateRegex(p, has('E'))));
    source = alternatives.map((a) => `(?:${a})`).join('|');
    if (has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
    if (has('x')) source = `^(?:${source})$`;
    new RegExp(source);
  } catch (e) {
    ctx.stderr(`grep: ${gnuRegexMessage(e)}\n`);
    return 2;
  }
  const flags = has('i') || has('y') ? 'i' : '';
  const test = new RegExp(source, flags);
  const global = new RegExp(source, `g${flags}`);
  const invert = has('v');
  const { inputs, ok } = readInputs('grep', operands, has('s') ? { ...ctx, stderr: () => {} } : ctx, rt);
  const showNames = has('H') || (!has('h') && operands.length > 1);
  let matched = false;
  let printedAny = false;
  for (const input of inputs) {
    const name = input.name === '-' ? '(standard input)' : input.name;
    const lines = splitLines(input.text);
    let selected = lines.map((line) => test.test(line) !== invert);
    if (counts.m !== undefined) {
      let left = counts.m;
      selected = selected.map((s) => s && left-- > 0);
    }
    const count = selected.filter(Boolean).length;
    if (count > 0) matched = true;
    if (has('q')) {
      if (matched) return 0;
      continue;
    }
    if (has('l')) {
      if (count > 0) ctx.stdout(`${name}\n`);
      continue;
    }
    if (has('c')) {
      ctx.stdout(`${showNames ? `${name}:` : ''}${count}\n`);
      continue;
    }
    const prefix = (i: number, sep: string): string => `${showNames ? name + sep : ''}${has('n') ? `${i + 1}${sep}` : ''}`;
    let lastPrinted = -1;
    let afterLeft = 0;
    const emit = (i: number, sep: string): void => {
      if (withContext && printedAny && i > lastPrinted + 1) ctx.stdout('--\n');
      lastPrinted = i;
      printedAny = true;
      if (sep === ':' && has('o')) {
        if (invert) return;
        for (const m of lines[i]!.matchAll(global)) if (m[0] !== '') ctx.stdout(`${prefix(i, sep)}${m[0]}\n`);
        return;
      }
      ctx.stdout(`${prefix(i, sep)}${lines[i]}\n`);
    };
    for (let i = 0; i < lines.length; i++) {
      if (selected[i]) {
        for (let j = Math.max(lastPrinted + 1, i - before); j < i; j++) emit(j, '-');
        emit(i, ':');
        afterLeft = after;
      } else if (afterLeft > 0) {
        emit(i, '-');
        afterLeft--;
      }
    }
  }
  if (!ok && !(has('q') && matched)) return 2;
  return matched ? 0 : 1;
};
