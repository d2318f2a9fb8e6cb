/** `tr`: translate, delete (-d) and squeeze (-s) characters; sets take ranges, classes and escapes; -c complements. */
import type { Builtin } from '../commands/runtime.ts';
import { getOptions, usageError } from '../commands/util.ts';
import { own } from '../record.ts';

const INFO = {
  name: 'tr',
  usage: '[OPTION]... STRING1 [STRING2]',
  summary: '  -d  delete characters in STRING1   -s  squeeze repeats   -c  use the complement of STRING1\n  sets: a-z ranges, [:alpha:] [:digit:] [:upper:] [:lower:] [:space:] [:alnum:] [:punct:], \\n \\t escapes',
};

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z', space: ' \t\n\r\f\v',
  blank: ' \t', punct: '!-/:-@[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\x00-\x1f\x7f', print: ' -~', graph: '!-~',
};

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };

/** expandSet turns a tr set like `a-z`, `[:upper:]` or `\n` into its list of characters. */
export function expandSet(set: string): string[] {
  // First resolve escapes and classes into plain characters, keeping `-` as a range operator.
  const items: { ch: string; literal: boolean }[] = [];
  const chars = [...set];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '\\' && i + 1 < chars.length) {
      const rest = chars.slice(i + 1, i + 4).join('');
      const oct = /^[0-7]{1,3}/.exec(rest);
      if (oct) {
        items.push({ ch: String.fromCharCode(parseInt(oct[0], 8)), literal: true });
        i += oct[0].length;
      } else {
        const n = chars[++i]!;
        items.push({ ch: own(ESCAPES, n) ?? n, literal: true });
      }
      continue;
    }
    const cls = /^\[:(\w+):\]/.exec(chars.slice(i, i + 10).join(''));
    const named = cls ? own(CLASSES, cls[1]!) : undefined;
    if (cls && named !== undefined) {
      items.push(...expandSet(named).map((ch) => ({ ch, literal: true })));
      i += cls[0].length - 1;
      continue;
    }
    items.push({ ch: c, literal: c !== '-' });
  }
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const next = items[i + 1];
    const end = items[i + 2];
    if (next && !next.literal && end) {
      const lo = item.ch.codePointAt(0)!;
      const hi = end.ch.codePointAt(0)!;
      for (let cp = lo; cp <= hi; cp++) out.push(String.fromCodePoint(cp));
      i += 2;
    } else {
      out.push(item.ch);
    }
  }
  return out;
}

/** tr translates, deletes or squeezes characters from stdin. */
export const tr: Builtin = (ctx) => {
  const opts = getOptions(ctx, INFO, { flags: 'cdsC', long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's' } });
  if (typeof opts === 'number') return opts;
  const del = opts.flags.has('d');
  const squeeze = opts.flags.has('s');
  const complement = opts.flags.has('c') || opts.flags.has('C');
  const [s1, s2, extra] = opts.operands;
  if (s1 === undefined) return usageError(ctx, INFO, 'missing operand');
  const wantsTwo = !del && !squeeze ? 2 : del && squeeze ? 2 : 1;
  if (s2 === undefined && wantsTwo === 2) {
    const why = del ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
    return usageError(ctx, INFO, `missing operand after '${s1}'\n${why}`);
  }
  const surplus = wantsTwo === 1 && !squeeze ? s2 : extra;
  if (surplus !== undefined) {
    const why = wantsTwo === 1 ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
    return usageError(ctx, INFO, `extra operand '${surplus}'${why}`);
  }
  const set1 = new Set(expandSet(s1));
  const in1 = (c: string): boolean => set1.has(c) !== complement;
  const list1 = expandSet(s1);
  const list2 = s2 === undefined ? [] : expandSet(s2);
  let out = '';
  let previous = '';
  const squeezeSet = new Set(del || s2 === undefined ? (squeeze && !del ? list1 : list2) : list2);
  const squeezes = (c: string): boolean => squeeze && (squeezeSet.has(c) !== (complement && !del && s2 === undefined));
  for (const c of ctx.stdin) {
    let ch = c;
    if (del) {
      if (in1(c)) continue;
    } else if (s2 !== undefined && in1(c)) {
      const index = complement ? list2.length - 1 : list1.lastIndexOf(c);
      ch = list2[Math.min(index, list2.length - 1)] ?? c;
    }
    if (squeezes(ch) && ch === previous) continue;
    out += ch;
    previous = ch;
  }
  ctx.stdout(out);
  return 0;
};
